package org.aimc.sim.hat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.aimc.sim.hw.AccuracyStats;
import org.aimc.sim.hw.ActivationRanges;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.hw.QuantisedNetwork;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;
import org.aimc.sim.nn.Trainer;
import org.aimc.sim.nn.TrainingSpec;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.space.SweepPlan;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One run of a training spec: a design point, a method and a seed. The pre-trained network is fine-tuned by
 * the method ({@link HatMethod}) and then programmed onto chip instances 0 .. chips - 1 of the point
 * ({@link SimulatedChip}), which classify the test images at every time after programming.
 *
 * <p>Deployment: the fine-tuned weights with the method's input ranges — the learned clipping levels of the
 * models, the MSE calibration of {@link ActivationRanges} for the baseline — as a {@link QuantisedNetwork}.
 * Hardware-in-the-loop training runs on chip instance {@code chips + seed position}, which is not one of the
 * evaluation chips: what it learns must hold for the design, not only for the chip it was trained on.
 *
 * <p>Randomness: the shuffle of the {@link Trainer} ({@code KeyedRandom.stream(seed, 0, TRAINING, 1 + epoch)}),
 * the models' noise from {@code KeyedRandom.stream(seed, point, TRAINING, }{@value #NOISE_INSTANCE}{@code )}
 * (two words of it seed a XoRoShiRo128++ generator), the chips' draws keyed by the sweep seed, point and chip
 * instance. A run is a pure function of its inputs.
 */
public final class HatRunner {
    /** KeyedRandom instance of the models' training noise (above the Trainer's shuffle instances). */
    public static final long NOISE_INSTANCE = 1L << 40;

    private HatRunner() {
    }

    /** The on-hardware accuracy over chips at one time after programming. */
    public record TimeAccuracy(double timeS, AccuracyStats stats) implements Serializable {
    }

    /**
     * The outcome of one run.
     *
     * @param pointIndex       design point
     * @param method           method id
     * @param seed             fine-tuning seed
     * @param epochs           fine-tuning epochs
     * @param accuracyDigital  the fine-tuned network's floating-point accuracy on the test images
     * @param hardware         on-hardware accuracy per evaluation time
     * @param trainSeconds     wall time of the fine-tuning, s
     * @param evalSeconds      wall time of the evaluation, s
     * @param programmings     chip programmings during training (hardware-in-the-loop; 0 otherwise)
     * @param skipped          why the run did not happen (then the numbers are NaN), or null
     */
    public record Result(long pointIndex, String method, long seed, int epochs, double accuracyDigital,
            List<TimeAccuracy> hardware, double trainSeconds, double evalSeconds, long programmings, String skipped)
            implements Serializable {
    }

    /** What every run of a spec shares: the pre-trained network, the data and the settings. */
    public record Inputs(Network pretrained, Examples train, Examples test, HatSettings settings) {
    }

