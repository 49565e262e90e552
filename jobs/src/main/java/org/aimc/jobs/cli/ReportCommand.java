package org.aimc.jobs.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aimc.jobs.report.Report;
import org.aimc.jobs.spark.SparkSessions;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aimc report RESULTS}: one self-contained HTML page of plots. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a self-contained HTML report (PNG plots embedded) of a results directory: energy vs "
                + "accuracy with the Pareto front, area vs energy, best TOPS/W per memory and domain at "
                + "iso-accuracy, energy breakdown of the front, accuracy vs time and refined vs estimated accuracy "
                + "where those tables exist."})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS", description = "Results directory (a sweep's --out).")
    String results;

    @Option(names = "--out", paramLabel = "FILE.html", description = "Output file. Default: RESULTS/report.html.")
    Path out;

    @Option(names = "--iso-error", paramLabel = "E", description = "Heat map threshold on mvm_rel_error when accuracy_est is null. Default: 0.05.")
    double isoError = 0.05;

    @Option(names = "--iso-accuracy", paramLabel = "A", description = "Heat map threshold on accuracy_est. Default: best accuracy_est - 0.01.")
    Double isoAccuracy;

    @Option(names = "--max-points", paramLabel = "N", description = "Points per scatter plot at most (deterministic sample). Default: 20000.")
    int maxPoints = 20_000;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: local[*].")
    String master;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (!(isoError > 0) || maxPoints < 10) {
            throw new UserError("--iso-error must be > 0 and --max-points at least 10");
        }
        org.apache.hadoop.fs.Path root = OutputPaths.input(results);
        List<String> tables = SqlCommand.tables(root, new Configuration());
        Path target = out != null ? out : (root.toUri().getScheme().equals("file") ? Path.of(root.toUri())
                .resolve("report.html") : null);
        if (target == null) {
            throw new UserError("RESULTS is not a local directory; give --out FILE.html");
        }
        SparkSession spark = SparkSessions.get(master, "aimc report");
        SqlCommand.registerViews(spark, root, tables);
        Report r = Report.build(spark, tables, results, new Report.Options(isoError, isoAccuracy, maxPoints, 30));
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(target, r.html(), StandardCharsets.UTF_8);
        System.out.printf("[report] wrote %s (%d plots, %,d bytes)%n", target, r.images(), Files.size(target));
        return 0;
    }
}
