package org.aimc.jobs.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aimc.sim.accuracy.CalibrationCurve;
import org.aimc.sim.eval.Evaluator;
import org.aimc.sim.space.SweepPlan;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * The sweep: the plan's index range cut into fixed chunks, chunks spread over Spark tasks, each chunk
 * evaluated by sim-core's {@link Evaluator} and committed on its own (see {@link SweepLayout}). Only the
 * spec's canonical text and the Hadoop settings travel to executors; they rebuild the plan there.
 */
public final class SweepJob {
    /** Options of one run. */
    public record Options(Path out, Integer partitions, boolean resume, boolean overwrite, Long chunkSize,
            PrintStream console, boolean progress, int shardIndex, int shardCount, CalibrationCurve curve) {
        public Options {
            if (shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount) {
                throw new UsageException("--shard must be i/n with 0 <= i < n, got " + shardIndex + "/" + shardCount);
            }
        }

        /** Unsharded options. */
        public Options(Path out, Integer partitions, boolean resume, boolean overwrite, Long chunkSize,
                PrintStream console, boolean progress) {
            this(out, partitions, resume, overwrite, chunkSize, console, progress, 0, 1, null);
        }

        /** The same options with accuracy estimated through {@code c}. */
        public Options withCurve(CalibrationCurve c) {
            return new Options(out, partitions, resume, overwrite, chunkSize, console, progress, shardIndex, shardCount, c);
        }

        boolean sharded() {
            return shardCount > 1;
        }
    }

    /** What a run did. */
    /**
     * What a run did. {@code feasible}, {@code failed} and {@code pointsInScope} count the chunks this run
     * is responsible for (all chunks, or one shard's); {@code chunksDoneOverall} counts every committed
     * chunk of the output.
     */
    public record Result(Path out, long size, long computedThisRun, long feasible, long failed, int chunks,
            int chunksThisRun, double wallSeconds, long pointsInScope, int chunksInScope, int chunksDoneOverall) {
        public double pointsPerSecond() {
            return wallSeconds > 0 ? computedThisRun / wallSeconds : 0;
        }
    }

    /** Thrown for a usage problem found before any output is written. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** Per executor JVM and thread: one evaluator per spec, so its memoised models outlive a task. */
    private static final Map<String, ThreadLocal<Evaluator>> EVALUATORS = new ConcurrentHashMap<>();

    static Evaluator evaluator(String specText, String curveText) {
        String hash = org.aimc.sim.config.SpecYaml.hash(specText + "\u0000" + curveText);
        return EVALUATORS.computeIfAbsent(hash, h -> {
            SweepPlan plan = SweepPlan.parse(specText);
            CalibrationCurve curve = curveText.isEmpty() ? null : CalibrationCurve.parse(curveText);
            return ThreadLocal.withInitial(() -> new Evaluator(plan, curve));
        }).get();
    }

    private SweepJob() {
    }

    /** Default chunk size: about 64 chunks, at least 1,024 and at most 262,144 points each. */
    public static long defaultChunkSize(long size) {
        long c = (size + 63) / 64;
        return Math.max(1024, Math.min(262_144, c));
    }

    /**
     * Checks the output location against the options without writing anything.
     *
     * @throws UsageException when the output cannot be used as asked
     */
    public static void checkOutput(SweepPlan plan, Options o, Configuration conf) throws IOException {
        SweepLayout layout = new SweepLayout(o.out(), conf);
        if (o.resume() && o.overwrite()) {
            throw new UsageException("--resume and --overwrite exclude each other");
        }
        if (o.overwrite() && o.sharded()) {
            throw new UsageException("--overwrite cannot be combined with --shard: other shards may be writing "
                    + "there; delete the output first");
        }
        if (layout.exists() && !layout.fs().getFileStatus(layout.root()).isDirectory()) {
            throw new UsageException("output '" + layout.root() + "' is a file, not a directory");
        }
        if (layout.isEmpty()) {
            return;
        }
        if (!layout.isSweepOutput()) {
            throw new UsageException("output '" + layout.root() + "' is not empty and is not an aimc sweep output; "
                    + "choose an empty or new directory");
        }
        String m = layout.read(layout.manifest());
        String hash = Jsonish.stringField(m, "spec_hash");
        boolean same = hash.equals(plan.specHash());
        if (o.overwrite()) {
            return;
        }
        if (!same) {
            throw new UsageException("output '" + layout.root() + "' holds sweep " + Jsonish.stringField(m, "sweep_id")
                    + " (spec hash " + hash.substring(0, 12) + "), not " + plan.sweepId()
                    + (o.resume() ? "; cannot resume it" : "; use another --out or --overwrite"));
        }
        long manifestChunk = Jsonish.longField(m, "chunk_size");
        if (o.chunkSize() != null && o.chunkSize() != manifestChunk) {
            throw new UsageException("output '" + layout.root() + "' was started with --chunk-size " + manifestChunk
                    + ", not " + o.chunkSize());
        }
        if (!o.resume() && !o.sharded()) {
            throw new UsageException("output '" + layout.root() + "' already holds this sweep; use --resume to "
                    + "finish it or --overwrite to replace it");
        }
    }

