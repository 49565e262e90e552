package org.aimc.jobs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.aimc.datasets.DataSplit;
import org.aimc.datasets.DatasetException;
import org.aimc.datasets.Recipe;
import org.aimc.datasets.Recipes;
import org.aimc.datasets.TrainedNetworks;
import org.aimc.jobs.spark.ParetoJob;
import org.aimc.jobs.spark.RefineJob;
import org.aimc.jobs.spark.SparkSessions;
import org.aimc.jobs.spark.SweepLayout;
import org.aimc.sim.accuracy.CalibrationCurve;
import org.aimc.sim.eval.Evaluator;
import org.aimc.sim.eval.ResultColumns;
import org.aimc.sim.eval.ResultRow;
import org.aimc.sim.hw.AccuracyStats;
import org.aimc.sim.hw.ActivationRanges;
import org.aimc.sim.hw.QuantisedNetwork;
import org.aimc.sim.nn.ByteExamples;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;
import org.aimc.sim.pareto.Objective;
import org.aimc.sim.pareto.ParetoFront;
import org.aimc.sim.pareto.ParetoSpec;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.Axis;
import org.aimc.sim.spec.PointSpec;
import org.aimc.sim.spec.SpecPaths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aimc refine RESULTS}: tier-B accuracy of chosen design points on the workload's test set. */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = {"Simulate chosen design points of a sweep at tier B: the workload's trained network is "
                + "programmed onto the tiles of each point for N chip instances and classifies the test set at "
                + "each time since programming, with and without drift compensation. Writes the Parquet table "
                + "'refined' (accuracy mean, std and 95% interval over chips, measured MVM errors, and the tier-A "
                + "accuracy_est of the same setting beside them).",
            "Points: by default the Pareto front of the points table on energy_per_inference_j:min and "
                    + "accuracy_est:max; --where SQL takes the feasible points matching a condition instead; "
                    + "--top K keeps the K with the highest accuracy_est. Only workloads with a data set "
                    + "(fashion-mlp) can be refined."})
public final class RefineCommand implements Callable<Integer> {
    /** Version of the {@code refined} table's column layout. */
    public static final int SCHEMA_VERSION = 1;
    /** Points refined without --top at most (each costs chips x settings x the test set). */
    static final int MAX_POINTS = 500;
    static final int BATCH = 100;
    /** Training examples the activation ranges are calibrated on. */
    static final int RANGE_EXAMPLES = 2000;

    @Parameters(index = "0", paramLabel = "RESULTS", description = "Results directory of a sweep (its --out).")
    String results;

    @Option(names = "--top", paramLabel = "K", description = "Refine only the K selected points with the highest "
            + "accuracy_est (ties: lower energy, then lower point_index).")
    Integer top;

    @Option(names = "--where", paramLabel = "SQL",
            description = "Refine the feasible points matching this Spark SQL condition instead of the Pareto front.")
    String where;

    @Option(names = "--chips", paramLabel = "N", description = "Chip instances per point. Default: ${DEFAULT-VALUE}.")
    int chips = 5;

