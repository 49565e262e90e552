package org.aimc.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aimc.jobs.spark.SparkSessions;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aimc refine} end to end on embedded Spark: a two-point sweep of fashion-mlp (ideal hardware, and the
 * same with programming noise), refined on the first test images for two chips at two times with and without
 * drift compensation; the default selection (the Pareto front); and the refusal of a workload without data.
 * Needs Fashion-MNIST (dataset-fashion-mnist) and trains or reads the network in the test cache (aimc.cache).
 */
class RefineIT {
    static final String SPEC = """
            name: refine-it
            seed: 3
            workload: fashion-mlp
            base:
              device: {kind: rram}
              domain: {kind: current}
              array: {rows: 256, cols: 256}
              dac: {kind: amplitude, bits: 8}
              adc: {kind: ideal, bits: 8}
              mapping: {weight_bits: 8, bits_per_cell: 2, signed: differential}
              nonideal: {programming_noise: 0, read_noise: 0, drift: 0, ir_drop: none, stuck_at: 0, nonlinearity: 0,
                circuit_mismatch: 0, circuit_noise: 0}
            axes:
              nonideal.programming_noise: [0, 1]
            """;
    static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void spark() {
        spark = SparkSessions.get("local[2]", "aimc-it");
    }

    static Path sweep(String name, String spec) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, spec);
        Path out = dir.resolve(name);
        Cli c = Cli.run("sweep", file.toString(), "--out", out.toString(), "--no-progress");
        assertEquals(0, c.exit, c.err);
        return out;
    }

    @Test
    void chosenPointsAreRefinedOverChipsTimesAndCompensation() throws IOException {
        Path out = sweep("two", SPEC);
        Cli c = Cli.run("refine", out.toString(), "--where", "true", "--chips", "2", "--times", "1,86400",
                "--images", "300");
        assertEquals(0, c.exit, c.err);
        List<Row> rows = spark.read().parquet(out.resolve("refined").toString())
                .orderBy("point_index", "time_s", "drift_compensation").collectAsList();
        assertEquals(2 * 2 * 2, rows.size());
        for (Row r : rows) {
            assertEquals("B", r.getAs("accuracy_tier"));
            assertEquals(2, (int) r.getAs("chips"));
            assertEquals(300, (int) r.getAs("images"));
            double mean = r.getAs("accuracy_mean");
            assertTrue((double) r.getAs("accuracy_ci95_low") <= mean && mean <= (double) r.getAs("accuracy_ci95_high"));
            assertTrue(r.getAs("accuracy_est") != null, "tier-A estimate beside the refined accuracy");
            double noise = r.getAs("axis_nonideal_programming_noise");
            if (noise == 0) {
                // ideal hardware: exactly the quantised network, on every chip
                assertEquals((double) r.getAs("quantised_accuracy"), mean, 0.0);
                assertEquals(0.0, (double) r.getAs("accuracy_std"), 0.0);
                assertEquals(0.0, (double) r.getAs("mvm_rel_error_measured"), 0.0);
            } else {
                assertTrue((double) r.getAs("mvm_rel_error_measured") > 0.01);
                assertTrue(mean <= (double) r.getAs("quantised_accuracy") + 0.02);
            }
        }
        // the two chips of the noisy point differ
        assertNotEquals(0.0, (double) rows.get(4).getAs("accuracy_std"));
        // the default selection is the Pareto front of energy vs accuracy_est
        Cli front = Cli.run("refine", out.toString(), "--chips", "1", "--times", "3600", "--compensation", "on",
                "--images", "100", "--out", dir.resolve("front").toString());
        assertEquals(0, front.exit, front.err);
        assertTrue(front.out.contains("Pareto front on energy_per_inference_j:min, accuracy_est:max"), front.out);
        long n = spark.read().parquet(dir.resolve("front").toString()).count();
        assertTrue(n >= 1 && n <= 2, n + " rows");
        // bad selections: exit 2, the flag named, nothing written
        String[][] bad = {{"--where", "no_such_column > 1", "--where: "}, {"--where", "false", "no points selected"},
            {"--images", "0", "--images must be in [1, 10000], got 0"}};
        for (String[] b : bad) {
            Path target = dir.resolve("bad");
            Cli r = Cli.run("refine", out.toString(), b[0], b[1], "--out", target.toString());
            assertEquals(2, r.exit, r.err);
            assertTrue(r.err.startsWith("aimc: error: ") && r.err.contains(b[2]), r.err);
            assertTrue(!Files.exists(target), "nothing written for " + b[0] + " " + b[1]);
        }
    }

    @Test
    void workloadsWithoutADataSetAreRefused() throws IOException {
        Path out = dir.resolve("lenet");
        Path file = dir.resolve("lenet.yaml");
        Files.writeString(file, SPEC.replace("workload: fashion-mlp", "workload: lenet-5").replace("name: refine-it",
                "name: refine-lenet"));
        assertEquals(0, Cli.run("sweep", file.toString(), "--out", out.toString(), "--no-progress", "--no-accuracy")
                .exit);
        Cli c = Cli.run("refine", out.toString(), "--where", "true");
        assertEquals(2, c.exit);
        assertTrue(c.err.contains("refine needs a workload with a data set") && c.err.contains("lenet-5"), c.err);
    }
}
