package org.aimc.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aimc.datasets.Calibration;
import org.aimc.jobs.spark.SparkSessions;
import org.aimc.sim.accuracy.CalibrationCurve;
import org.aimc.sim.eval.Column;
import org.aimc.sim.eval.LocalRunner;
import org.aimc.sim.eval.ResultColumns;
import org.aimc.sim.space.SweepPlan;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep on embedded Spark: partitioning never changes a row, and the table answers SQL. */
class SweepIT {
    static final Path QUICKSTART = Path.of("../conf/sweeps/quickstart.yaml");
    static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void spark() {
        spark = SparkSessions.get("local[2]", "aimc-it");
    }

    static List<Row> readSorted(Path out) {
        String[] cols = ResultColumns.all().stream().map(Column::name).toArray(String[]::new);
        return spark.read().parquet(out.resolve("points").toString())
                .selectExpr(cols).orderBy("point_index").collectAsList();
    }

    /**
     * The local runner's rows with the same accuracy curve the sweeps use (the first sweep of this JVM
     * builds it in the test cache, system property aimc.cache).
     */
    static List<Object[]> localRows(SweepPlan plan) {
        CalibrationCurve curve = Calibration.load("fashion-mlp", Path.of(System.getProperty("aimc.cache")))
                .orElseThrow(() -> new AssertionError("no calibration curve in the test cache"));
        return LocalRunner.run(plan, curve);
    }

    @Test
    void oneThreeAndEightPartitionsGiveTheLocalRunnersRows() throws IOException {
        SweepPlan plan = SweepPlan.parse(Files.readString(QUICKSTART));
        List<Object[]> local = null;
        for (String partitions : new String[] {"1", "3", "8"}) {
            Path out = dir.resolve("p" + partitions);
            Cli c = Cli.run("sweep", QUICKSTART.toString(), "--out", out.toString(), "--partitions", partitions,
                    "--chunk-size", "16", "--master", "local[2]", "--no-progress");
            assertEquals(0, c.exit, c.err);
            if (local == null) {
                local = localRows(plan);
            }
            List<Row> rows = readSorted(out);
            assertEquals(local.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                Object[] got = new Object[r.size()];
                for (int k = 0; k < got.length; k++) {
                    got[k] = r.get(k);
                }
                assertArrayEquals(local.get(i), got, "partitions " + partitions + ", point " + i);
            }
            assertFalse(Files.exists(out.resolve("_sweep/staging")), "staging removed");
            assertTrue(Files.readString(out.resolve("run.json")).contains("\"points\": 300"));
        }
    }

    static Object[] values(Row r) {
        Object[] got = new Object[r.size()];
        for (int k = 0; k < got.length; k++) {
            got[k] = r.get(k);
        }
        return got;
    }

