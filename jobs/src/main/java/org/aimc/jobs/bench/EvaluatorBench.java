package org.aimc.jobs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.aimc.sim.eval.Evaluator;
import org.aimc.sim.eval.ResultRow;
import org.aimc.sim.space.SweepPlan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** Tier-A evaluator throughput on one thread: points per second over a sweep's index range, in order. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvaluatorBench {
    static final int BATCH = 10_000;

    @Param("conf/sweeps/million.yaml")
    public String spec;

    private Evaluator evaluator;
    private ResultRow row;
    private long size;
    private long next;

    @Setup
    public void setup() throws IOException {
        SweepPlan plan = SweepPlan.parse(Files.readString(Path.of(spec)));
        evaluator = new Evaluator(plan);
        row = new ResultRow();
        size = plan.size();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void evaluate(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            evaluator.evaluate(next, row);
            bh.consume(row);
            next = next + 1 == size ? 0 : next + 1;
        }
    }
}
