package org.aimc.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.aimc.sim.crossbar.Crossbar;
import org.aimc.sim.crossbar.CrossbarSpec;
import org.aimc.sim.crossbar.Crossbars;
import org.aimc.sim.crossbar.NodalModel;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.AuxCounters;
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
 *
 * <p>Besides wall time per operation, each benchmark counts the benchmark thread's CPU time (ThreadMXBean),
 * the one-core cost even when other processes share the machine; {@code aimc bench crossbar --jmh} prints
 * both per operation.
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

    /**
     * Thread CPU time of the operations, reported next to the wall time as two event counters summed over the
     * measurement: {@code cpuMs} and {@code ops} (CPU ms per operation = cpuMs / ops).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        /** Thread CPU time of this iteration's operations, ms. */
        public double cpuMs;
        /** Operations of this iteration. */
        public double ops;
        private long start;

        @Setup(Level.Iteration)
        public void reset() {
            cpuMs = 0;
            ops = 0;
        }

        void begin() {
            start = THREADS.getCurrentThreadCpuTime();
        }

        void end() {
            cpuMs += (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
            ops++;
        }
    }

    /** Validation, layout and factorization of a new crossbar (iterative kernel). */
    @Benchmark
    public NodalModel setupAndFactorize(Cpu cpu) {
        cpu.begin();
        NodalModel m = NodalModel.of(crossbar);
        cpu.end();
        return m;
    }

    /** Column currents of one more input vector on a factorized model. */
    @Benchmark
    public double[] perAdditionalVector(Cpu cpu) {
        cpu.begin();
        model.columnCurrents(one, out);
        cpu.end();
        return out;
    }

    /** Column currents of 64 input vectors (divide by 64 for the time per vector). */
    @Benchmark
    public double[] batchOf64(Cpu cpu) {
        cpu.begin();
        model.columnCurrents(batch, 64, out);
        cpu.end();
        return out;
    }

    /** Set-up and factorization with the direct nested-dissection sparse Cholesky (EJML), for comparison. */
    @Benchmark
    public NodalModel directSetupAndFactorize(Cpu cpu) {
        cpu.begin();
        NodalModel m = NodalModel.of(crossbar, NodalModel.Method.DIRECT);
        cpu.end();
        return m;
    }
}
