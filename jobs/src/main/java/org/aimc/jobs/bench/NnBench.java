package org.aimc.jobs.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.aimc.datasets.DataSplit;
import org.aimc.datasets.FashionMnist;
import org.aimc.datasets.Recipe;
import org.aimc.datasets.Recipes;
import org.aimc.datasets.TrainedNetworks;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;
import org.aimc.sim.nn.Trainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Speed of the reference workload {@code fashion-mlp} (784-256-128-10) on one core, digital:
 * {@code trainingEpoch} is one epoch of its recipe (60,000 Fashion-MNIST images, Adam, batches of 128)
 * from fresh weights; {@code inferenceTestSet} classifies the 10,000 test images with the trained weights
 * (from the weight cache {@code -Daimc.cache.dir}, default {@code results/cache}, trained there first if
 * missing) in batches of 500. Both run single-threaded. Needs the Debian package dataset-fashion-mnist.
 *
 * <p>Run: {@code java -cp jobs/target/aimc-jobs.jar:$(cat jobs/target/classpath.txt)
 * org.aimc.jobs.bench.NnBench} (after {@code mvn -DskipTests package}), or through JMH's own main
 * ({@code org.openjdk.jmh.Main NnBench}).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@OutputTimeUnit(TimeUnit.SECONDS)
public class NnBench {
    private Recipe recipe;
    private DataSplit data;
    private Network trained;
    private Trainer trainer;

    @Setup(Level.Trial)
    public void load() {
        recipe = Recipes.get(Recipes.FASHION_MLP);
        data = FashionMnist.load();
        Path cache = Path.of(System.getProperty("aimc.cache.dir", "results/cache"));
        trained = TrainedNetworks.loadOrTrain(recipe, cache, () -> data, null).network();
    }

    @Setup(Level.Iteration)
    public void freshTrainer() {
        Network net = Network.forWorkload(recipe.workload(), recipe.training().seed());
        trainer = new Trainer(net, data.train(), recipe.training(), MvmEngine.DIGITAL);
    }

    /** One training epoch over the 60,000 images; returns the mean loss. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public double trainingEpoch() {
        return trainer.runEpoch();
    }

    /** Classifies the 10,000 test images; returns the accuracy. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public double inferenceTestSet() {
        return trained.classify(data.test(), MvmEngine.DIGITAL, 500, null);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(NnBench.class.getName() + "\\." + (args.length > 0 ? args[0] : ""))
                .build()).run();
    }
}
