package org.aimc.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input never starts Spark, exits 2 with the YAML path, and leaves no output behind. */
class SweepCommandTest {
    @TempDir
    Path dir;

    static final String GOOD = "name: t\nseed: 1\nworkload: fashion-mlp\nbase:\n  array: {rows: 64}\naxes:\n  adc.bits: [4, 8]\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key          | base:\\n  array: {rows: 64, colz: 4}      | base.array.colz",
        "unknown memory type  | axes:\\n  device.kind: [pcmm]              | axes.device.kind[0]: unknown memory type 'pcmm'; known: [",
        "rows zero            | base:\\n  array: {rows: 0}                 | base.array.rows: must be an integer in [1, 65536], got 0",
        "adc bits 40          | base:\\n  adc: {bits: 40}                  | base.adc.bits: must be an integer in [1, 16], got 40",
        "syntax error         | base:\\n  array: {rows: 64                 | YAML syntax error at line",
        "empty axis           | axes:\\n  adc.bits: []                     | axes.adc.bits: an axis needs at least one value",
        "non-numeric value    | axes:\\n  array.rows: [64, many]           | axes.array.rows[1]: expected an integer, got 'many'",
    })
    void badSpecsExitTwoAndWriteNothing(String what, String fragment, String message) throws IOException {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "name: t\nseed: 1\nworkload: fashion-mlp\n" + fragment.replace("\\n", "\n") + "\n");
        Path out = dir.resolve("out");
        Cli c = Cli.run("sweep", spec.toString(), "--out", out.toString());
        assertEquals(2, c.exit, what);
        assertTrue(c.err.contains(message.strip()), what + ": " + c.err);
        assertFalse(c.err.contains("\tat "), "no stack trace without --verbose");
        assertFalse(Files.exists(out), "no output directory");
    }

    @Test
    void overflowingAxesExitTwo() throws IOException {
        StringBuilder vals = new StringBuilder("[");
        for (int i = 1; i <= 1000; i++) {
            vals.append(i == 1 ? "" : ", ").append(i);
        }
        vals.append(']');
        StringBuilder s = new StringBuilder("name: t\nseed: 1\nworkload: fashion-mlp\naxes:\n");
        for (String p : new String[] {"array.rows", "array.cols", "dac.bits", "adc.columns_per_adc", "operating.time_s",
            "nonideal.drift", "nonideal.read_noise"}) {
            s.append("  ").append(p).append(": ").append(vals).append('\n');
        }
        Path spec = dir.resolve("huge.yaml");
        Files.writeString(spec, s.toString());
        Path out = dir.resolve("out");
        Cli c = Cli.run("sweep", spec.toString(), "--out", out.toString());
        assertEquals(2, c.exit);
        assertTrue(c.err.contains("overflows"), c.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void missingSpecFileExitsTwo() {
        Cli c = Cli.run("sweep", dir.resolve("nope.yaml").toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, c.exit);
        assertTrue(c.err.contains("does not exist"), c.err);
    }

    @Test
    void aNonEmptyDirectoryThatIsNotASweepIsNeverTouched() throws IOException {
        Path spec = dir.resolve("good.yaml");
        Files.writeString(spec, GOOD);
        Path out = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(out.resolve("thesis.tex"), "keep me");
        for (String flag : new String[] {"--overwrite", "--resume"}) {
            Cli c = Cli.run("sweep", spec.toString(), "--out", out.toString(), flag);
            assertEquals(2, c.exit, flag);
            assertTrue(c.err.contains("not an aimc sweep output"), c.err);
        }
        Cli c = Cli.run("sweep", spec.toString(), "--out", out.toString());
        assertEquals(2, c.exit);
        assertEquals("keep me", Files.readString(out.resolve("thesis.tex")));
    }

    @Test
    void resumeAndOverwriteExcludeEachOther() throws IOException {
        Path spec = dir.resolve("good.yaml");
        Files.writeString(spec, GOOD);
        Cli c = Cli.run("sweep", spec.toString(), "--resume", "--overwrite");
        assertEquals(2, c.exit);
        assertTrue(c.err.contains("mutually exclusive"), c.err);
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"sweep", "sql", "bench"}) {
            Cli c = Cli.run(cmd, "--help");
            assertEquals(0, c.exit, cmd);
            assertTrue(c.out.contains("Usage: aimc " + cmd), c.out);
        }
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        Cli c = Cli.run("sweep", "x.yaml", "--partitons", "3");
        assertEquals(2, c.exit);
        assertTrue(c.err.contains("--partitons"), c.err);
    }
}
