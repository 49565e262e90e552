package org.aimc.sim.hat;

import java.io.Serializable;
import java.util.List;
import org.aimc.sim.nn.TrainingSpec;
import org.aimc.sim.spec.Checks;
import org.aimc.sim.spec.SpecException;

/**
 * How the design points of a training spec are trained and evaluated.
 *
 * @param methods           the methods, each run for every point and seed (at least one, no repeats)
 * @param seeds             keys of the fine-tuning runs (shuffle order and injected noise)
 * @param epochs            fine-tuning epochs of every method
 * @param training          optimizer, learning rate, schedule, weight decay and batch of the fine-tuning (its
 *                          epochs and seed are those above)
 * @param trainImages       training images used (the first ones of the training split)
 * @param testImages        test images every chip classifies (the first ones of the test split)
 * @param calibrationImages training images of the input-range calibration (the baseline's, and the
 *                          models' starting point)
 * @param chips             chip instances each trained network is evaluated on (instances 0 .. chips - 1)
 * @param timesS            times after programming of the evaluation, s
 * @param evalBatch         inference batch of the evaluation
 * @param hil               hardware-in-the-loop settings (also the in-silico comparison's)
 * @param chipPhysics       tier-C effects of the simulated chips
 */
public record HatSettings(List<HatMethod> methods, List<Long> seeds, int epochs, TrainingSpec training,
        int trainImages, int testImages, int calibrationImages, int chips, List<Double> timesS, int evalBatch,
        Hil hil, ChipPhysics chipPhysics) implements Serializable {

    /**
     * Hardware-in-the-loop settings.
     *
     * @param reprogramSteps optimizer steps between programmings of the chip
     * @param twin           the model the gradients go through, {@code probabilistic} or {@code physical}
     * @param trainImages    training images of the hardware-in-the-loop and in-silico runs (the first ones;
     *                       at most {@link HatSettings#trainImages})
     * @param sweeps         names of the sweeps where the hardware-in-the-loop and in-silico runs happen;
     *                       empty: every sweep
     */
    public record Hil(int reprogramSteps, ModelMvm.Model twin, int trainImages, List<String> sweeps)
            implements Serializable {
        public Hil {
            Checks.intIn("training.hil.reprogram_steps", reprogramSteps, 1, 1_000_000);
            Checks.intIn("training.hil.train_images", trainImages, 1, 10_000_000);
            if (twin == null) {
                throw new SpecException("training.hil.twin", "missing");
            }
            sweeps = List.copyOf(sweeps == null ? List.of() : sweeps);
        }

        /** Whether the hardware-in-the-loop and in-silico methods run in sweep {@code name}. */
        public boolean at(String name) {
            return sweeps.isEmpty() || sweeps.contains(name);
        }
    }

    /** Whether {@code method} runs in sweep {@code name} (hardware-in-the-loop and in-silico: {@link Hil#sweeps}). */
    public boolean runs(HatMethod method, String sweep) {
        return !(method == HatMethod.HARDWARE_IN_LOOP || method == HatMethod.IN_SILICO) || hil.at(sweep);
    }

    public HatSettings {
        if (methods == null || methods.isEmpty()) {
            throw new SpecException("training.methods", "needs at least one of " + HatMethod.ids());
        }
        if (methods.stream().distinct().count() != methods.size()) {
            throw new SpecException("training.methods", "lists a method twice: " + methods);
        }
        methods = List.copyOf(methods);
        if (seeds == null || seeds.isEmpty()) {
            throw new SpecException("training.seeds", "needs at least one seed");
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new SpecException("training.seeds", "lists a seed twice: " + seeds);
        }
        seeds = List.copyOf(seeds);
        Checks.intIn("training.epochs", epochs, 1, 1000);
        if (training == null) {
            throw new SpecException("training", "missing optimizer settings");
        }
        Checks.intIn("training.train_images", trainImages, 1, 10_000_000);
        Checks.intIn("training.test_images", testImages, 1, 10_000_000);
        Checks.intIn("training.calibration_images", calibrationImages, 1, 10_000_000);
        Checks.intIn("training.chips", chips, 1, 1024);
        if (timesS == null || timesS.isEmpty()) {
            throw new SpecException("training.times_s", "needs at least one time after programming");
        }
        for (double t : timesS) {
            Checks.finiteIn("training.times_s", t, 0, 1e10);
        }
        timesS = List.copyOf(timesS);
        Checks.intIn("training.eval_batch", evalBatch, 1, 1 << 16);
        if (hil == null) {
            throw new SpecException("training.hil", "missing");
        }
        if (hil.trainImages() > trainImages) {
            throw new SpecException("training.hil.train_images", "is " + hil.trainImages()
                    + ", more than training.train_images = " + trainImages);
        }
        if (chipPhysics == null) {
            throw new SpecException("training.chip_physics", "missing");
        }
    }

    /** Every setting as {@code key=value} lines in a fixed order. */
    public String canonicalText() {
        StringBuilder sb = new StringBuilder();
        sb.append("methods=").append(methods.stream().map(HatMethod::id).toList()).append('\n');
        sb.append("seeds=").append(seeds).append('\n');
        sb.append("epochs=").append(epochs).append('\n');
        sb.append(training.withEpochs(epochs).withSeed(0).canonicalText());
        sb.append("train_images=").append(trainImages).append('\n');
        sb.append("test_images=").append(testImages).append('\n');
        sb.append("calibration_images=").append(calibrationImages).append('\n');
        sb.append("chips=").append(chips).append('\n');
        sb.append("times_s=").append(timesS).append('\n');
        sb.append("eval_batch=").append(evalBatch).append('\n');
        sb.append("hil.reprogram_steps=").append(hil.reprogramSteps()).append('\n');
        sb.append("hil.twin=").append(hil.twin().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        sb.append("hil.train_images=").append(hil.trainImages()).append('\n');
        sb.append("hil.sweeps=").append(hil.sweeps()).append('\n');
        sb.append("chip_physics.charge_input_ohm=").append(chipPhysics.chargeInputOhm()).append('\n');
        sb.append("chip_physics.charge_node_cap_f=").append(chipPhysics.chargeNodeCapF()).append('\n');
        return sb.toString();
    }
}
