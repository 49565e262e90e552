package org.aimc.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aimc.jobs.spark.SparkSessions;
import org.aimc.sim.space.SweepPlan;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep killed with SIGKILL mid-run and resumed holds every point exactly once. */
class KillResumeIT {
    @TempDir
    Path dir;

    /** A 41,472-point grid over the quickstart's kinds: big enough to interrupt, quick enough for CI. */
    static String grid(String name, long seed) {
        return "name: " + name + "\nseed: " + seed + "\nworkload: fashion-mlp\naxes:\n"
                + "  device.kind: [sram, rram, pcm]\n  array.rows: [64, 128, 256, 512]\n"
                + "  array.cols: [64, 128, 256, 512]\n  dac.bits: [2, 4, 6, 8]\n  adc.bits: [3, 4, 5, 6, 7, 8]\n"
                + "  mapping.weight_bits: [4, 6, 8]\n  nonideal.programming_noise: [0, 0.5, 1, 2]\n"
                + "  operating.time_s: [1, 3600, 86400]\n";
    }

    static final String SPEC = grid("kill-me", 3);

    @Test
    void killedSweepResumesToEveryPointExactlyOnce() throws Exception {
        Path spec = dir.resolve("kill.yaml");
        Files.writeString(spec, SPEC);
        long size = SweepPlan.parse(SPEC).size();
        Path out = dir.resolve("out");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-D") && !a.startsWith("-Dbasedir")
                    || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sweep",
                spec.toString(), "--out", out.toString(), "--chunk-size", "2000", "--master", "local[1]",
                "--no-progress", "--no-accuracy"));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path chunks = out.resolve("_sweep/chunks");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (markers(chunks) < 3) {
            assertTrue(child.isAlive(), "child ended early:\n" + Files.readString(dir.resolve("child.log")));
            assertTrue(System.nanoTime() < deadline, "no chunk committed in 120 s");
            Thread.sleep(50);
        }
        child.destroyForcibly(); // SIGKILL on Unix
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        int before = markers(chunks);
        int total = (int) ((size + 1999) / 2000);
        assertTrue(before < total, "the kill must interrupt the sweep (" + before + " of " + total + " chunks)");

        Cli c = Cli.run("sweep", spec.toString(), "--out", out.toString(), "--resume", "--master", "local[2]",
                "--no-progress", "--no-accuracy");
        assertEquals(0, c.exit, c.err);
        assertTrue(c.out.contains("in " + (total - before) + " of " + total + " chunks"), c.out);

        Row r = SparkSessions.get("local[2]", "aimc-it").read().parquet(out.resolve("points").toString())
                .selectExpr("count(*)", "count(DISTINCT point_index)", "min(point_index)", "max(point_index)").first();
        assertEquals(size, r.getLong(0), "every point exactly once");
        assertEquals(size, r.getLong(1));
        assertEquals(0L, r.getLong(2));
        assertEquals(size - 1, r.getLong(3));
        assertFalse(Files.exists(out.resolve("_sweep/staging")), "no staging leftovers");
        try (Stream<Path> s = Files.walk(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files");
        }
    }

    static int markers(Path chunks) throws IOException {
        File[] f = chunks.toFile().listFiles((d, n) -> n.endsWith(".done"));
        return f == null ? 0 : f.length;
    }
}
