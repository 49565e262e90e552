package org.aimc.sim.nn;

import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Mini-batch training of a {@link Network} with softmax cross-entropy. Each epoch visits the training set
 * in a fresh random order (Fisher–Yates) and takes one optimizer step per mini-batch of
 * {@link TrainingSpec#batchSize()} examples (the last batch may be smaller).
 *
 * <p>Deterministic: single-threaded, fixed summation orders, and randomness keyed by what it is for —
 * initial weights {@code KeyedRandom.stream(seed, 0, TRAINING, 0)} ({@link Network#initialized}), the
 * shuffle of epoch {@code e} (0-based) {@code KeyedRandom.stream(seed, 0, TRAINING, 1 + e)}. The same
 * network, data and spec give bit-identical weights on a given JVM and platform (the loss, the schedule and
 * Adam use {@link StrictMath}; the Gaussian sampler of the initial weights uses {@code Math.exp}, which a
 * JVM may compute differently in the last bit).
 *
 * <p>The forward pass goes through the engine given to the constructor ({@link MvmEngine#DIGITAL} for
 * ordinary training; a noisy engine for hardware-aware training); gradients always use the exact weights.
 */
public final class Trainer {
    /** KeyedRandom instance of the initial weights. */
    static final long INSTANCE_INIT = 0;
    /** KeyedRandom instance of epoch 0's shuffle; epoch e uses this + e. */
    static final long INSTANCE_FIRST_SHUFFLE = 1;

    /** Told after every epoch. */
    @FunctionalInterface
    public interface Listener {
        /** @param epoch 0-based index of the finished epoch; @param meanLoss its mean training loss */
        void epochDone(int epoch, double meanLoss);
    }

    private final Network net;
    private final Examples data;
    private final TrainingSpec spec;
    private final MvmEngine engine;
    private final Optimizer optimizer;
    private final Workspace ws;
    private final Gradients grads;
    private final double[][] params;
    private final double[][] gradArrays;
    private final double[] x;
    private final int[] labels;
    private final int[] order;
    private final long totalSteps;
    private int epoch;

    /** A trainer of {@code net} (updated in place) on {@code data}. */
    public Trainer(Network net, Examples data, TrainingSpec spec, MvmEngine engine) {
        if (data.features() != net.inputs()) {
            throw new IllegalArgumentException("the training data has " + data.features()
                    + " features, the network " + net.inputs() + " inputs");
        }
        if (data.classes() != net.outputs()) {
            throw new IllegalArgumentException("the training data has " + data.classes()
                    + " classes, the network " + net.outputs() + " outputs");
        }
        if (data.size() < 1) {
            throw new IllegalArgumentException("the training data is empty");
        }
        this.net = net;
        this.data = data;
        this.spec = spec;
        this.engine = engine;
        this.optimizer = spec.newOptimizer();
        int batch = Math.min(spec.batchSize(), data.size());
        this.ws = net.workspace(batch);
        this.grads = new Gradients(net);
        this.params = net.parameters();
        this.gradArrays = grads.arrays();
        this.x = new double[batch * net.inputs()];
        this.labels = new int[batch];
        this.order = new int[data.size()];
        long perEpoch = (data.size() + spec.batchSize() - 1) / spec.batchSize();
        this.totalSteps = perEpoch * spec.epochs();
    }

    /**
     * Trains a network initialised from the spec's seed ({@link Network#initialized}) for all epochs of
     * {@code spec} with the exact digital product.
     */
    public static Network train(int[] sizes, Examples data, TrainingSpec spec, Listener listener) {
        Network net = Network.initialized(sizes, spec.seed());
        Trainer t = new Trainer(net, data, spec, MvmEngine.DIGITAL);
        while (t.epochsDone() < spec.epochs()) {
            double loss = t.runEpoch();
            if (listener != null) {
                listener.epochDone(t.epochsDone() - 1, loss);
            }
        }
        return net;
    }

    /** Epochs finished so far. */
    public int epochsDone() {
        return epoch;
    }

    /**
     * Runs the next epoch (the learning-rate schedule runs over {@code spec.epochs()} epochs; later epochs
     * continue at the schedule's final rate). Modifies the network's parameters.
     *
     * @return the mean training loss over the epoch's batches, weighted by batch size
     */
    public double runEpoch() {
        shuffle(KeyedRandom.stream(spec.seed(), 0, Purpose.TRAINING, INSTANCE_FIRST_SHUFFLE + epoch));
        int n = data.size();
        int bs = spec.batchSize();
        int classes = net.outputs();
        double lossSum = 0;
        long step = optimizer.steps();
        for (int from = 0; from < n; from += bs) {
            int b = Math.min(bs, n - from);
            data.gather(order, from, b, x, labels);
            net.forward(engine, x, b, ws);
            lossSum += b * Losses.softmaxCrossEntropy(ws.logits(), labels, b, classes, ws.outputGradient());
            net.backward(x, b, ws, grads);
            if (spec.weightDecay() > 0) {
                for (int l = 0; l < net.depth(); l++) {
                    Kernels.axpy(spec.weightDecay(), net.layer(l).weights(), 0, grads.dW[l], 0,
                            grads.dW[l].length);
                }
            }
            optimizer.step(params, gradArrays, spec.learningRate(Math.min(step, totalSteps), totalSteps));
            step++;
        }
        epoch++;
        return lossSum / n;
    }

    private void shuffle(UniformRandomProvider rng) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
