package org.aimc.jobs.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aimc.jobs.spark.ParetoJob;
import org.aimc.jobs.spark.ParetoJob.GroupFront;
import org.aimc.jobs.spark.SparkSessions;
import org.aimc.sim.pareto.Objective;
import org.aimc.sim.pareto.ParetoSpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aimc pareto RESULTS --objectives ...}: the Pareto front of the {@code points} table. */
@Command(name = "pareto", mixinStandardHelpOptions = true,
        description = {"Find the non-dominated design points of a results directory and write the Parquet table "
                + "'pareto' (all columns of the chosen points plus rank, hv_contribution and pareto_objectives).",
            "Each Spark partition builds its own front, the fronts are merged exactly; ties between identical "
                    + "objective vectors go to the lowest point_index. Rows whose objective is null (e.g. "
                    + "infeasible points) are left out and counted.",
            "hv_contribution: the point's exclusive hypervolume as a share of the box between the front's ideal "
                    + "point and the reference point (the nadir pushed 10% of the range outwards); exact for up "
                    + "to 3 objectives, Monte-Carlo beyond. Null for rank > 1."})
public final class ParetoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS", description = "Results directory (a sweep's --out).")
    String results;

    @Option(names = "--objectives", required = true, paramLabel = "COL:min|max,...",
            description = "Objectives, e.g. energy_per_inference_j:min,mvm_rel_error:min,chip_area_m2:min.")
    String objectives;

    @Option(names = "--where", paramLabel = "SQL", description = "Spark SQL condition on the points, e.g. \"feasible AND adc_bits >= 6\".")
    String where;

    @Option(names = "--by", paramLabel = "COL,...", split = ",", description = "One front per group of these columns, e.g. memory_type,compute_domain.")
    List<String> by = new ArrayList<>();

    @Option(names = "--ranks", paramLabel = "K", description = "Also keep ranks 2..K (non-dominated sorting layers). Default: 1, the front only.")
    int ranks = 1;

    @Option(names = "--epsilon", paramLabel = "E,...", split = ",",
            description = "Additive epsilon-box widths, one per objective in its unit: at most one point per box.")
    List<Double> epsilon = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Key of the Monte-Carlo hypervolume samples (more than 3 objectives). Default: 0.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the table. Default: RESULTS/pareto.")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: local[*].")
    String master;

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        long t0 = System.nanoTime();
        ParetoSpec spec;
        try {
            spec = new ParetoSpec(Objective.parseList(objectives), ranks, epsilon);
        } catch (IllegalArgumentException e) {
            throw new UserError("--objectives/--ranks/--epsilon: " + e.getMessage());
        }
        List<String> groupBy = by.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        Path root = OutputPaths.input(results);
        Configuration hconf = new Configuration();
        if (!SqlCommand.tables(root, hconf).contains("points")) {
            throw new UserError("no 'points' table under '" + root + "'");
        }
        Path target = out != null ? OutputPaths.resolve(out) : new Path(root, "pareto");
        FileSystem fs = target.getFileSystem(hconf);
        if (fs.exists(target) && fs.listStatus(target).length > 0 && !fs.exists(new Path(target, "_SUCCESS"))) {
            throw new UserError("output '" + target + "' exists and is not a table aimc wrote; choose another --out");
        }
        SparkSession spark = SparkSessions.get(master, "aimc pareto");
        Dataset<Row> points = spark.read().parquet(new Path(root, "points").toString());
        ParetoJob.check(points.schema(), spec.objectives(), groupBy);
        Dataset<Row> input = where(points, points, where);
        console.printf("[pareto] objectives %s%s%s%s%n", spec.objectivesText(),
                groupBy.isEmpty() ? "" : ", one front per " + String.join(",", groupBy),
                ranks > 1 ? ", ranks 1.." + ranks : "", where == null ? "" : ", where " + where);
        spark.sparkContext().setJobDescription("aimc pareto: partition fronts");
        List<GroupFront> groups = ParetoJob.fronts(input, spec, groupBy, seed);
        long tFronts = System.nanoTime();
        long inputs = ParetoJob.inputs(groups);
        long excluded = ParetoJob.excluded(groups);
        console.printf("[pareto] %,d rows read, %,d excluded (a null or non-finite objective), %d group%s%n", inputs,
                excluded, groups.size(), groups.size() == 1 ? "" : "s");
        if (excluded == inputs) {
            throw new UserError(inputs == 0 ? "no rows to rank (check --where); nothing written"
                    : "every one of the " + inputs + " rows has a null objective, nothing written (accuracy_est stays "
                    + "null until the workload has a calibration curve; mvm_rel_error:min is its analytic stand-in)");
        }
        for (GroupFront g : groups) {
            var hv = g.hypervolume();
            console.printf(Locale.ROOT, "[pareto]   %s: %,d rows (%,d excluded), front %d%s, hypervolume share %.4f%s%n",
                    g.label(groupBy), g.front().inputs(), g.front().excluded(), g.front().frontSize(),
                    ranks > 1 ? ", " + g.front().size() + " with rank <= " + ranks : "", g.hypervolumeShare(),
                    hv.exact() ? " (exact)" : String.format(Locale.ROOT, " ± %.4f (Monte-Carlo, %,d samples)",
                            hv.boxVolume() > 0 ? hv.standardError() / hv.boxVolume() : 0, hv.samples()));
        }
        spark.sparkContext().setJobDescription("aimc pareto: write table");
        Dataset<Row> table = ParetoJob.table(spark, points, groups, groupBy, spec);
        table.write().mode(SaveMode.Overwrite).parquet(target.toString());
        long kept = groups.stream().mapToLong(g -> g.front().size()).sum();
        double wall = (System.nanoTime() - t0) / 1e9;
        console.printf(Locale.ROOT, "[pareto] wrote %,d rows to %s; fronts in %.1f s, wall %.1f s%n", kept, target,
                (tFronts - t0) / 1e9, wall);
        console.printf("[pareto] query: aimc sql %s \"SELECT point_index, rank, hv_contribution FROM pareto\"%n",
                results);
        return 0;
    }

    /**
     * {@code input} filtered by the --where condition {@code where} (none when null or blank); a condition
     * Spark cannot parse or resolve is a {@link UserError} listing the columns of {@code table}.
     */
    static Dataset<Row> where(Dataset<Row> table, Dataset<Row> input, String where) throws Exception {
        if (where == null || where.isBlank()) {
            return input;
        }
        try {
            Dataset<Row> out = input.where(where);
            out.schema();
            return out;
        } catch (Exception e) {
            if (e instanceof AnalysisException a) {
                throw new UserError("--where: " + a.getSimpleMessage() + "; columns: " + Arrays.toString(table.columns()));
            }
            if (e.getClass().getSimpleName().contains("ParseException")) {
                throw new UserError("--where: " + e.getMessage());
            }
            throw e;
        }
    }
}