    /**
     * Runs one (point, method, seed).
     *
     * @param plan         the sweep of the point
     * @param seedPosition position of {@code seed} in the spec's seeds (selects the hardware-in-the-loop chip)
     */
    public static Result run(Inputs in, SweepPlan plan, long index, HatMethod method, long seed, int seedPosition) {
        HatSettings s = in.settings();
        HardwarePoint point = HardwarePoint.of(plan, index);
        if (point.infeasibility() != null) {
            return skipped(index, method, seed, s, "infeasible design point: " + point.infeasibility());
        }
        TrainingTarget target = TrainingTarget.of(point, s.chipPhysics());
        if (method == HatMethod.PHYSICAL && !target.hasPhysics()) {
            return skipped(index, method, seed, s, "no systematic physics to model at this point (domain "
                    + target.domainId() + ", ir_drop " + point.spec().nonideal().irDrop() + ")");
        }
        Network net = in.pretrained().copy();
        int bits = target.inputBits();
        Examples train = in.train().head(Math.min(in.train().size(),
                method == HatMethod.HARDWARE_IN_LOOP || method == HatMethod.IN_SILICO ? s.hil().trainImages() : s.trainImages()));
        Examples test = in.test().head(Math.min(in.test().size(), s.testImages()));
        double[] clips0 = ActivationRanges.calibrate(net, train, Math.min(s.calibrationImages(), train.size()), bits);
        TrainingSpec ts = s.training().withEpochs(s.epochs()).withSeed(seed);
        UniformRandomProvider noise = noiseStream(seed, index);
        long t0 = System.nanoTime();
        double[] clips;
        long programmings = 0;
        switch (method) {
            case BASELINE -> {
                train(net, train, ts, MvmEngine.DIGITAL);
                clips = ActivationRanges.calibrate(net, train, Math.min(s.calibrationImages(), train.size()), bits);
            }
            case NOISE_INJECTION, PHYSICAL, IN_SILICO -> {
                ModelMvm.Model m = method == HatMethod.NOISE_INJECTION ? ModelMvm.Model.PROBABILISTIC
                        : method == HatMethod.PHYSICAL ? ModelMvm.Model.PHYSICAL : s.hil().twin();
                ModelMvm engine = new ModelMvm(target, m, true, clips0, true, noise);
                train(net, train, ts, engine);
                clips = engine.clips();
            }
            case HARDWARE_IN_LOOP -> {
                SimulatedChip chip = SimulatedChip.of(plan, index, point.spec().operating().timeS(),
                        point.spec().operating().driftCompensation(), s.chips() + seedPosition, s.chipPhysics(), null);
                ModelMvm twin = new ModelMvm(target, s.hil().twin(), false, clips0, true, null);
                HilMvm engine = new HilMvm(chip, twin, net, s.hil().reprogramSteps());
                train(net, train, ts, engine);
                clips = twin.clips();
                programmings = chip.programmings();
            }
            default -> throw new IllegalStateException("unhandled method " + method);
        }
        double trainS = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        double digital = net.classify(test, MvmEngine.DIGITAL, s.evalBatch(), null);
        QuantisedNetwork q = QuantisedNetwork.of(net, target.weightBits(), bits, clips);
        List<TimeAccuracy> hw = evaluate(plan, index, q, test, s);
        double evalS = (System.nanoTime() - t1) / 1e9;
        return new Result(index, method.id(), seed, s.epochs(), digital, hw, trainS, evalS, programmings, null);
    }

    /** Accuracy of a deployed network on chip instances 0 .. chips - 1 at every evaluation time. */
    public static List<TimeAccuracy> evaluate(SweepPlan plan, long index, QuantisedNetwork q, Examples test,
            HatSettings s) {
        boolean comp = plan.space().decode(index).operating().driftCompensation();
        SimulatedChip.Nominal nominal = new SimulatedChip.Nominal();
        List<TimeAccuracy> out = new ArrayList<>();
        for (double time : s.timesS()) {
            double[] acc = new double[s.chips()];
            for (int c = 0; c < s.chips(); c++) {
                SimulatedChip chip = SimulatedChip.of(plan, index, time, comp, c, s.chipPhysics(), nominal);
                chip.program(q);
                acc[c] = q.network().classify(test, chip.engine(), s.evalBatch(), null);
            }
            out.add(new TimeAccuracy(time, AccuracyStats.of(acc)));
        }
        return out;
    }

    private static void train(Network net, Examples train, TrainingSpec ts, MvmEngine engine) {
        Trainer t = new Trainer(net, train, ts, engine);
        while (t.epochsDone() < ts.epochs()) {
            t.runEpoch();
        }
    }

    /** The training-noise generator of a run. */
    static UniformRandomProvider noiseStream(long seed, long index) {
        UniformRandomProvider k = KeyedRandom.stream(seed, index, Purpose.TRAINING, NOISE_INSTANCE);
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {k.nextLong(), k.nextLong()});
    }

    private static Result skipped(long index, HatMethod method, long seed, HatSettings s, String why) {
        List<TimeAccuracy> hw = new ArrayList<>();
        for (double t : s.timesS()) {
            hw.add(new TimeAccuracy(t, null));
        }
        return new Result(index, method.id(), seed, s.epochs(), Double.NaN, hw, 0, 0, 0, why);
    }
}
