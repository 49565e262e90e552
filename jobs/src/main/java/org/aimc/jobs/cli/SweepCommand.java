package org.aimc.jobs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
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
    @Parameters(index = "0", paramLabel = "SPEC", description = "Sweep spec (YAML), e.g. conf/sweeps/quickstart.yaml.")
    Path spec;

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

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
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
                !noProgress);
        SweepJob.checkOutput(plan, o, new Configuration());
        console.printf("[sweep] %s: %,d points, output %s%n", plan.sweepId(), plan.size(), outPath);
        SparkSession spark = SparkSessions.get(master, "aimc sweep " + plan.spec().name());
        SweepJob.Result r = SweepJob.run(spark, plan, o);
        console.printf("[sweep] done: %,d points (%,d feasible, %,d infeasible, %,d numerical failures); "
                + "computed %,d in %d of %d chunks; wall %.1f s, %,.0f points/s%n",
                r.size(), r.feasible(), r.size() - r.feasible() - r.failed(), r.failed(), r.computedThisRun(),
                r.chunksThisRun(), r.chunks(), r.wallSeconds(), r.pointsPerSecond());
        console.printf("[sweep] table: %s/points   query: aimc sql %s \"SELECT ... FROM points\"%n", r.out(), outDir);
        return 0;
    }
}
