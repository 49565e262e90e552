package org.aimc.jobs.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aimc.sim.accuracy.WorkloadSignal;
import org.aimc.sim.config.SpecYaml;
import org.aimc.sim.hw.ChipRun;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.hw.LayerStatistics;
import org.aimc.sim.hw.QuantisedNetwork;
import org.aimc.sim.nn.ByteExamples;
import org.aimc.sim.nn.Network;
import org.aimc.sim.nn.NetworkCodec;
import org.aimc.sim.space.SweepPlan;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark part of {@code aimc refine}: every (design point, chip instance) pair is one task, which
 * programs the trained network onto that chip ({@link org.aimc.sim.hw.HardwareNetwork}) and classifies the
 * test set at each of the point's settings ({@link ChipRun}). The spec text, the trained weights, the test
 * images and the calibrated activation ranges travel as one broadcast; executors rebuild the plan and the
 * network once per JVM. Only the small per-chip outcomes come back.
 */
public final class RefineJob {
    /** What every task needs, broadcast once. */
    public static final class Inputs implements Serializable {
        private static final long serialVersionUID = 1L;
        final String specText;
        final byte[] network;
        final byte[] pixels;
        final int[] labels;
        final int features;
        final int classes;
        final double scale;
        /** Per "weightBits/inputBits": the calibrated network's clip levels and layer statistics. */
        final HashMap<String, double[]> clips;
        final HashMap<String, LayerStatistics[]> statistics;
        /** The network's signal correlation (the same for every precision). */
        final WorkloadSignal signal;
        final int batch;
        final String id;

        /**
         * @param test       the test images (their first {@code images} examples are used)
         * @param calibrated the network quantised and calibrated for every precision the points use
         */
        public Inputs(String specText, Network network, ByteExamples test, int images,
                List<QuantisedNetwork> calibrated, int batch) {
            this.specText = specText;
            this.network = NetworkCodec.encode(network);
            this.features = test.features();
            this.classes = test.classes();
            this.scale = test.scale();
            this.pixels = new byte[images * features];
            this.labels = new int[images];
            for (int i = 0; i < images; i++) {
                labels[i] = test.label(i);
                for (int k = 0; k < features; k++) {
                    pixels[i * features + k] = (byte) test.raw(i, k);
                }
            }
            this.clips = new HashMap<>();
            this.statistics = new HashMap<>();
            StringBuilder text = new StringBuilder();
            for (QuantisedNetwork q : calibrated) {
                String key = key(q.weightBits(), q.inputBits());
                LayerStatistics[] st = new LayerStatistics[network.depth()];
                for (int l = 0; l < st.length; l++) {
                    st[l] = q.statistics(l);
                }
                clips.put(key, q.inputClips());
                statistics.put(key, st);
                text.append(key).append(java.util.Arrays.toString(q.inputClips())).append(java.util.Arrays.toString(st));
            }
            this.signal = calibrated.get(0).signal();
            this.batch = batch;
            this.id = SpecYaml.hash(specText + "\u0000" + java.util.Base64.getEncoder().encodeToString(this.network)
                    + "\u0000" + java.util.Arrays.hashCode(pixels) + "/" + images + "/" + text + "/"
                    + String.join("|", signal.toLines()) + "/" + batch);
        }

        static String key(int weightBits, int inputBits) {
            return weightBits + "/" + inputBits;
        }
    }

    /** One (point, chip) task with the settings to evaluate. */
    public record Task(long point, int chip, double[] timesS, boolean[] compensation) implements Serializable {
    }

    /** One chip's outcome at one setting; {@code failure} set (and the numbers NaN) when the point failed. */
    public record Outcome(long point, int chip, double timeS, boolean compensation, double accuracy,
            double mvmRelErrorMeasured, double operandRelErrorMeasured, double mvmGainMeasured,
            double mvmRelErrorEffectiveMeasured, double[] mvmRelErrorByLayer, String failure) implements Serializable {
    }

    /** Per executor JVM: the rebuilt plan, network and test set of a broadcast. */
    private record Prepared(SweepPlan plan, Network network, ByteExamples test, Map<String, QuantisedNetwork> q) {
    }

    private static final Map<String, Prepared> PREPARED = new ConcurrentHashMap<>();

    private RefineJob() {
    }

    private static Prepared prepared(Inputs in) {
        return PREPARED.computeIfAbsent(in.id, k -> new Prepared(SweepPlan.parse(in.specText),
                NetworkCodec.decode(in.network), new ByteExamples(in.pixels, in.labels, in.features, in.classes,
                        in.scale), new ConcurrentHashMap<>()));
    }

    /** The quantised network of a point's precisions (built once per JVM). */
    private static QuantisedNetwork quantised(Inputs in, Prepared p, int weightBits, int inputBits) {
        String key = Inputs.key(weightBits, inputBits);
        double[] clips = in.clips.get(key);
        if (clips == null) {
            throw new IllegalStateException("no calibration for " + weightBits + "-bit weights and " + inputBits
                    + "-bit inputs");
        }
        return p.q().computeIfAbsent(key,
                k -> QuantisedNetwork.of(p.network(), weightBits, inputBits, clips, in.statistics.get(key), in.signal));
    }

    /** Runs one task (on an executor, or locally). */
    static List<Outcome> runTask(Inputs in, Task t) {
        Prepared p = prepared(in);
        List<ChipRun.Setting> settings = new ArrayList<>();
        for (int i = 0; i < t.timesS().length; i++) {
            settings.add(new ChipRun.Setting(t.timesS()[i], t.compensation()[i]));
        }
        List<Outcome> out = new ArrayList<>();
        try {
            HardwarePoint hp = HardwarePoint.of(p.plan(), t.point());
            var spec = hp.spec();
            QuantisedNetwork q = quantised(in, p, spec.mapping().weightBits(), spec.dac().bits());
            for (ChipRun.Result r : ChipRun.run(q, hp, t.chip(), settings, p.test(), in.batch)) {
                out.add(new Outcome(t.point(), t.chip(), r.setting().timeS(), r.setting().driftCompensation(),
                        r.accuracy(), r.mvmRelErrorMeasured(), r.operandRelErrorMeasured(), r.mvmGainMeasured(),
                        r.mvmRelErrorEffectiveMeasured(), r.mvmRelErrorByLayer(), null));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            for (ChipRun.Setting s : settings) {
                out.add(new Outcome(t.point(), t.chip(), s.timeS(), s.driftCompensation(), Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, new double[0], e.getMessage()));
            }
        }
        return out;
    }

    /**
     * Runs every task on Spark, one task per partition, and returns the outcomes in task order.
     */
    public static List<Outcome> run(SparkSession spark, Inputs in, List<Task> tasks) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Inputs> b = jsc.broadcast(in);
        FlatMapFunction<java.util.Iterator<Task>, Outcome> run = it -> {
            List<Outcome> out = new ArrayList<>();
            while (it.hasNext()) {
                out.addAll(runTask(b.value(), it.next()));
            }
            return out.iterator();
        };
        List<Outcome> all = jsc.parallelize(tasks, Math.max(1, tasks.size())).mapPartitions(run).collect();
        b.destroy();
        return all;
    }
}
