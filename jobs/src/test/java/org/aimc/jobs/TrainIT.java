package org.aimc.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aimc.jobs.spark.SparkSessions;
import org.aimc.jobs.spark.TrainJob;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aimc train} end to end on embedded Spark with the bounded acceptance spec
 * {@code conf/training/hat-smoke.yaml} (the points and seeds of hat-acceptance.yaml, fewer images, one epoch,
 * five chips): the table has one row per run and time with the documented columns, and the acceptance claims
 * hold for the hardware accuracy averaged over the two seeds, as the README's table states them (one seed at
 * this size does not rank hardware-in-the-loop against in-silico training: see the spec's header) —
 * <ul>
 *   <li>at the noise point the baseline loses at least 5 accuracy points to programming and read noise and
 *       noise injection gains on it (recovering at least half of the loss takes the acceptance spec's 60,000
 *       images and 2 epochs; the README's table);</li>
 *   <li>at the compression point physical-model training beats both noise injection and the baseline;</li>
 *   <li>hardware-in-the-loop training beats in-silico training on the same (probabilistic) twin where the
 *       chip carries effects the twin lacks (the divider's compression and the converters' range).</li>
 * </ul>
 */
class TrainIT {
    static final String SMOKE = "../conf/training/hat-smoke.yaml";
    static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void spark() {
        spark = SparkSessions.get("local[2]", "aimc-it");
    }

    @Test
    void smokeSpecWritesTheTableAndTheAcceptanceClaimsHold() {
        Path out = dir.resolve("smoke");
        Cli c = Cli.run("train", SMOKE, "--out", out.toString(), "--master", "local[2]", "--no-progress");
        assertEquals(0, c.exit, c.err);
        List<Row> rows = spark.read().parquet(out.resolve("training").toString()).collectAsList();
        // (2 points x 3 methods + 1 point x 2 hardware-in-the-loop methods) x 2 seeds, one time
        assertEquals(16, rows.size());
        List<String> cols = List.of(spark.read().parquet(out.resolve("training").toString()).columns());
        for (String col : List.of("point_index", "method", "seed", "epochs", "accuracy_digital", "accuracy_hw_mean",
                "accuracy_hw_std", "chips", "time_s")) {
            assertTrue(cols.contains(col), "column " + col + " in " + cols);
        }
        assertEquals(List.of(TrainJob.schema().fieldNames()), cols);
        Map<String, Row> by = new HashMap<>();
        Map<String, double[]> hwSum = new HashMap<>();
        Map<String, double[]> digitalSum = new HashMap<>();
        for (Row r : rows) {
            String key = r.getAs("sweep_name") + "/" + r.getAs("method");
            by.put(key + "/" + r.getAs("seed"), r);
            by.put(key, r);
            assertEquals(5, (int) r.getAs("chips"));
            if (r.getAs("skipped") == null) {
                add(hwSum, key, r.getAs("accuracy_hw_mean"));
                add(digitalSum, key, r.getAs("accuracy_digital"));
            }
        }
        for (String key : hwSum.keySet()) {
            assertEquals(2.0, hwSum.get(key)[1], 0.0, "both seeds of " + key);
        }
        for (long seed : new long[] {1, 2}) {
            assertNotNull(by.get("compression-point/hardware-in-loop/" + seed), "seed " + seed);
        }
        Row skipped = by.get("noise-point/physical");
        assertNotNull(skipped.getAs("skipped"), "no physics to model at the noise point");
        double digital = mean(digitalSum, "noise-point/baseline");
        double base = mean(hwSum, "noise-point/baseline");
        double noise = mean(hwSum, "noise-point/noise-injection");
        double loss = digital - base;
        assertTrue(loss >= 0.05, "the baseline loses " + loss + " at the noise point");
        assertTrue(noise > base, "noise injection " + noise + " vs baseline " + base);
        double cBase = mean(hwSum, "compression-point/baseline");
        double cNoise = mean(hwSum, "compression-point/noise-injection");
        double cPhys = mean(hwSum, "compression-point/physical");
        assertTrue(cPhys > cNoise && cPhys > cBase, "physical " + cPhys + " vs noise injection " + cNoise
                + " and baseline " + cBase);
        double hil = mean(hwSum, "compression-point/hardware-in-loop");
        double silico = mean(hwSum, "compression-point/in-silico");
        assertTrue(hil > silico, "hardware-in-the-loop " + hil + " vs in-silico " + silico + " (means over seeds)");
        assertTrue((long) by.get("compression-point/hardware-in-loop").getAs("programmings") > 1);
        assertTrue(c.out.contains("[train] done: 16 runs"), c.out);

        // the table exists: a second run without --overwrite is refused before any work
        Cli again = Cli.run("train", SMOKE, "--out", out.toString(), "--master", "local[2]", "--no-progress");
        assertEquals(2, again.exit);
        assertTrue(again.err.contains("--overwrite"), again.err);
        assertFalse(again.err.contains("\tat "), again.err);
    }

    static void add(Map<String, double[]> sums, String key, double v) {
        double[] s = sums.computeIfAbsent(key, k -> new double[2]);
        s[0] += v;
        s[1]++;
    }

    /** The mean over seeds of a (sweep, method)'s values. */
    static double mean(Map<String, double[]> sums, String key) {
        double[] s = sums.get(key);
        assertNotNull(s, key);
        return s[0] / s[1];
    }
}
