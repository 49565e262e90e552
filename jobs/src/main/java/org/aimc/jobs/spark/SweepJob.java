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
            PrintStream console, boolean progress) {
    }

    /** What a run did. */
    public record Result(Path out, long size, long computedThisRun, long feasible, long failed, int chunks,
            int chunksThisRun, double wallSeconds) {
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

    static Evaluator evaluator(String specText) {
        String hash = org.aimc.sim.config.SpecYaml.hash(specText);
        return EVALUATORS.computeIfAbsent(hash, h -> {
            SweepPlan plan = SweepPlan.parse(specText);
            return ThreadLocal.withInitial(() -> new Evaluator(plan));
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
        if (o.resume()) {
            String m = layout.read(layout.manifest());
            String hash = Jsonish.stringField(m, "spec_hash");
            if (!hash.equals(plan.specHash())) {
                throw new UsageException("cannot resume: output '" + layout.root() + "' holds sweep "
                        + Jsonish.stringField(m, "sweep_id") + " (spec hash " + hash.substring(0, 12)
                        + "), not " + plan.sweepId());
            }
            return;
        }
        if (!o.overwrite()) {
            throw new UsageException("output '" + layout.root() + "' already holds a sweep; use --resume to "
                    + "finish it or --overwrite to replace it");
        }
    }

    /** Runs (or resumes) the sweep. {@link #checkOutput} must have passed. */
    public static Result run(SparkSession spark, SweepPlan plan, Options o) throws IOException {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        SweepLayout layout = new SweepLayout(o.out(), conf);
        long size = plan.size();
        long chunkSize;
        if (o.resume() && layout.isSweepOutput()) {
            chunkSize = Jsonish.longField(layout.read(layout.manifest()), "chunk_size");
        } else {
            if (layout.exists() && !layout.isEmpty() && o.overwrite()) {
                layout.fs().delete(layout.root(), true);
            }
            chunkSize = o.chunkSize() != null ? o.chunkSize() : defaultChunkSize(size);
            layout.fs().mkdirs(layout.root());
            layout.write(new Path(layout.root(), "spec.yaml"), plan.canonicalText());
            layout.fs().mkdirs(layout.chunksDir());
            layout.writeAtomically(layout.manifest(), manifest(plan, chunkSize), "init");
        }
        int chunks = (int) ((size + chunkSize - 1) / chunkSize);
        Set<Integer> done = new HashSet<>(layout.doneChunks());
        List<Integer> pending = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            if (!done.contains(c)) {
                pending.add(c);
            }
        }
        layout.fs().delete(layout.stagingDir(), true);
        layout.removeStrayParts(new HashSet<>(pending));

        long computed = 0;
        if (!pending.isEmpty()) {
            computed = execute(spark, plan, layout, pending, chunkSize, o);
        }
        layout.fs().delete(layout.stagingDir(), true);

        long feasible = 0;
        long failed = 0;
        long total = 0;
        for (int c : layout.doneChunks()) {
            ChunkStats s = layout.readMarker(c);
            feasible += s.feasible;
            failed += s.failed;
            total += s.points;
        }
        if (total != size) {
            throw new IllegalStateException("committed chunks hold " + total + " points, expected " + size);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        layout.write(new Path(layout.root(), "run.json"), runJson(spark, plan, start, wall, computed, pending.size(),
                chunks, o));
        return new Result(layout.root(), size, computed, feasible, failed, chunks, pending.size(), wall);
    }

    private static long execute(SparkSession spark, SweepPlan plan, SweepLayout layout, List<Integer> pending,
            long chunkSize, Options o) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HashMap<String, String> hconf = new HashMap<>();
        for (Map.Entry<String, String> e : spark.sparkContext().hadoopConfiguration()) {
            hconf.put(e.getKey(), e.getValue());
        }
        Broadcast<String> specText = jsc.broadcast(plan.canonicalText());
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
            Evaluator ev = evaluator(specText.value());
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

    static String manifest(SweepPlan plan, long chunkSize) {
        return "{\n  \"schema_version\": " + SweepPlan.SCHEMA_VERSION + ",\n  \"sweep_id\": " + Jsonish.quote(plan.sweepId())
                + ",\n  \"spec_hash\": " + Jsonish.quote(plan.specHash()) + ",\n  \"size\": " + plan.size()
                + ",\n  \"chunk_size\": " + chunkSize + ",\n  \"chunks\": " + ((plan.size() + chunkSize - 1) / chunkSize)
                + "\n}\n";
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
