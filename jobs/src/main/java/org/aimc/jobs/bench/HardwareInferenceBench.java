package org.aimc.jobs.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.aimc.datasets.DataSplit;
import org.aimc.datasets.FashionMnist;
import org.aimc.datasets.Recipes;
import org.aimc.datasets.TrainedNetworks;
import org.aimc.sim.hw.HardwareNetwork;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.hw.QuantisedNetwork;
import org.aimc.sim.nn.Network;
import org.aimc.sim.space.SweepPlan;
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
 * Tier-B inference speed (issue 7): one chip instance of a design point classifies all 10,000
 * Fashion-MNIST test images with the trained {@code fashion-mlp} (784-256-128-10) on 256 x 256 tiles, every
 * nonideality the tier-B tiles model switched on (programming, read noise, drift at one day with
 * compensation, stuck-at faults, first-order IR drop, I-V nonlinearity (amplitude inputs), temperature, circuit
 * mismatch and noise, SAR converter with calibration), on one thread: {@code programAndClassify} programs the 37 tiles of a fresh chip and runs
 * the test set in batches of {@value #BATCH}. The network comes from the weight cache
 * ({@code -Daimc.cache}, default {@code results/cache}; trained there first when missing).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@OutputTimeUnit(TimeUnit.SECONDS)
public class HardwareInferenceBench {
    public static final int BATCH = 100;

    @Param({"rram"})
    public String device;

    @Param({"current"})
    public String domain;

    @Param({"bit-serial"})
    public String dac;

    private Fixture fixture;
    private int chip;

    /** The test set, the quantised network and the design point of one configuration. */
    public record Fixture(DataSplit data, QuantisedNetwork network, HardwarePoint point) {
        /** Programs chip {@code chip} and classifies the whole test set; returns the accuracy. */
        public double programAndClassify(int chip) {
            return HardwareNetwork.program(network, point, chip).classify(data.test(), BATCH, null);
        }
    }

    /**
     * Loads the data set and the trained network (weight cache {@code cacheDir}), calibrates the network for
     * 8-bit weights and inputs on 2,000 training images, and resolves the design point.
     */
    public static Fixture fixture(String device, String domain, String dac, Path cacheDir) {
        DataSplit data = FashionMnist.load();
        Network net = TrainedNetworks.loadOrTrain(Recipes.get(Recipes.FASHION_MLP), cacheDir, () -> data, null)
                .network();
        QuantisedNetwork q = QuantisedNetwork.calibrated(net, 8, 8, data.train(), 2000);
        return new Fixture(data, q, HardwarePoint.of(SweepPlan.parse(spec(device, domain, dac)), 0));
    }

    /** The benchmark's design point (8-bit weights and inputs, 2-bit cells, differential, 8-bit SAR ADC). */
    public static String spec(String device, String domain, String dac) {
        String adc = domain.equals("time") ? "tdc" : "sar";
        String bpc = domain.equals("charge-redistribution") || domain.equals("capacitive-division") ? "1" : "2";
        return "name: bench-refine\nseed: 1\nworkload: fashion-mlp\nbase:\n  device: {kind: " + device + "}\n"
                + "  domain: {kind: " + domain + "}\n  array: {rows: 256, cols: 256}\n"
                + "  dac: {kind: " + dac + ", bits: 8}\n  adc: {kind: " + adc + ", bits: 8}\n"
                + "  mapping: {weight_bits: 8, bits_per_cell: " + bpc + ", signed: differential}\n"
                + "  operating: {time_s: 86400, drift_compensation: true}\n"
                + "  nonideal: {programming_noise: 1, read_noise: 1, drift: 1, ir_drop: analytic, stuck_at: 1,"
                + " nonlinearity: 1, temperature: 1, circuit_mismatch: 1, circuit_noise: 1}\n";
    }

    @Setup(Level.Trial)
    public void load() {
        fixture = fixture(device, domain, dac, Path.of(System.getProperty("aimc.cache", "results/cache")));
    }

    /** Programs a new chip instance and classifies the 10,000 test images; returns the accuracy. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public double programAndClassify() {
        return fixture.programAndClassify(chip++);
    }
}
