package org.aimc.jobs.bench;

import java.util.concurrent.TimeUnit;
import org.aimc.sim.crossbar.Crossbar;
import org.aimc.sim.crossbar.CrossbarSpec;
import org.aimc.sim.crossbar.Crossbars;
import org.aimc.sim.crossbar.NodalModel;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nodal crossbar solver (issue 6 targets, one thread): set-up and factorization of a model, one additional
 * input vector, a batch of 64 vectors, and the direct nested-dissection Cholesky for comparison. RRAM cells
 * uniform in [1, 40] uS (rram.yaml), 1T1R with the default 2 kOhm access transistor, inputs in [0, 0.2] V,
 * ideal drivers and virtual grounds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class CrossbarBenchmarks {
    /** Rows = columns. */
    @Param({"128", "256"})
    public int size;

    /** Wire segment resistance, ohm (0.35: aihwkit's default, physics.md §5.1). */
    @Param({"0.35"})
    public double wireOhm;

    private Crossbar crossbar;
    private NodalModel model;
    private double[] one;
    private double[] batch;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        CrossbarSpec spec = CrossbarSpec.of(size, size, "1T1R", wireOhm);
        crossbar = Crossbars.random(spec, 1).crossbar();
        model = NodalModel.of(crossbar);
        UniformRandomProvider rng = KeyedRandom.stream(2, 0, Purpose.DATA, 0);
        batch = new double[64 * size];
        for (int k = 0; k < batch.length; k++) {
            batch[k] = Crossbars.DEFAULT_V_MAX_LINEAR_V * rng.nextDouble();
        }
        one = java.util.Arrays.copyOf(batch, size);
        out = new double[64 * size];
    }

    /** Validation, layout and factorization of a new crossbar (iterative kernel). */
    @Benchmark
    public NodalModel setupAndFactorize() {
        return NodalModel.of(crossbar);
    }

    /** Column currents of one more input vector on a factorized model. */
    @Benchmark
    public double[] perAdditionalVector() {
        model.columnCurrents(one, out);
        return out;
    }

    /** Column currents of 64 input vectors (divide by 64 for the time per vector). */
    @Benchmark
    public double[] batchOf64() {
        model.columnCurrents(batch, 64, out);
        return out;
    }

    /** Set-up and factorization with the direct nested-dissection sparse Cholesky (EJML), for comparison. */
    @Benchmark
    public NodalModel directSetupAndFactorize() {
        return NodalModel.of(crossbar, NodalModel.Method.DIRECT);
    }
}
