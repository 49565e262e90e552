package org.aimc.jobs.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aimc.sim.config.HatSpecYaml;
import org.aimc.sim.config.SpecYaml;
import org.aimc.sim.hat.HatMethod;
import org.aimc.sim.hat.HatRunner;
import org.aimc.sim.hat.HatSpec;
import org.aimc.sim.nn.ByteExamples;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.Network;
import org.aimc.sim.nn.NetworkCodec;
import org.aimc.sim.space.SweepPlan;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * The Spark part of {@code aimc train}: every (design point, method, seed) run is one task
 * ({@link HatRunner#run}); the spec text, the pre-trained weights and the training and test images travel as
 * one broadcast, rebuilt once per executor JVM; only the small per-run results come back, and the driver
 * writes them as the {@code training} table.
 */
public final class TrainJob {
    /** Version of the {@code training} table's columns. */
    public static final int SCHEMA_VERSION = 1;

    private TrainJob() {
    }

    /** What every task needs, broadcast once. */
    public static final class Inputs implements Serializable {
        private static final long serialVersionUID = 1L;
        final String specText;
        final byte[] network;
        final byte[] trainPixels;
        final int[] trainLabels;
        final byte[] testPixels;
        final int[] testLabels;
        final int features;
        final int classes;
        final double scale;
        final String id;

        /**
         * @param train the training images (the first {@code settings.trainImages()} are sent)
         * @param test  the test images (the first {@code settings.testImages()} are sent)
         */
        public Inputs(String specText, HatSpec spec, Network pretrained, ByteExamples train, ByteExamples test) {
            this.specText = specText;
            this.network = NetworkCodec.encode(pretrained);
            this.features = train.features();
            this.classes = train.classes();
            this.scale = train.scale();
            int nt = Math.min(spec.settings().trainImages(), train.size());
            int ne = Math.min(spec.settings().testImages(), test.size());
            this.trainPixels = pixels(train, nt);
            this.trainLabels = labels(train, nt);
            this.testPixels = pixels(test, ne);
            this.testLabels = labels(test, ne);
            this.id = SpecYaml.hash(spec.specHash() + "/" + SpecYaml.hash(java.util.Base64.getEncoder()
                    .encodeToString(network)) + "/" + nt + "/" + ne + "/" + java.util.Arrays.hashCode(trainLabels) + "/"
                    + java.util.Arrays.hashCode(testLabels));
        }

        private static byte[] pixels(ByteExamples e, int n) {
            int f = e.features();
            byte[] out = new byte[n * f];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < f; k++) {
                    out[i * f + k] = (byte) e.raw(i, k);
                }
            }
            return out;
        }

        private static int[] labels(Examples e, int n) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = e.label(i);
            }
            return out;
        }
    }

    /**
     * One (sweep, point, method, seed) run; {@code sweep} is the sweep's position in the spec, {@code seedPosition}
     * the seed's place in the spec's list.
     */
    public record Task(int sweep, long point, String method, long seed, int seedPosition) implements Serializable {
    }

    /** A spec rebuilt on an executor: its plans and the runs' shared inputs. */
    private record Prepared(List<SweepPlan> plans, HatRunner.Inputs inputs) {
    }

    /** The rebuilt inputs of one broadcast, per executor JVM. */
    private static final Map<String, Prepared> PREPARED = new ConcurrentHashMap<>();

    private static Prepared prepared(Inputs in) {
        return PREPARED.computeIfAbsent(in.id, k -> {
            HatSpec spec = HatSpecYaml.parse(in.specText);
            List<SweepPlan> plans = new ArrayList<>();
            for (int i = 0; i < spec.sweeps().size(); i++) {
                plans.add(spec.plan(i));
            }
            return new Prepared(plans, new HatRunner.Inputs(NetworkCodec.decode(in.network),
                    new ByteExamples(in.trainPixels, in.trainLabels, in.features, in.classes, in.scale),
                    new ByteExamples(in.testPixels, in.testLabels, in.features, in.classes, in.scale),
                    spec.settings()));
        });
    }

    /** The tasks of a spec: points × methods × seeds, in that order (hardware-in-the-loop where it runs). */
    public static List<Task> tasks(HatSpec spec) {
        List<Task> out = new ArrayList<>();
        for (HatSpec.PointRef p : spec.points()) {
            String sweep = spec.sweeps().get(p.sweep()).name();
            for (HatMethod m : spec.settings().methods()) {
                if (!spec.settings().runs(m, sweep)) {
                    continue;
                }
                for (int s = 0; s < spec.settings().seeds().size(); s++) {
                    out.add(new Task(p.sweep(), p.index(), m.id(), spec.settings().seeds().get(s), s));
                }
            }
        }
        return out;
    }

    /** The outcome of a task: its sweep and the run's result. */
    public record Outcome(int sweep, HatRunner.Result result) implements Serializable {
    }

    /** Runs one task (on an executor, or locally). A point that cannot be built is a skipped result. */
    static Outcome runTask(Inputs in, Task t) {
        Prepared p = prepared(in);
        return new Outcome(t.sweep(), HatRunner.run(p.inputs(), p.plans().get(t.sweep()), t.point(),
                HatMethod.of(t.method()), t.seed(), t.seedPosition()));
    }

    /**
     * Runs every task on Spark, one task per partition, and returns the results in task order.
     *
     * @param done counts finished runs (for progress); may be null
     */
    public static List<Outcome> run(SparkSession spark, Inputs in, List<Task> tasks, LongAccumulator done) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Inputs> b = jsc.broadcast(in);
        FlatMapFunction<Iterator<Task>, Outcome> run = it -> {
            List<Outcome> out = new ArrayList<>();
            while (it.hasNext()) {
                out.add(runTask(b.value(), it.next()));
                if (done != null) {
                    done.add(1);
                }
            }
            return out.iterator();
        };
        List<Outcome> all = new ArrayList<>(jsc.parallelize(tasks, Math.max(1, tasks.size())).mapPartitions(run)
                .collect());
        b.destroy();
        List<String> order = HatMethod.ids();
        all.sort(Comparator.comparingInt(Outcome::sweep).thenComparingLong(o -> o.result().pointIndex())
                .thenComparingInt(o -> order.indexOf(o.result().method())).thenComparingLong(o -> o.result().seed()));
        return all;
    }

    /** The explicit schema of the {@code training} table. */
    public static StructType schema() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("schema_version", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("training_id", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("sweep_name", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("sweep_id", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("spec_hash", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("point_index", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("memory_type", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("compute_domain", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("method", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("epochs", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("time_s", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("accuracy_digital", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("accuracy_hw_mean", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("accuracy_hw_std", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("accuracy_hw_ci95_low", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("accuracy_hw_ci95_high", DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("chips", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("train_wall_s", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("eval_wall_s", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("programmings", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("skipped", DataTypes.StringType, true));
        return DataTypes.createStructType(f);
    }

    /** The rows of the results: one per (sweep, point, method, seed, evaluation time). */
    public static List<Row> rows(HatSpec spec, List<Outcome> results) {
        List<SweepPlan> plans = new ArrayList<>();
        for (int i = 0; i < spec.sweeps().size(); i++) {
            plans.add(spec.plan(i));
        }
        String hash = spec.specHash();
        int chips = spec.settings().chips();
        List<Row> out = new ArrayList<>();
        for (Outcome o : results) {
            HatRunner.Result r = o.result();
            SweepPlan plan = plans.get(o.sweep());
            var point = plan.space().decode(r.pointIndex());
            for (HatRunner.TimeAccuracy ta : r.hardware()) {
                var st = ta.stats();
                boolean ok = r.skipped() == null && st != null;
                out.add(RowFactory.create(SCHEMA_VERSION, spec.name(), plan.spec().name(), plan.sweepId(), hash,
                        r.pointIndex(),
                        point.device().kind(), point.domain().kind(), r.method(), r.seed(), r.epochs(), ta.timeS(),
                        ok ? r.accuracyDigital() : null, ok ? st.mean() : null, ok ? st.std() : null,
                        ok ? st.ci95Low() : null, ok ? st.ci95High() : null, ok ? st.chips() : chips, r.trainSeconds(),
                        r.evalSeconds(), r.programmings(), r.skipped()));
            }
        }
        return out;
    }

    /** The {@code training} table of the results. */
    public static Dataset<Row> table(SparkSession spark, HatSpec spec, List<Outcome> results) {
        return spark.createDataFrame(rows(spec, results), schema());
    }
}
