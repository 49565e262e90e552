package org.aimc.jobs.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.aimc.jobs.spark.SparkSessions;
import org.aimc.jobs.spark.SweepJob;
import org.aimc.sim.space.SweepPlan;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aimc sweep SPEC}: evaluates every point of a sweep spec into the {@code points} table. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Evaluate every design point of a sweep spec on Spark and write the Parquet table 'points'.",
            "The spec is validated before anything is written. Output is committed in fixed chunks; "
                    + "--resume computes only the chunks a previous run did not finish."})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC",
            description = "Sweep spec (YAML): a local file or a Hadoop path, e.g. conf/sweeps/quickstart.yaml.")
    String spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory or Hadoop path (file:, hdfs:, s3a:). Default: results/<spec name>.")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: the submitted one, else local[*].")
    String master;

    @Option(names = "--partitions", paramLabel = "N", description = "Spark tasks. Default: one per chunk.")
    Integer partitions;

    @Option(names = "--chunk-size", paramLabel = "N", hidden = false,
            description = "Points per committed chunk (fixed for the life of an output). Default: about size/64, "
                    + "1,024 to 262,144.")
    Long chunkSize;

    @ArgGroup(exclusive = true)
    Existing existing;

    static final class Existing {
        @Option(names = "--resume", description = "Finish an interrupted sweep of the same spec in --out.")
        boolean resume;

        @Option(names = "--overwrite", description = "Replace the sweep output in --out.")
        boolean overwrite;
    }

    @Option(names = "--no-progress", description = "Do not print progress lines.")
    boolean noProgress;

    @Option(names = "--cache", paramLabel = "DIR",
            defaultValue = "${sys:aimc.cache:-results/cache}",
            description = "Cache of trained networks and accuracy calibration curves. Default: ${DEFAULT-VALUE}.")
    String cache;

    @Option(names = "--no-accuracy",
            description = "Do not estimate accuracy (accuracy_est stays null; no data set or training needed).")
    boolean noAccuracy;

    @Option(names = "--shard", paramLabel = "I/N",
            description = {"Compute only shard I of N (0 <= I < N): chunks I, I+N, I+2N, ... Independently "
                    + "scheduled jobs may share one --out; the union of the N shards is the full sweep."})
    String shard;

    /** Parses I/N. */
    static int[] shard(String s) {
        if (s == null) {
            return new int[] {0, 1};
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})/(\\d{1,6})").matcher(s.strip());
        if (!m.matches()) {
            throw new UserError("--shard must be I/N with integers 0 <= I < N, got '" + s + "'");
        }
        int i = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || i >= n) {
            throw new UserError("--shard must be I/N with integers 0 <= I < N, got '" + s + "'");
        }
        return new int[] {i, n};
    }

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        Masters.check(master);
        int[] sh = shard(shard);
        SweepPlan plan = SweepPlan.parse(SpecFiles.read(spec));
        if (partitions != null && partitions < 1) {
            throw new UserError("--partitions must be at least 1, got " + partitions);
        }
        if (chunkSize != null && (chunkSize < 1 || chunkSize > 100_000_000L)) {
            throw new UserError("--chunk-size must be in [1, 100000000], got " + chunkSize);
        }
        String outDir = out != null ? out : "results/" + plan.spec().name();
        org.apache.hadoop.fs.Path outPath = OutputPaths.resolve(outDir);
        boolean resume = existing != null && existing.resume;
        boolean overwrite = existing != null && existing.overwrite;
        SweepJob.Options o = new SweepJob.Options(outPath, partitions, resume, overwrite, chunkSize, console,
                !noProgress, sh[0], sh[1], null);
        SweepJob.checkOutput(plan, o, new Configuration());
        o = o.withCurve(Accuracy.curve(plan, noAccuracy, cache, console));
        SweepJob.checkAccuracy(o, new Configuration());
        console.printf("[sweep] %s: %,d points%s, output %s%n", plan.sweepId(), plan.size(),
                sh[1] > 1 ? " (shard " + sh[0] + "/" + sh[1] + ")" : "", outPath);
        SparkSession spark = SparkSessions.get(master, "aimc sweep " + plan.spec().name());
        SweepJob.Result r = SweepJob.run(spark, plan, o);
        console.printf("[sweep] done: %,d points (%,d feasible, %,d infeasible, %,d numerical failures); "
                + "computed %,d in %d of %d chunks; wall %.1f s, %,.0f points/s%n",
                r.pointsInScope(), r.feasible(), r.pointsInScope() - r.feasible() - r.failed(), r.failed(),
                r.computedThisRun(), r.chunksThisRun(), r.chunksInScope(), r.wallSeconds(), r.pointsPerSecond());
        if (sh[1] > 1) {
            console.printf("[sweep] shard %d/%d complete; the output holds %d of %d chunks%n", sh[0], sh[1],
                    r.chunksDoneOverall(), r.chunks());
        }
        console.printf("[sweep] table: %s/points   query: aimc sql %s \"SELECT ... FROM points\"%n", r.out(), outDir);
        return 0;
    }
}
