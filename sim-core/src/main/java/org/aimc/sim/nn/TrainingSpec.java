package org.aimc.sim.nn;

import java.io.Serializable;
import java.util.List;
import org.aimc.sim.config.SpecYaml;
import org.aimc.sim.spec.Checks;

/**
 * How a network is trained: optimizer and its settings, learning-rate schedule, L2 weight decay,
 * mini-batch size, epochs and the seed of initialisation and shuffling. Its {@link #canonicalText()} (and
 * {@link #hash()}) key the trained-weight cache.
 *
 * @param optimizer    {@code sgd} (heavy-ball momentum, {@link Sgd}) or {@code adam} ({@link Adam})
 * @param learningRate initial step size η
 * @param schedule     {@code constant}, or {@code cosine}: η_t = η · (1 + cos(π t / T)) / 2 over the T
 *                     steps of the run (Loshchilov and Hutter, SGDR, ICLR 2017, eq. 5 without restarts)
 * @param momentum     μ of {@code sgd} (ignored by adam)
 * @param beta1        β1 of {@code adam} (ignored by sgd)
 * @param beta2        β2 of {@code adam} (ignored by sgd)
 * @param epsilon      ε of {@code adam} (ignored by sgd)
 * @param weightDecay  L2 coefficient λ added to the weight gradients (λ W; biases are not decayed)
 * @param batchSize    examples per mini-batch (the last batch of an epoch may be smaller)
 * @param epochs       passes over the training set
 * @param seed         key of the initial weights and of every epoch's shuffle ({@link Trainer})
 */
public record TrainingSpec(String optimizer, double learningRate, String schedule, double momentum, double beta1,
        double beta2, double epsilon, double weightDecay, int batchSize, int epochs, long seed) implements Serializable {
    public static final List<String> OPTIMIZERS = List.of("sgd", "adam");
    public static final List<String> SCHEDULES = List.of("constant", "cosine");

    public TrainingSpec {
        Checks.oneOf("optimizer", optimizer, OPTIMIZERS);
        Checks.positive("learning_rate", learningRate, 10);
        Checks.oneOf("schedule", schedule, SCHEDULES);
        Checks.finiteIn("momentum", momentum, 0, 0.999);
        Checks.finiteIn("beta1", beta1, 0, 0.999);
        Checks.finiteIn("beta2", beta2, 0, 0.999999);
        Checks.positive("epsilon", epsilon, 1);
        Checks.finiteIn("weight_decay", weightDecay, 0, 1);
        Checks.intIn("batch_size", batchSize, 1, 1 << 16);
        Checks.intIn("epochs", epochs, 1, 10_000);
    }

    /** Adam with the paper's β1 = 0.9, β2 = 0.999, ε = 1e-8 (Kingma and Ba 2015, Algorithm 1). */
    public static TrainingSpec adam(double learningRate, String schedule, double weightDecay, int batchSize,
            int epochs, long seed) {
        return new TrainingSpec("adam", learningRate, schedule, 0, 0.9, 0.999, 1e-8, weightDecay, batchSize, epochs,
                seed);
    }

    /** SGD with momentum μ (Adam's settings at their defaults, unused). */
    public static TrainingSpec sgd(double learningRate, String schedule, double momentum, double weightDecay,
            int batchSize, int epochs, long seed) {
        return new TrainingSpec("sgd", learningRate, schedule, momentum, 0.9, 0.999, 1e-8, weightDecay, batchSize,
                epochs, seed);
    }

    public TrainingSpec withEpochs(int v) {
        return new TrainingSpec(optimizer, learningRate, schedule, momentum, beta1, beta2, epsilon, weightDecay,
                batchSize, v, seed);
    }

    public TrainingSpec withSeed(long v) {
        return new TrainingSpec(optimizer, learningRate, schedule, momentum, beta1, beta2, epsilon, weightDecay,
                batchSize, epochs, v);
    }

    /** A new optimizer of this spec's kind and settings, without state. */
    public Optimizer newOptimizer() {
        return optimizer.equals("adam") ? new Adam(beta1, beta2, epsilon) : new Sgd(momentum);
    }

    /** The step size of step {@code step} (0-based) of a run of {@code totalSteps} steps. */
    public double learningRate(long step, long totalSteps) {
        if (schedule.equals("constant")) {
            return learningRate;
        }
        return learningRate * 0.5 * (1.0 + StrictMath.cos(Math.PI * step / totalSteps));
    }

    /** Every setting as {@code key=value} lines in a fixed order (numbers in Java's shortest exact form). */
    public String canonicalText() {
        return "optimizer=" + optimizer + "\nlearning_rate=" + learningRate + "\nschedule=" + schedule
                + "\nmomentum=" + momentum + "\nbeta1=" + beta1 + "\nbeta2=" + beta2 + "\nepsilon=" + epsilon
                + "\nweight_decay=" + weightDecay + "\nbatch_size=" + batchSize + "\nepochs=" + epochs + "\nseed="
                + seed + "\n";
    }

    /** SHA-256 of {@link #canonicalText()}, lower-case hex. */
    public String hash() {
        return SpecYaml.hash(canonicalText());
    }
}
