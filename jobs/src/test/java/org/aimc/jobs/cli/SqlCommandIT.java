package org.aimc.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.aimc.jobs.Main;
import org.aimc.jobs.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aimc sql} serves every table of a results directory, in all three output formats. */
class SqlCommandIT {
    static final List<String> TABLES = List.of("pareto", "points", "refined", "training", "validation");
    @TempDir
    static Path dir;

    @BeforeAll
    static void tables() {
        SparkSession spark = SparkSessions.get("local[2]", "aimc IT");
        spark.sql("SELECT id AS point_index, 'pcm' AS memory_type, 'current' AS compute_domain, id * 1.5e-9 AS "
                + "energy_j FROM range(3)").write().partitionBy("memory_type", "compute_domain")
                .parquet(dir.resolve("points").toString());
        for (String t : TABLES) {
            if (!t.equals("points")) {
                spark.sql("SELECT id AS point_index, '" + t + ", \"quoted\"' AS note, CAST(NULL AS DOUBLE) AS missing, "
                        + "CAST(id / 4.0 AS DOUBLE) AS value FROM range(2)").write().parquet(dir.resolve(t).toString());
            }
        }
    }

    static String out(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.execute(args), String.join(" ", args));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyTableInEveryFormat() throws Exception {
        assertEquals(TABLES, SqlCommand.tables(new org.apache.hadoop.fs.Path(dir.toUri()),
                new org.apache.hadoop.conf.Configuration()));
        for (String t : TABLES.subList(2, 5)) {
            String table = out("sql", dir.toString(), "SELECT point_index, note, missing, value FROM " + t
                    + " ORDER BY point_index");
            List<String> lines = table.lines().toList();
            assertEquals("point_index | note" + " ".repeat(t.length() + 10 - 4) + " | missing | value", lines.get(0));
            int bar = lines.get(0).indexOf(" | note");
            assertEquals(bar, lines.get(2).indexOf(" | "), "aligned columns:\n" + table);
            assertTrue(lines.get(2).contains("null"), table);
            assertEquals("(2 rows)", lines.get(4));
            String csv = out("sql", dir.toString(), "SELECT point_index, note, missing FROM " + t
                    + " ORDER BY point_index", "--format", "csv");
            assertEquals("point_index,note,missing\n0,\"" + t + ", \"\"quoted\"\"\",\n1,\"" + t
                    + ", \"\"quoted\"\"\",\n", csv);
            String json = out("sql", dir.toString(), "SELECT point_index, note, missing, value FROM " + t
                    + " WHERE point_index = 1", "--format", "json");
            assertEquals("{\"point_index\":1,\"note\":\"" + t + ", \\\"quoted\\\"\",\"missing\":null,\"value\":0.25}\n",
                    json);
        }
        String joined = out("sql", dir.toString(), "SELECT count(*) AS n FROM points p JOIN pareto USING (point_index)",
                "--format", "csv");
        assertEquals("n\n2\n", joined);
    }

    @Test
    void badQueryIsAUsageError() {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.execute("sql", dir.toString(), "SELECT nosuch FROM refined"));
            assertEquals(2, Main.execute("sql", dir.toString(), "SELEKT 1"));
        } finally {
            System.setErr(old);
        }
        String err = buf.toString(StandardCharsets.UTF_8);
        assertTrue(err.contains("query failed") && err.contains("nosuch"), err);
        assertTrue(err.contains("[pareto, points, refined, training, validation]"), err);
    }
}