    /** What the manifest records about accuracy estimation: the curve's hash, or {@code none}. */
    static String accuracyId(Options o) {
        return o.curve() == null ? "none" : o.curve().specHash();
    }

    /**
     * An output being resumed or joined must have been computed with the same accuracy curve (or none), so
     * that its rows stay a function of the spec and the curve.
     */
    public static void checkAccuracy(Options o, Configuration conf) throws IOException {
        SweepLayout layout = new SweepLayout(o.out(), conf);
        if (o.overwrite() || !layout.isSweepOutput()) {
            return;
        }
        String recorded = Jsonish.stringField(layout.read(layout.manifest()), "accuracy");
        if (!recorded.equals(accuracyId(o))) {
            throw new UsageException("output '" + layout.root() + "' was computed with accuracy curve "
                    + shortId(recorded) + ", this run has " + shortId(accuracyId(o))
                    + "; use the same --cache and --no-accuracy as before");
        }
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /**
     * Runs, resumes or joins (one shard of) the sweep: computes the chunks of its scope that have no
     * marker. {@link #checkOutput} must have passed.
     */
    public static Result run(SparkSession spark, SweepPlan plan, Options o) throws IOException {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        SweepLayout layout = new SweepLayout(o.out(), conf);
        long size = plan.size();
        if (o.overwrite() && layout.exists() && !layout.isEmpty()) {
            layout.fs().delete(layout.root(), true);
        }
        long chunkSize;
        if (layout.isSweepOutput()) {
            chunkSize = Jsonish.longField(layout.read(layout.manifest()), "chunk_size");
        } else {
            chunkSize = o.chunkSize() != null ? o.chunkSize() : defaultChunkSize(size);
            layout.fs().mkdirs(layout.chunksDir());
            layout.createIfAbsent(new Path(layout.root(), "spec.yaml"), plan.canonicalText());
            layout.createIfAbsent(layout.manifest(), manifest(plan, chunkSize, accuracyId(o)));
        }
        int chunks = (int) ((size + chunkSize - 1) / chunkSize);
        Set<Integer> done = new HashSet<>(layout.doneChunks());
        List<Integer> scope = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        for (int c = o.shardIndex(); c < chunks; c += o.shardCount()) {
            scope.add(c);
            if (!done.contains(c)) {
                pending.add(c);
            }
        }
        Set<Integer> pendingSet = new HashSet<>(pending);
        layout.removeStaging(pendingSet);
        layout.removeStrayParts(pendingSet);

        long computed = 0;
        if (!pending.isEmpty()) {
            computed = execute(spark, plan, layout, pending, chunkSize, o);
        }
        layout.removeStaging(pendingSet);

        long feasible = 0;
        long failed = 0;
        long inScope = 0;
        done = new HashSet<>(layout.doneChunks());
        for (int c : scope) {
            if (!done.contains(c)) {
                throw new IllegalStateException("chunk " + c + " was not committed");
            }
            ChunkStats s = layout.readMarker(c);
            feasible += s.feasible;
            failed += s.failed;
            inScope += s.points;
        }
        long expected = 0;
        for (int c : scope) {
            expected += Math.min(size, (c + 1) * chunkSize) - (long) c * chunkSize;
        }
        if (inScope != expected) {
            throw new IllegalStateException("committed chunks hold " + inScope + " points, expected " + expected);
        }
        if (done.size() == chunks && !o.sharded()) {
            layout.fs().delete(layout.stagingDir(), true);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        String runFile = o.sharded() ? "run-shard-" + o.shardIndex() + "-of-" + o.shardCount() + ".json" : "run.json";
        layout.write(new Path(layout.root(), runFile), runJson(spark, plan, start, wall, computed, pending.size(),
                chunks, o));
        return new Result(layout.root(), size, computed, feasible, failed, chunks, pending.size(), wall, inScope,
                scope.size(), done.size());
    }

    private static long execute(SparkSession spark, SweepPlan plan, SweepLayout layout, List<Integer> pending,
            long chunkSize, Options o) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HashMap<String, String> hconf = new HashMap<>();
        for (Map.Entry<String, String> e : spark.sparkContext().hadoopConfiguration()) {
            hconf.put(e.getKey(), e.getValue());
        }
        Broadcast<String> specText = jsc.broadcast(plan.canonicalText());
        Broadcast<String> curveText = jsc.broadcast(o.curve() == null ? "" : o.curve().toText());
        Broadcast<HashMap<String, String>> hadoop = jsc.broadcast(hconf);
        String root = layout.root().toString();
        LongAccumulator doneAcc = spark.sparkContext().longAccumulator("points done");
        int partitions = o.partitions() != null ? o.partitions() : pending.size();
        partitions = Math.max(1, Math.min(partitions, pending.size()));
        long todo = 0;
        for (int c : pending) {
            todo += Math.min(plan.size(), (c + 1) * chunkSize) - c * chunkSize;
        }
        FlatMapFunction<Iterator<Integer>, ChunkStats> task = it -> {
            Configuration conf = new Configuration(false);
            hadoop.value().forEach(conf::set);
            Evaluator ev = evaluator(specText.value(), curveText.value());
            SweepPlan p = ev.plan();
            SweepLayout l = new SweepLayout(new Path(root), conf);
            List<ChunkStats> out = new ArrayList<>();
            while (it.hasNext()) {
                ChunkStats s = ChunkTask.run(p, ev, l, conf, it.next(), chunkSize);
                doneAcc.add(s.points);
                out.add(s);
            }
            return out.iterator();
        };
        Progress progress = o.progress() ? new Progress(o.console(), todo, doneAcc) : null;
        if (progress != null) {
            progress.start();
        }
        try {
            spark.sparkContext().setJobDescription("aimc sweep " + plan.sweepId());
            List<ChunkStats> results = jsc.parallelize(pending, partitions).mapPartitions(task).collect();
            long n = 0;
            for (ChunkStats s : results) {
                n += s.points;
            }
            return n;
        } finally {
            if (progress != null) {
                progress.stop();
            }
        }
    }

    static String manifest(SweepPlan plan, long chunkSize, String accuracy) {
        return "{\n  \"schema_version\": " + SweepPlan.SCHEMA_VERSION + ",\n  \"sweep_id\": " + Jsonish.quote(plan.sweepId())
                + ",\n  \"spec_hash\": " + Jsonish.quote(plan.specHash()) + ",\n  \"size\": " + plan.size()
                + ",\n  \"chunk_size\": " + chunkSize + ",\n  \"chunks\": " + ((plan.size() + chunkSize - 1) / chunkSize)
                + ",\n  \"accuracy\": " + Jsonish.quote(accuracy) + "\n}\n";
    }

    static String runJson(SparkSession spark, SweepPlan plan, Instant start, double wall, long computed,
            int chunksRun, int chunks, Options o) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown";
        }
        return "{\n  \"sweep_id\": " + Jsonish.quote(plan.sweepId()) + ",\n  \"start\": " + Jsonish.quote(start.toString())
                + ",\n  \"end\": " + Jsonish.quote(Instant.now().toString()) + ",\n  \"wall_seconds\": " + wall
                + ",\n  \"host\": " + Jsonish.quote(host) + ",\n  \"spark_version\": " + Jsonish.quote(spark.version())
                + ",\n  \"master\": " + Jsonish.quote(spark.sparkContext().master()) + ",\n  \"resumed\": " + o.resume()
                + ",\n  \"shard\": " + Jsonish.quote(o.shardIndex() + "/" + o.shardCount())
                + ",\n  \"points\": " + plan.size() + ",\n  \"points_computed\": " + computed + ",\n  \"chunks\": " + chunks
                + ",\n  \"chunks_computed\": " + chunksRun + "\n}\n";
    }

    /** Console progress: done/total, points/s and ETA every two seconds. */
    static final class Progress {
        private final PrintStream out;
        private final long total;
        private final LongAccumulator acc;
        private final long t0 = System.nanoTime();
        private Thread thread;

        Progress(PrintStream out, long total, LongAccumulator acc) {
            this.out = out;
            this.total = total;
            this.acc = acc;
        }

        void start() {
            thread = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(2000);
                        print();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "aimc-progress");
            thread.setDaemon(true);
            thread.start();
        }

        void print() {
            long done = acc.value();
            double s = (System.nanoTime() - t0) / 1e9;
            double rate = done / Math.max(s, 1e-9);
            String eta = rate > 0 && done < total ? String.format("%.0f s", (total - done) / rate) : "-";
            out.printf("[sweep] %,d / %,d points (%.1f%%), %,.0f points/s, ETA %s%n", done, total,
                    100.0 * done / Math.max(total, 1), rate, eta);
        }

        void stop() {
            thread.interrupt();
        }
    }
}
