package org.aimc.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.aimc.jobs.Main;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.pareto.Objective;
import org.aimc.sim.pareto.ParetoFront;
import org.aimc.sim.pareto.ParetoSpec;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distributed front against an O(n²) brute force on 20,000 random points, and the command's errors. */
class ParetoJobIT {
    static final int N = 20_000;
    static SparkSession spark;
    @TempDir
    static Path dir;
    static List<Row> rows;

    @BeforeAll
    static void data() {
        spark = SparkSessions.get("local[2]", "aimc IT");
        UniformRandomProvider r = KeyedRandom.stream(2024, 0, Purpose.DATA, 0);
        rows = new ArrayList<>();
        String[] mem = {"pcm", "rram", "sram"};
        for (int i = 0; i < N; i++) {
            // coarse values: many ties and identical vectors; some nulls (infeasible points)
            Double a = r.nextInt(50) == 0 ? null : (double) r.nextInt(200);
            double b = r.nextInt(200) / 7.0;
            double c = r.nextDouble() < 0.5 ? r.nextInt(30) : r.nextDouble() * 30;
            rows.add(RowFactory.create((long) (i * 3 + 11), mem[r.nextInt(3)], "current", a, b, c, (long) (i % 97)));
        }
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("point_index", DataTypes.LongType, false),
                DataTypes.createStructField("memory_type", DataTypes.StringType, false),
                DataTypes.createStructField("compute_domain", DataTypes.StringType, false),
                DataTypes.createStructField("a", DataTypes.DoubleType, true),
                DataTypes.createStructField("b", DataTypes.DoubleType, false),
                DataTypes.createStructField("c", DataTypes.DoubleType, false),
                DataTypes.createStructField("tiles", DataTypes.LongType, false)));
        spark.createDataFrame(rows, schema).repartition(5).write().partitionBy("memory_type", "compute_domain")
                .parquet(dir.resolve("points").toString());
    }

    /** a:min, b:max, c:min; beats = dominates, or equal vector and lower index. */
    static boolean beats(Row p, Row q) {
        double[] x = {p.getDouble(3), -p.getDouble(4), p.getDouble(5)};
        double[] y = {q.getDouble(3), -q.getDouble(4), q.getDouble(5)};
        boolean le = true;
        boolean lt = false;
        for (int k = 0; k < 3; k++) {
            le &= x[k] <= y[k];
            lt |= x[k] < y[k];
        }
        return le && (lt || p.getLong(0) < q.getLong(0));
    }

    /** Brute-force ranks 1 and 2 of the rows with all objectives present, O(n²) per layer. */
    static Map<Long, Integer> bruteForce(List<Row> in) {
        List<Row> rest = new ArrayList<>(in.stream().filter(x -> !x.isNullAt(3)).toList());
        Map<Long, Integer> out = new HashMap<>();
        for (int rank = 1; rank <= 2; rank++) {
            List<Row> layer = new ArrayList<>();
            for (Row q : rest) {
                boolean beaten = false;
                for (Row p : rest) {
                    if (p != q && beats(p, q)) {
                        beaten = true;
                        break;
                    }
                }
                if (!beaten) {
                    layer.add(q);
                }
            }
            for (Row q : layer) {
                out.put(q.getLong(0), rank);
            }
            rest.removeAll(layer);
        }
        return out;
    }

    static Map<Long, Integer> table(String path, String where) {
        Map<Long, Integer> m = new HashMap<>();
        Dataset<Row> t = spark.read().parquet(path);
        if (where != null) {
            t = t.where(where);
        }
        for (Row r : t.select("point_index", "rank").collectAsList()) {
            assertEquals(null, m.put(r.getLong(0), r.getInt(1)), "point " + r.getLong(0) + " twice");
        }
        return m;
    }

    @Test
    void distributedFrontEqualsBruteForce() {
        long t0 = System.nanoTime();
        Map<Long, Integer> want = bruteForce(rows);
        System.out.printf("brute force over %d points: %.1f s, %d of rank <= 2%n", N, (System.nanoTime() - t0) / 1e9,
                want.size());
        assertTrue(want.values().stream().filter(r -> r == 1).count() > 5);
        assertEquals(0, Main.execute("pareto", dir.toString(), "--objectives", "a:min,b:max,c:min", "--ranks", "2"));
        assertEquals(want, table(dir.resolve("pareto").toString(), null));
        // every column of the points plus the added ones; contributions only on the front, shares in (0, 1]
        Dataset<Row> t = spark.read().parquet(dir.resolve("pareto").toString());
        assertTrue(List.of(t.columns()).containsAll(List.of("point_index", "memory_type", "tiles", "a", "rank",
                "hv_contribution", "pareto_objectives")));
        for (Row r : t.select("rank", "hv_contribution").collectAsList()) {
            if (r.getInt(0) == 1) {
                assertTrue(r.getDouble(1) >= 0 && r.getDouble(1) <= 1, "share " + r.getDouble(1));
            } else {
                assertTrue(r.isNullAt(1));
            }
        }
    }

    @Test
    void oneFrontPerGroupAndAnyPartitioning() {
        Path out = dir.resolve("by");
        assertEquals(0, Main.execute("pareto", dir.toString(), "--objectives", "a:min,b:max,c:min", "--ranks", "2",
                "--by", "memory_type", "--where", "tiles < 90", "--out", out.toString()));
        for (String m : new TreeSet<>(List.of("pcm", "rram", "sram"))) {
            List<Row> group = rows.stream().filter(r -> r.getString(1).equals(m) && r.getLong(6) < 90).toList();
            assertEquals(bruteForce(group), table(out.toString(), "memory_type = '" + m + "'"), m);
        }
        ParetoSpec spec = new ParetoSpec(Objective.parseList("a:min,b:max,c:min"), 3, List.of());
        Dataset<Row> pts = spark.read().parquet(dir.resolve("points").toString());
        ParetoFront ref = ParetoJob.fronts(pts.repartition(1), spec, List.of(), 0).get(0).front();
        for (int parts : new int[] {3, 8}) {
            assertEquals(ref, ParetoJob.fronts(pts.repartition(parts), spec, List.of(), 0).get(0).front(),
                    parts + " partitions");
        }
        assertEquals(N, ref.inputs());
        assertEquals(rows.stream().filter(r -> r.isNullAt(3)).count(), ref.excluded());
    }

    @Test
    void badObjectivesExitTwoWithTheValidColumns() {
        String err = run(2, "pareto", dir.toString(), "--objectives", "a:min,nope:max");
        assertTrue(err.contains("unknown column 'nope'; numeric columns: [point_index, a, b, c, tiles]"), err);
        err = run(2, "pareto", dir.toString(), "--objectives", "a:min,b:sideways");
        assertTrue(err.contains("unknown direction 'sideways'; known: [min, max]"), err);
        err = run(2, "pareto", dir.toString(), "--objectives", "a:min,memory_type:max");
        assertTrue(err.contains("'memory_type' is string, not numeric"), err);
        err = run(2, "pareto", dir.toString(), "--objectives", "a:min", "--by", "colour");
        assertTrue(err.contains("--by: unknown column 'colour'"), err);
        err = run(2, "pareto", dir.toString(), "--objectives", "a:min", "--where", "nosuch > 1");
        assertTrue(err.contains("--where:"), err);
        err = run(2, "pareto", dir.toString(), "--objectives", "a:min", "--where", "a IS NULL", "--out",
                dir.resolve("nulls").toString());
        assertTrue(err.contains("null objective"), err);
    }

    static String run(int code, String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(code, Main.execute(args), String.join(" ", args));
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
