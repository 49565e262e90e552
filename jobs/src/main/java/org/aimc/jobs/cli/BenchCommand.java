package org.aimc.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.aimc.jobs.bench.EvaluatorBench;
import org.aimc.jobs.bench.TileMvmBench;
import org.aimc.jobs.spark.SparkSessions;
import org.aimc.jobs.spark.SweepJob;
import org.aimc.sim.eval.Evaluator;
import org.aimc.sim.eval.ResultRow;
import org.aimc.sim.space.SweepPlan;
import org.apache.spark.sql.SparkSession;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aimc bench ...}: the committed benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the committed benchmarks (see the README for the figures on the reference machine).",
        subcommands = {BenchCommand.EvaluatorCmd.class, BenchCommand.SparkOverheadCmd.class, CrossbarBenchCommand.class,
            BenchCommand.TileCmd.class, RefineBenchCommand.class, BenchCommand.HatCmd.class})
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("choose a benchmark: evaluator, spark-overhead, crossbar, tile, refine, hat (aimc bench --help)");
    }

    /** JMH: tier-A evaluator points per second on one thread. */
    @Command(name = "evaluator", mixinStandardHelpOptions = true,
            description = "JMH: analytic-tier evaluator throughput (points/s, one thread).")
    static final class EvaluatorCmd implements Callable<Integer> {
        @Option(names = "--spec", description = "Sweep spec whose points are evaluated. Default: ${DEFAULT-VALUE}.")
        String spec = "conf/sweeps/million.yaml";

        @Option(names = "--forks", description = "JMH forks. Default: ${DEFAULT-VALUE}.")
        int forks = 1;

        @Option(names = "--iterations", description = "Measurement iterations of 2 s. Default: ${DEFAULT-VALUE}.")
        int iterations = 5;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(Path.of(spec))) {
                throw new UserError("spec file '" + spec + "' does not exist");
            }
            Options o = new OptionsBuilder().include(EvaluatorBench.class.getName()).param("spec", spec).forks(forks)
                    // 6 warm-up iterations: the memoised subspaces and the JIT settle only after ~10 s (3 left the
                    // first measured iterations 10-20 % low)
                    .warmupIterations(6).warmupTime(TimeValue.seconds(2)).measurementIterations(iterations)
                    .measurementTime(TimeValue.seconds(2)).threads(1).build();
            Collection<RunResult> results = new Runner(o).run();
            for (RunResult r : results) {
                System.out.printf("[bench] evaluator on %s: %,.0f points/s per thread (± %,.0f, 99.9%% CI)%n", spec,
                        r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError());
            }
            return 0;
        }
    }

    /** JMH: tier-B tile MVM per domain against the ideal EJML product. */
    @Command(name = "tile", mixinStandardHelpOptions = true,
            description = "JMH: tier-B MVM of a 256x256 tile, batch of 64, every nonideality on, per domain, "
                    + "against the same-sized ideal EJML product.")
    static final class TileCmd implements Callable<Integer> {
        @Option(names = "--forks", description = "JMH forks. Default: ${DEFAULT-VALUE}.")
        int forks = 1;

        @Option(names = "--iterations", description = "Measurement iterations of 1 s. Default: ${DEFAULT-VALUE}.")
        int iterations = 5;

        @Option(names = "--zeros", split = ",", description = "Input zero fractions. Default: 0.5.")
        java.util.List<String> zeros = java.util.List.of("0.5");

        @Override
        public Integer call() throws Exception {
            Options o = new OptionsBuilder().include(TileMvmBench.class.getName()).forks(forks).warmupIterations(3)
                    .warmupTime(TimeValue.seconds(1)).measurementIterations(iterations)
                    .measurementTime(TimeValue.seconds(1)).threads(1).param("zeros", zeros.toArray(new String[0]))
                    .build();
            Collection<RunResult> results = new Runner(o).run();
            java.util.Map<String, Double> ejml = new java.util.TreeMap<>();
            for (RunResult r : results) {
                if (r.getParams().getBenchmark().endsWith(".ejml")) {
                    ejml.merge(r.getParams().getParam("zeros"), r.getPrimaryResult().getScore(), Math::min);
                }
            }
            System.out.printf("[bench] %-22s %-6s %12s %14s %10s%n", "domain", "zeros", "us/batch", "ns per MVM",
                    "x EJML");
            for (RunResult r : results) {
                if (!r.getParams().getBenchmark().endsWith(".tile")) {
                    continue;
                }
                String z = r.getParams().getParam("zeros");
                double us = r.getPrimaryResult().getScore();
                System.out.printf("[bench] %-22s %-6s %12.1f %14.0f %10.2f%n", r.getParams().getParam("domain"), z, us,
                        us * 1e3 / TileMvmBench.BATCH, us / ejml.get(z));
            }
            ejml.forEach((z, us) -> System.out.printf("[bench] %-22s %-6s %12.1f %14.0f %10.2f%n", "ideal EJML", z, us,
                    us * 1e3 / TileMvmBench.BATCH, 1.0));
            return 0;
        }
    }

    /** JMH: one epoch of hardware-aware training of fashion-mlp (noise injection) against a digital epoch. */
    @Command(name = "hat", mixinStandardHelpOptions = true,
            description = "JMH: one epoch of fashion-mlp on the 60k Fashion-MNIST training images with noise "
                    + "injection (the probabilistic training model of a design point), one thread, against the "
                    + "same epoch digital.")
    static final class HatCmd implements Callable<Integer> {
        @Option(names = "--spec", description = "Training spec of the point. Default: ${DEFAULT-VALUE}.")
        String spec = "conf/training/hat-acceptance.yaml";

        @Option(names = "--point", description = "Position of the point in the spec's points. Default: ${DEFAULT-VALUE}.")
        int point = 0;

        @Option(names = "--forks", description = "JMH forks. Default: ${DEFAULT-VALUE}.")
        int forks = 1;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(Path.of(spec))) {
                throw new UserError("spec file '" + spec + "' does not exist");
            }
            Options o = new OptionsBuilder().include(org.aimc.jobs.bench.HatBench.class.getName()).param("spec", spec)
                    .param("point", Integer.toString(point)).forks(forks).threads(1)
                    .jvmArgsAppend("-Daimc.cache.dir=" + System.getProperty("aimc.cache", "results/cache")).build();
            for (RunResult r : new Runner(o).run()) {
                String name = r.getParams().getBenchmark();
                System.out.printf("[bench] hat %s, point %d of %s: %.1f s per epoch of 60,000 images (± %.1f)%n",
                        name.substring(name.lastIndexOf('.') + 1), point, spec, r.getPrimaryResult().getScore(),
                        r.getPrimaryResult().getScoreError());
            }
            return 0;
        }
    }

    /** The same points through the local runner and through Spark local[2]. */
    @Command(name = "spark-overhead", mixinStandardHelpOptions = true,
            description = "Points/s of the single-thread local runner vs a Spark local[2] sweep (Parquet written).")
    static final class SparkOverheadCmd implements Callable<Integer> {
        @Option(names = "--spec", description = "Sweep spec. Default: ${DEFAULT-VALUE}.")
        String spec = "conf/sweeps/million.yaml";

        @Override
        public Integer call() throws Exception {
            SweepPlan plan = SweepPlan.parse(SpecFiles.read(Path.of(spec)));
            long n = plan.size();
            double localS = Double.MAX_VALUE;
            for (int rep = 0; rep < 2; rep++) { // first pass warms the JIT and the memoised models
                Evaluator ev = new Evaluator(plan);
                ResultRow row = new ResultRow();
                long t0 = System.nanoTime();
                long sink = 0;
                for (long i = 0; i < n; i++) {
                    sink += ev.evaluate(i, row).getLong(3);
                }
                localS = Math.min(localS, (System.nanoTime() - t0) / 1e9);
                if (sink != n * (n - 1) / 2) {
                    throw new IllegalStateException("point indices do not add up");
                }
            }
            long s0 = System.nanoTime();
            SparkSession spark = SparkSessions.get("local[2]", "aimc bench");
            double startS = (System.nanoTime() - s0) / 1e9;
            Path tmp = Files.createTempDirectory("aimc-bench");
            try {
                SweepJob.Result warm = SweepJob.run(spark, SweepPlan.parse(SpecFiles.read(Path.of(
                        "conf/sweeps/quickstart.yaml"))), options(tmp.resolve("warm")));
                SweepJob.Result r = SweepJob.run(spark, plan, options(tmp.resolve("run")));
                double sparkS = r.wallSeconds();
                System.out.printf("[bench] %s, %,d points%n", spec, n);
                System.out.printf("[bench] local runner, 1 thread, rows in memory: %8.2f s  %,12.0f points/s%n", localS,
                        n / localS);
                System.out.printf("[bench] Spark local[2], Parquet written:        %8.2f s  %,12.0f points/s"
                        + "  (session start %.1f s, warm-up sweep %.1f s not included)%n", sparkS, n / sparkS, startS,
                        warm.wallSeconds());
                System.out.printf("[bench] Spark / local wall-time ratio: %.2f%n", sparkS / localS);
            } finally {
                try (Stream<Path> s = Files.walk(tmp)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return 0;
        }

        static SweepJob.Options options(Path out) {
            return new SweepJob.Options(new org.apache.hadoop.fs.Path("file", null, out.toString()), null, false,
                    false, null, System.out, false);
        }
    }
}
