package org.aimc.jobs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.aimc.datasets.DataSplit;
import org.aimc.datasets.DatasetException;
import org.aimc.datasets.Recipe;
import org.aimc.datasets.Recipes;
import org.aimc.datasets.TrainedNetworks;
import org.aimc.jobs.spark.SparkSessions;
import org.aimc.jobs.spark.TrainJob;
import org.aimc.sim.config.HatSpecYaml;
import org.aimc.sim.hat.HatRunner;
import org.aimc.sim.hat.HatSpec;
import org.aimc.sim.nn.ByteExamples;
import org.aimc.sim.nn.Network;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aimc train SPEC}: hardware-aware training of a training spec's design points into the table {@code training}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Fine-tune the workload's reference network for every design point of a training spec with "
                + "every listed method (baseline, noise-injection, physical, hardware-in-loop, in-silico) and seed, "
                + "evaluate each on simulated chip instances at the listed times after programming, and write the "
                + "Parquet table 'training' (one row per point, method, seed and time).",
            "The spec (conf/training/*.yaml) holds one or more small sweep specs ('sweeps'), all of whose points are "
                    + "trained, and a 'training' section; see the README. Runs are Spark tasks."})
public final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Training spec (YAML), e.g. conf/training/hat-acceptance.yaml.")
    String spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (the table goes to DIR/training). Default: results/<spec name>.")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: the submitted one, else local[*].")
    String master;

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = "${sys:aimc.cache:-results/cache}",
            description = "Cache of trained reference networks. Default: ${DEFAULT-VALUE}.")
    String cache;

    @Option(names = "--overwrite", description = "Replace an existing 'training' table in --out.")
    boolean overwrite;

    @Option(names = "--no-progress", description = "Do not print progress lines.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        Masters.check(master);
        String text = SpecFiles.read(spec);
        HatSpec hs = HatSpecYaml.parse(text);
        String workload = hs.sweeps().get(0).workload().id();
        Recipe recipe;
        try {
            recipe = Recipes.get(workload);
        } catch (IllegalArgumentException e) {
            throw new UserError("sweep.workload: " + e.getMessage());
        }
        org.apache.hadoop.fs.Path outPath = OutputPaths.resolve(out != null ? out : "results/" + hs.name());
        org.apache.hadoop.fs.Path table = new org.apache.hadoop.fs.Path(outPath, "training");
        FileSystem fs = table.getFileSystem(new Configuration());
        if (fs.exists(table) && !overwrite) {
            throw new UserError("'" + table + "' exists; use --overwrite to replace it or choose another --out");
        }
        DataSplit data;
        try {
            data = Recipes.loadData(recipe);
        } catch (DatasetException e) {
            throw new UserError(e.getMessage());
        }
        if (!(data.train() instanceof ByteExamples train) || !(data.test() instanceof ByteExamples test)) {
            throw new UserError("data set " + data.datasetId() + " is not stored as bytes; aimc train needs image data");
        }
        Network pretrained = TrainedNetworks.loadOrTrain(recipe, Path.of(cache), () -> data,
                m -> console.println("[train] " + m)).network();
        List<TrainJob.Task> tasks = TrainJob.tasks(hs);
        var s = hs.settings();
        console.printf(Locale.ROOT, "[train] %s: %d points, %d methods, %d seeds: %d runs; %d epochs on %,d images "
                + "(hardware-in-loop / in-silico %,d), %d chips x %d times on %,d test images; output %s%n", hs.name(),
                hs.points().size(), s.methods().size(), s.seeds().size(), tasks.size(), s.epochs(),
                Math.min(s.trainImages(), train.size()), s.hil().trainImages(), s.chips(), s.timesS().size(),
                Math.min(s.testImages(), test.size()), table);
        long t0 = System.nanoTime();
        SparkSession spark = SparkSessions.get(master, "aimc train " + hs.name());
        spark.sparkContext().setJobDescription("aimc train " + hs.name());
        LongAccumulator done = spark.sparkContext().longAccumulator("aimc train runs");
        Thread progress = noProgress ? null : progress(console, done, tasks.size(), t0);
        List<TrainJob.Outcome> results;
        try {
            results = TrainJob.run(spark, new TrainJob.Inputs(text, hs, pretrained, train, test), tasks, done);
        } finally {
            if (progress != null) {
                progress.interrupt();
            }
        }
        TrainJob.table(spark, hs, results).coalesce(1).write().mode(SaveMode.Overwrite).parquet(table.toString());
        summary(console, hs, results);
        console.printf(Locale.ROOT, "[train] done: %d runs in %.1f s; table %s%n", results.size(),
                (System.nanoTime() - t0) / 1e9, table);
        console.printf("[train] query: aimc sql %s \"SELECT sweep_name, point_index, method, time_s, "
                + "avg(accuracy_hw_mean) FROM training GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4\"%n", outPath);
        return 0;
    }

    /** Prints finished/total runs whenever the count changes (checked every 5 s). */
    private static Thread progress(PrintStream console, LongAccumulator done, int total, long t0) {
        Thread t = new Thread(() -> {
            long last = -1;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(5000);
                    long d = done.value();
                    if (d != last) {
                        console.printf(Locale.ROOT, "[train] %d / %d runs done (%.0f s)%n", d, total,
                                (System.nanoTime() - t0) / 1e9);
                        last = d;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "aimc-train-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Per point, method and time: the mean over seeds of the digital and on-hardware accuracy. */
    static void summary(PrintStream console, HatSpec hs, List<TrainJob.Outcome> results) {
        Map<String, List<double[]>> rows = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        for (TrainJob.Outcome o : results) {
            HatRunner.Result r = o.result();
            String sweep = hs.sweeps().get(o.sweep()).name();
            if (r.skipped() != null) {
                skipped.add(sweep + " point " + r.pointIndex() + " " + r.method() + " seed " + r.seed() + ": "
                        + r.skipped());
                continue;
            }
            for (HatRunner.TimeAccuracy ta : r.hardware()) {
                String key = String.format(Locale.ROOT, "%-20s %6d %-17s %10.4g", sweep, r.pointIndex(), r.method(),
                        ta.timeS());
                rows.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {r.accuracyDigital(),
                    ta.stats().mean(), ta.stats().std()});
            }
        }
        console.printf("[train] %-20s %6s %-17s %10s %8s %8s %8s %6s%n", "sweep", "point", "method", "time_s", "digital",
                "hw_mean", "hw_std", "seeds");
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            double dg = 0;
            double hm = 0;
            double hs2 = 0;
            for (double[] v : e.getValue()) {
                dg += v[0];
                hm += v[1];
                hs2 += v[2];
            }
            int n = e.getValue().size();
            console.printf(Locale.ROOT, "[train] %s %8.4f %8.4f %8.4f %6d%n", e.getKey(), dg / n, hm / n, hs2 / n, n);
        }
        for (String s : skipped) {
            console.println("[train] skipped " + s);
        }
    }
}