    @Option(names = "--times", paramLabel = "S,...|point", split = ",",
            description = "Times since programming, s, or 'point' for each point's own operating.time_s. "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> times = List.of("1", "3600", "86400", "31536000");

    @Option(names = "--compensation", paramLabel = "both|on|off|point",
            description = "Drift compensation settings evaluated at every time; 'point' = each point's own. "
                    + "Default: ${DEFAULT-VALUE}.")
    String compensation = "both";

    @Option(names = "--images", paramLabel = "N",
            description = "Test images classified (the first N of the test set). Default: ${DEFAULT-VALUE}.")
    int images = 10_000;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the table. Default: RESULTS/refined.")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: local[*].")
    String master;

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = "${sys:aimc.cache:-results/cache}",
            description = "Cache of trained networks and calibration curves. Default: ${DEFAULT-VALUE}.")
    String cache;

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        long t0 = System.nanoTime();
        Masters.check(master);
        if (chips < 1 || chips > org.aimc.sim.hw.HardwareNetwork.MAX_CHIPS) {
            throw new UserError("--chips must be in [1, " + org.aimc.sim.hw.HardwareNetwork.MAX_CHIPS + "], got " + chips);
        }
        if (top != null && top < 1) {
            throw new UserError("--top must be at least 1, got " + top);
        }
        if (!List.of("both", "on", "off", "point").contains(compensation)) {
            throw new UserError("--compensation must be one of both, on, off, point; got '" + compensation + "'");
        }
        double[] timeList = timeList(times);
        org.apache.hadoop.fs.Path root = OutputPaths.input(results);
        Configuration hconf = new Configuration();
        if (!SqlCommand.tables(root, hconf).contains("points")) {
            throw new UserError("no 'points' table under '" + root + "'");
        }
        SweepLayout layout = new SweepLayout(root, hconf);
        org.apache.hadoop.fs.Path specFile = new org.apache.hadoop.fs.Path(layout.root(), "spec.yaml");
        if (!layout.fs().exists(specFile)) {
            throw new UserError("'" + root + "' has no spec.yaml: not a sweep output");
        }
        SweepPlan plan = SweepPlan.parse(layout.read(specFile));
        String workload = plan.spec().workload().id();
        if (!Recipes.ids().contains(workload)) {
            throw new UserError("refine needs a workload with a data set and a trained network; sweep " + plan.sweepId()
                    + " has workload '" + workload + "' (refinable: " + Recipes.ids() + ")");
        }
        int testSize = org.aimc.datasets.FashionMnist.File.TEST_IMAGES.examples();
        if (images < 1 || images > testSize) {
            throw new UserError("--images must be in [1, " + testSize + "], got " + images);
        }
        org.apache.hadoop.fs.Path target = out != null ? OutputPaths.resolve(out)
                : new org.apache.hadoop.fs.Path(root, "refined");
        FileSystem fs = target.getFileSystem(hconf);
        if (fs.exists(target) && fs.listStatus(target).length > 0
                && !fs.exists(new org.apache.hadoop.fs.Path(target, "_SUCCESS"))) {
            throw new UserError("output '" + target + "' exists and is not a table aimc wrote; choose another --out");
        }

        SparkSession spark = SparkSessions.get(master, "aimc refine");
        Dataset<Row> points = spark.read().parquet(new org.apache.hadoop.fs.Path(root, "points").toString());
        points.createOrReplaceTempView("points"); // --where may use sub-queries on the points table
        List<Long> chosen = select(points, console);
        if (chosen.isEmpty()) {
            throw new UserError("no points selected (check --where); nothing written");
        }
        if (top == null && chosen.size() > MAX_POINTS) {
            throw new UserError(chosen.size() + " points selected; refine at most " + MAX_POINTS
                    + " at a time (add --top K)");
        }

        // the network, the data and the surrogate, on the driver
        Recipe recipe = Recipes.get(workload);
        DataSplit data;
        try {
            data = Recipes.loadData(recipe);
        } catch (DatasetException e) {
            throw new UserError(e.getMessage());
        }
        Network net = TrainedNetworks.loadOrTrain(recipe, Path.of(cache), () -> data,
                msg -> console.println("[refine] " + msg)).network();
        CalibrationCurve curve = Accuracy.curve(plan, false, cache, console);
        if (!(data.test() instanceof ByteExamples test)) {
            throw new IllegalStateException("the test set of " + recipe.datasetId() + " is not held as bytes");
        }
        TreeSet<List<Integer>> precisions = new TreeSet<>((a, b) -> a.get(0).equals(b.get(0))
                ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0)));
        for (long i : chosen) {
            PointSpec p = plan.space().decode(i);
            precisions.add(List.of(p.mapping().weightBits(), p.dac().bits()));
        }
        ByteExamples testSet = images == testSize ? test : head(test, images);
        double digital = net.classify(testSet, MvmEngine.DIGITAL, 500, null);
        List<QuantisedNetwork> calibrated = new ArrayList<>();
        Map<List<Integer>, Double> quantisedAcc = new HashMap<>();
        for (List<Integer> pr : precisions) {
            QuantisedNetwork q = QuantisedNetwork.calibrated(net, pr.get(0), pr.get(1), data.train(), RANGE_EXAMPLES);
            calibrated.add(q);
            quantisedAcc.put(pr, net.classify(testSet, q.digital(), 500, null));
        }
        console.printf(Locale.ROOT, "[refine] %s: %d point%s x %d chip%s, %s; %,d test images (digital accuracy "
                + "%.4f)%n", plan.sweepId(), chosen.size(), chosen.size() == 1 ? "" : "s", chips, chips == 1 ? "" : "s",
                settingsText(timeList), images, digital);
        for (QuantisedNetwork q : calibrated) {
            console.printf(Locale.ROOT, "[refine]   %d-bit weights, %d-bit inputs (ranges %s): quantised digital "
                    + "accuracy %.4f%n", q.weightBits(), q.inputBits(), Arrays.toString(round(q.inputClips())),
                    quantisedAcc.get(List.of(q.weightBits(), q.inputBits())));
        }

        List<RefineJob.Task> tasks = new ArrayList<>();
        for (long i : chosen) {
            PointSpec p = plan.space().decode(i);
            List<double[]> s = settings(p, timeList);
            double[] ts = new double[s.size()];
            boolean[] cs = new boolean[s.size()];
            for (int k = 0; k < ts.length; k++) {
                ts[k] = s.get(k)[0];
                cs[k] = s.get(k)[1] != 0;
            }
            for (int c = 0; c < chips; c++) {
                tasks.add(new RefineJob.Task(i, c, ts, cs));
            }
        }
        spark.sparkContext().setJobDescription("aimc refine: " + tasks.size() + " point x chip tasks");
        long tRun = System.nanoTime();
        List<RefineJob.Outcome> outcomes = RefineJob.run(spark,
                new RefineJob.Inputs(plan.canonicalText(), net, testSet, images, calibrated, BATCH), tasks);
        double runS = (System.nanoTime() - tRun) / 1e9;

        List<Row> rows = rows(plan, curve, chosen, outcomes, points, digital, quantisedAcc);
        StructType schema = schema(plan);
        spark.sparkContext().setJobDescription("aimc refine: write table");
        spark.createDataFrame(rows, schema).repartition(1).sortWithinPartitions("point_index", "time_s",
                "drift_compensation").write().mode(SaveMode.Overwrite).parquet(target.toString());
        long failed = outcomes.stream().filter(o -> o.failure() != null).map(RefineJob.Outcome::point).distinct().count();
        console.printf(Locale.ROOT, "[refine] wrote %d rows to %s (%d point%s failed); simulation %.1f s "
                + "(%.2f s per chip and setting), wall %.1f s%n", rows.size(), target, failed, failed == 1 ? "" : "s",
                runS, runS * Math.max(1, Runtime.getRuntime().availableProcessors()) / Math.max(1, outcomes.size()),
                (System.nanoTime() - t0) / 1e9);
        console.printf("[refine] query: aimc sql %s \"SELECT point_index, time_s, drift_compensation, accuracy_mean, "
                + "accuracy_est FROM refined\"%n", results);
        return 0;
    }

    /** The chosen point indices, sorted. */
    private List<Long> select(Dataset<Row> points, PrintStream console) throws Exception {
        Dataset<Row> input = ParetoCommand.where(points, points.where("feasible"), where);
        List<Long> idx;
        if (where == null || where.isBlank()) {
            ParetoSpec spec = ParetoSpec.of(Objective.parseList("energy_per_inference_j:min,accuracy_est:max"));
            ParetoJob.check(points.schema(), spec.objectives(), List.of());
            ParetoFront f = ParetoJob.fronts(input, spec, List.of(), 0).stream().findFirst().map(ParetoJob.GroupFront::front)
                    .orElseThrow(() -> new UserError("no feasible points to refine"));
            if (f.excluded() == f.inputs()) {
                throw new UserError("no feasible point has an accuracy_est (was the sweep run with --no-accuracy?); "
                        + "choose points with --where");
            }
            idx = new ArrayList<>();
            for (int i = 0; i < f.size(); i++) {
                idx.add(f.index(i));
            }
            console.printf("[refine] Pareto front on energy_per_inference_j:min, accuracy_est:max: %d points%n",
                    idx.size());
            input = input.where(functions.col("point_index").isin(idx.toArray()));
        }
        Dataset<Row> ordered = input.select("point_index", "accuracy_est", "energy_per_inference_j")
                .orderBy(functions.col("accuracy_est").desc_nulls_last(), functions.col("energy_per_inference_j")
                        .asc_nulls_last(), functions.col("point_index"));
        if (top != null) {
            ordered = ordered.limit(top);
        } else {
            ordered = ordered.limit(MAX_POINTS + 1);
        }
        List<Long> out = new ArrayList<>();
        for (Row r : ordered.collectAsList()) {
            out.add(r.getLong(0));
        }
        java.util.Collections.sort(out);
        return out;
    }

    static double[] timeList(List<String> times) {
        if (times.size() == 1 && times.get(0).strip().equals("point")) {
            return null;
        }
        double[] t = new double[times.size()];
        for (int i = 0; i < t.length; i++) {
            try {
                t[i] = Double.parseDouble(times.get(i).strip());
            } catch (NumberFormatException e) {
                throw new UserError("--times: '" + times.get(i) + "' is not a number of seconds (or use 'point')");
            }
            if (!(t[i] >= 0) || t[i] > 1e10) {
                throw new UserError("--times: " + times.get(i) + " s is outside [0, 1e10]");
            }
        }
        return t;
    }

    /** (time, compensation 0/1) settings of a point. */
    private List<double[]> settings(PointSpec p, double[] timeList) {
        double[] ts = timeList == null ? new double[] {p.operating().timeS()} : timeList;
        List<double[]> s = new ArrayList<>();
        for (double t : ts) {
            switch (compensation) {
                case "both" -> {
                    s.add(new double[] {t, 0});
                    s.add(new double[] {t, 1});
                }
                case "on" -> s.add(new double[] {t, 1});
                case "off" -> s.add(new double[] {t, 0});
                default -> s.add(new double[] {t, p.operating().driftCompensation() ? 1 : 0});
            }
        }
        return s;
    }

    private String settingsText(double[] timeList) {
        String t = timeList == null ? "each point's time" : "t = " + Arrays.toString(timeList) + " s";
        return t + ", drift compensation " + compensation;
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 1000) / 1000.0;
        }
        return r;
    }

    private static ByteExamples head(ByteExamples all, int n) {
        int f = all.features();
        byte[] px = new byte[n * f];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = all.label(i);
            for (int k = 0; k < f; k++) {
                px[i * f + k] = (byte) all.raw(i, k);
            }
        }
        return new ByteExamples(px, labels, f, all.classes(), all.scale());
    }

    // ------------------------------------------------------------------ the table

    /** Columns of the refined table before the axis columns. */
    static final List<StructField> FIXED = List.of(
            DataTypes.createStructField("schema_version", DataTypes.IntegerType, false),
            DataTypes.createStructField("sweep_id", DataTypes.StringType, false),
            DataTypes.createStructField("spec_hash", DataTypes.StringType, false),
            DataTypes.createStructField("point_index", DataTypes.LongType, false),
            DataTypes.createStructField("memory_type", DataTypes.StringType, false),
            DataTypes.createStructField("compute_domain", DataTypes.StringType, false),
            DataTypes.createStructField("time_s", DataTypes.DoubleType, false),
            DataTypes.createStructField("drift_compensation", DataTypes.BooleanType, false),
            DataTypes.createStructField("chips", DataTypes.IntegerType, false),
            DataTypes.createStructField("images", DataTypes.IntegerType, false),
            DataTypes.createStructField("accuracy_mean", DataTypes.DoubleType, true),
            DataTypes.createStructField("accuracy_std", DataTypes.DoubleType, true),
            DataTypes.createStructField("accuracy_ci95_low", DataTypes.DoubleType, true),
            DataTypes.createStructField("accuracy_ci95_high", DataTypes.DoubleType, true),
            DataTypes.createStructField("accuracy_tier", DataTypes.StringType, false),
            DataTypes.createStructField("mvm_rel_error_measured", DataTypes.DoubleType, true),
            DataTypes.createStructField("mvm_rel_error_measured_by_layer", DataTypes.StringType, true),
            DataTypes.createStructField("operand_rel_error_measured", DataTypes.DoubleType, true),
            DataTypes.createStructField("mvm_gain_measured", DataTypes.DoubleType, true),
            DataTypes.createStructField("mvm_rel_error_effective_measured", DataTypes.DoubleType, true),
            DataTypes.createStructField("accuracy_est", DataTypes.DoubleType, true),
            DataTypes.createStructField("mvm_rel_error", DataTypes.DoubleType, true),
            DataTypes.createStructField("operand_rel_error", DataTypes.DoubleType, true),
            DataTypes.createStructField("mvm_gain", DataTypes.DoubleType, true),
            DataTypes.createStructField("mvm_rel_error_effective", DataTypes.DoubleType, true),
            DataTypes.createStructField("surrogate_error", DataTypes.DoubleType, true),
            DataTypes.createStructField("digital_accuracy", DataTypes.DoubleType, false),
            DataTypes.createStructField("quantised_accuracy", DataTypes.DoubleType, true),
            DataTypes.createStructField("energy_per_inference_j", DataTypes.DoubleType, true),
            DataTypes.createStructField("refine_failure", DataTypes.StringType, true));

    /** The schema: {@link #FIXED} then one {@code axis_<path>} column per sweep axis. */
    static StructType schema(SweepPlan plan) {
        List<StructField> f = new ArrayList<>(FIXED);
        for (Axis a : plan.space().axes()) {
            f.add(DataTypes.createStructField(axisColumn(a.path()), sparkType(SpecPaths.resolve(a.path()).type()),
                    false));
        }
        return DataTypes.createStructType(f);
    }

    static String axisColumn(String path) {
        return "axis_" + path.replace('.', '_');
    }

    private static DataType sparkType(SpecPaths.Type t) {
        return switch (t) {
            case INT -> DataTypes.IntegerType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOL -> DataTypes.BooleanType;
            case STRING -> DataTypes.StringType;
        };
    }

    private List<Row> rows(SweepPlan plan, CalibrationCurve curve, List<Long> chosen, List<RefineJob.Outcome> outcomes,
            Dataset<Row> points, double digital, Map<List<Integer>, Double> quantisedAcc) {
        Map<Long, Double> energy = new HashMap<>();
        for (Row r : points.where(functions.col("point_index").isin(chosen.toArray()))
                .select("point_index", "energy_per_inference_j").collectAsList()) {
            energy.put(r.getLong(0), r.isNullAt(1) ? null : r.getDouble(1));
        }
        // outcomes by point and setting, chips in order
        Map<Long, Map<String, List<RefineJob.Outcome>>> by = new TreeMap<>();
        for (RefineJob.Outcome o : outcomes) {
            by.computeIfAbsent(o.point(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(o.timeS() + "/" + o.compensation(), k -> new ArrayList<>()).add(o);
        }
        Evaluator ev = new Evaluator(plan, curve);
        ResultRow tierA = new ResultRow();
        int iAcc = ResultColumns.indexOf("accuracy_est");
        int iMvm = ResultColumns.indexOf("mvm_rel_error");
        int iOp = ResultColumns.indexOf("operand_rel_error");
        int iGain = ResultColumns.indexOf("mvm_gain");
        int iEff = ResultColumns.indexOf("mvm_rel_error_effective");
        List<Row> rows = new ArrayList<>();
        for (var e : by.entrySet()) {
            long index = e.getKey();
            PointSpec p = plan.space().decode(index);
            for (List<RefineJob.Outcome> os : e.getValue().values()) {
                os.sort((a, b) -> Integer.compare(a.chip(), b.chip()));
                RefineJob.Outcome first = os.get(0);
                PointSpec at = p.withOperating(p.operating().withTimeS(first.timeS())
                        .withDriftCompensation(first.compensation()));
                ev.evaluate(index, at, tierA);
                Double est = tierA.isNull(iAcc) ? null : tierA.getDouble(iAcc);
                Double mvm = tierA.isNull(iMvm) ? null : tierA.getDouble(iMvm);
                Double op = tierA.isNull(iOp) ? null : tierA.getDouble(iOp);
                Double gain = tierA.isNull(iGain) ? null : tierA.getDouble(iGain);
                Double eff = tierA.isNull(iEff) ? null : tierA.getDouble(iEff);
                String failure = os.stream().map(RefineJob.Outcome::failure).filter(java.util.Objects::nonNull)
                        .findFirst().orElse(null);
                List<Object> v = new ArrayList<>(List.of(SCHEMA_VERSION, plan.sweepId(), plan.specHash(), index,
                        p.device().kind(), p.domain().kind(), first.timeS(), first.compensation(), os.size(), images));
                if (failure == null) {
                    double[] acc = os.stream().mapToDouble(RefineJob.Outcome::accuracy).toArray();
                    AccuracyStats s = AccuracyStats.of(acc);
                    double mvmMeasured = mean(os, RefineJob.Outcome::mvmRelErrorMeasured);
                    double opMeasured = mean(os, RefineJob.Outcome::operandRelErrorMeasured);
                    int layers = first.mvmRelErrorByLayer().length;
                    StringBuilder byLayer = new StringBuilder();
                    for (int l = 0; l < layers; l++) {
                        int ll = l;
                        double m = mean(os, o -> o.mvmRelErrorByLayer()[ll]);
                        byLayer.append(l == 0 ? "" : ";").append(String.format(Locale.ROOT, "%.6g", m));
                    }
                    double gainMeasured = mean(os, RefineJob.Outcome::mvmGainMeasured);
                    double effMeasured = mean(os, RefineJob.Outcome::mvmRelErrorEffectiveMeasured);
                    v.addAll(Arrays.asList(s.mean(), s.std(), s.ci95Low(), s.ci95High(), "B", mvmMeasured,
                            byLayer.toString(), opMeasured, gainMeasured, Double.isFinite(effMeasured) ? effMeasured
                                    : null, est, mvm, op, gain, eff, est == null ? null : est - s.mean()));
                } else {
                    v.addAll(Arrays.asList(null, null, null, null, "B", null, null, null, null, null, est, mvm, op,
                            gain, eff, null));
                }
                v.add(digital);
                v.add(quantisedAcc.get(List.of(p.mapping().weightBits(), p.dac().bits())));
                v.add(energy.get(index));
                v.add(failure);
                for (Axis a : plan.space().axes()) {
                    v.add(SpecPaths.resolve(a.path()).get(p));
                }
                rows.add(RowFactory.create(v.toArray()));
            }
        }
        return rows;
    }

    /** The mean of {@code f} over the chips' outcomes of one setting (never empty). */
    private static double mean(List<RefineJob.Outcome> os, java.util.function.ToDoubleFunction<RefineJob.Outcome> f) {
        return os.stream().mapToDouble(f).average().orElseThrow();
    }
}