    @Test
    void threeShardsInOneOrSeparateOutputsEqualTheFullRun() throws IOException {
        SweepPlan plan = SweepPlan.parse(Files.readString(QUICKSTART));
        Path shared = dir.resolve("shards-shared");
        java.util.List<Row> union = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Cli c = Cli.run("sweep", QUICKSTART.toString(), "--out", shared.toString(), "--shard", i + "/3",
                    "--chunk-size", "32", "--no-progress");
            assertEquals(0, c.exit, c.err);
            Path own = dir.resolve("shard-" + i);
            assertEquals(0, Cli.run("sweep", QUICKSTART.toString(), "--out", own.toString(), "--shard", i + "/3",
                    "--chunk-size", "32", "--no-progress").exit);
            union.addAll(spark.read().parquet(own.resolve("points").toString())
                    .selectExpr(ResultColumns.all().stream().map(Column::name).toArray(String[]::new)).collectAsList());
        }
        List<Object[]> local = localRows(plan);
        List<Row> sharedRows = readSorted(shared);
        union.sort(java.util.Comparator.comparingLong(r -> r.getLong(ResultColumns.indexOf("point_index"))));
        assertEquals(local.size(), sharedRows.size());
        assertEquals(local.size(), union.size());
        for (int i = 0; i < local.size(); i++) {
            assertArrayEquals(local.get(i), values(sharedRows.get(i)), "shared output, point " + i);
            assertArrayEquals(local.get(i), values(union.get(i)), "separate outputs, point " + i);
        }
        Cli again = Cli.run("sweep", QUICKSTART.toString(), "--out", shared.toString(), "--shard", "1/3",
                "--no-progress");
        assertEquals(0, again.exit, again.err);
        assertTrue(again.out.contains("computed 0 in 0 of 3 chunks"), again.out); // chunks 1, 4, 7 of 10
    }

    @Test
    void sqlAnswersTheGroupByOverTheQuickstart() {
        Path out = dir.resolve("sql");
        assertEquals(0, Cli.run("sweep", QUICKSTART.toString(), "--out", out.toString(), "--no-progress").exit);
        Cli c = Cli.run("sql", out.toString(),
                "SELECT memory_type, compute_domain, count(*) AS n, min(energy_j) AS e FROM points GROUP BY 1, 2 ORDER BY 1",
                "--format", "csv");
        assertEquals(0, c.exit, c.err);
        String[] lines = c.out.strip().split("\n");
        assertEquals("memory_type,compute_domain,n,e", lines[0]);
        assertEquals(4, lines.length);
        for (int i = 1; i < 4; i++) {
            String[] f = lines[i].split(",");
            assertEquals("current", f[1]);
            assertEquals("100", f[2]);
            assertTrue(Double.parseDouble(f[3]) > 0);
        }
        Cli table = Cli.run("sql", out.toString(), "SELECT count(*) AS n FROM points");
        assertTrue(table.out.contains("300"), table.out);
        Cli json = Cli.run("sql", out.toString(), "SELECT memory_type FROM points LIMIT 1", "--format", "json");
        assertTrue(json.out.startsWith("{\"memory_type\":\""), json.out);
        // a table whose directory name is not an SQL identifier is served back-quoted
        copyTree(out.resolve("points"), out.resolve("points-copy.v2"));
        Cli quoted = Cli.run("sql", out.toString(), "SELECT count(*) AS n FROM `points-copy.v2`", "--format", "csv");
        assertEquals(0, quoted.exit, quoted.err);
        assertEquals("n\n300", quoted.out.strip());
    }

    private static void copyTree(Path from, Path to) {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badQueriesAndMissingResultsExitTwo() {
        Path out = dir.resolve("sql2");
        assertEquals(0, Cli.run("sweep", QUICKSTART.toString(), "--out", out.toString(), "--no-progress").exit);
        Cli c = Cli.run("sql", out.toString(), "SELECT nope FROM points");
        assertEquals(2, c.exit);
        assertTrue(c.err.contains("query failed"), c.err);
        assertEquals(2, Cli.run("sql", dir.resolve("absent").toString(), "SELECT 1").exit);
    }

    @Test
    void aFinishedSweepRefusesToRunAgainWithoutAFlagAndResumeIsANoOp() throws IOException {
        Path out = dir.resolve("again");
        assertEquals(0, Cli.run("sweep", QUICKSTART.toString(), "--out", out.toString(), "--no-progress").exit);
        Cli again = Cli.run("sweep", QUICKSTART.toString(), "--out", out.toString());
        assertEquals(2, again.exit);
        assertTrue(again.err.contains("--resume"), again.err);
        Cli resume = Cli.run("sweep", QUICKSTART.toString(), "--out", out.toString(), "--resume", "--no-progress");
        assertEquals(0, resume.exit, resume.err);
        assertTrue(resume.out.contains("computed 0 in 0 of 1 chunks"), resume.out);
        Cli overwrite = Cli.run("sweep", QUICKSTART.toString(), "--out", out.toString(), "--overwrite", "--no-progress");
        assertEquals(0, overwrite.exit, overwrite.err);
        assertEquals(300, readSorted(out).size());
    }

    @Test
    void resumingWithAnotherAccuracySettingIsRefused() {
        Path out = dir.resolve("acc");
        assertEquals(0, Cli.run("sweep", QUICKSTART.toString(), "--out", out.toString(), "--no-accuracy",
                "--no-progress").exit);
        Cli c = Cli.run("sweep", QUICKSTART.toString(), "--out", out.toString(), "--resume");
        assertEquals(2, c.exit);
        assertTrue(c.err.contains("was computed with accuracy curve none"), c.err);
        List<Row> rows = readSorted(out);
        assertTrue(rows.get(0).isNullAt(ResultColumns.indexOf("accuracy_est")));
        assertTrue(!rows.get(0).isNullAt(ResultColumns.indexOf("operand_rel_error")));
    }

    @Test
    void accuracyIsEstimatedThroughTheWorkloadsCurve() {
        Path out = dir.resolve("with-accuracy");
        assertEquals(0, Cli.run("sweep", QUICKSTART.toString(), "--out", out.toString(), "--no-progress").exit);
        Row r = spark.read().parquet(out.resolve("points").toString())
                .selectExpr("min(accuracy_est)", "max(accuracy_est)", "count(accuracy_est)", "min(accuracy_tier)").first();
        assertTrue(r.getDouble(0) > 0.1 && r.getDouble(1) <= 0.8926, r.toString());
        assertEquals(300L, r.getLong(2));
        assertEquals("A", r.getString(3));
    }

    @Test
    void resumingWithAnotherSpecIsRefused() throws IOException {
        Path out = dir.resolve("other");
        assertEquals(0, Cli.run("sweep", QUICKSTART.toString(), "--out", out.toString(), "--no-progress").exit);
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, Files.readString(QUICKSTART).replace("seed: 42", "seed: 43"));
        Cli c = Cli.run("sweep", other.toString(), "--out", out.toString(), "--resume");
        assertEquals(2, c.exit);
        assertTrue(c.err.contains("cannot resume"), c.err);
    }
}
