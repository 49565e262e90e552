package org.aimc.jobs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.aimc.datasets.DataSplit;
import org.aimc.datasets.FashionMnist;
import org.aimc.datasets.Recipe;
import org.aimc.datasets.Recipes;
import org.aimc.datasets.TrainedNetworks;
import org.aimc.sim.config.HatSpecYaml;
import org.aimc.sim.hat.HatSpec;
import org.aimc.sim.hat.ModelMvm;
import org.aimc.sim.hat.TrainingTarget;
import org.aimc.sim.hw.ActivationRanges;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;
import org.aimc.sim.nn.Trainer;
import org.aimc.sim.nn.TrainingSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Speed of hardware-aware training of {@code fashion-mlp} (784-256-128-10) on one core: one epoch over the
 * 60,000 Fashion-MNIST training images (Adam, batches of 128) from the reference weights, through the
 * training model of a design point — {@code noiseInjection} the probabilistic model (device noise drawn every
 * step, output noise, STE quantizers, learned ranges), {@code digital} the same epoch with the exact product
 * for comparison. The point is the {@code point}-th point of the training spec {@code spec} (default: the
 * noise point of {@code conf/training/hat-acceptance.yaml}). Needs the Debian package dataset-fashion-mnist; the
 * reference weights come from the cache {@code -Daimc.cache.dir} (default {@code results/cache}).
 * Run through {@code aimc bench hat}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@OutputTimeUnit(TimeUnit.SECONDS)
public class HatBench {
    @Param("conf/training/hat-acceptance.yaml")
    public String spec;

    @Param("0")
    public int point;

    private DataSplit data;
    private Network reference;
    private TrainingTarget target;
    private double[] clips;
    private TrainingSpec training;
    private Trainer noisy;
    private Trainer digital;

    @Setup(Level.Trial)
    public void load() throws Exception {
        HatSpec hs = HatSpecYaml.parse(Files.readString(Path.of(spec)));
        Recipe recipe = Recipes.get(hs.sweeps().get(0).workload().id());
        data = FashionMnist.load();
        Path cache = Path.of(System.getProperty("aimc.cache.dir", "results/cache"));
        reference = TrainedNetworks.loadOrTrain(recipe, cache, () -> data, null).network();
        HatSpec.PointRef ref = hs.points().get(point);
        target = TrainingTarget.of(HardwarePoint.of(hs.plan(ref.sweep()), ref.index()), hs.settings().chipPhysics());
        clips = ActivationRanges.calibrate(reference, data.train(), 2000, target.inputBits());
        training = hs.settings().training().withEpochs(1).withSeed(1);
    }

    @Setup(Level.Iteration)
    public void freshTrainers() {
        ModelMvm engine = new ModelMvm(target, ModelMvm.Model.PROBABILISTIC, true, clips, true,
                org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {1, 2}));
        noisy = new Trainer(reference.copy(), data.train(), training, engine);
        digital = new Trainer(reference.copy(), data.train(), training, MvmEngine.DIGITAL);
    }

    /** One noise-injection epoch over the 60,000 images; returns the mean loss. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public double noiseInjection() {
        return noisy.runEpoch();
    }

    /** The same epoch with the exact digital product. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public double digital() {
        return digital.runEpoch();
    }
}
