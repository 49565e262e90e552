package org.aimc.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code aimc train} is refused with a clear message and exit code 2, before any work. */
class TrainCommandTest {
    @TempDir
    Path dir;

    void rejected(String spec, String fragment) throws IOException {
        Path f = dir.resolve("spec.yaml");
        Files.writeString(f, spec);
        Path out = dir.resolve("out");
        Cli c = Cli.run("train", f.toString(), "--out", out.toString());
        assertEquals(2, c.exit, c.err);
        assertTrue(c.err.startsWith("aimc: error: "), c.err);
        assertTrue(c.err.contains(fragment), "expected '" + fragment + "' in " + c.err);
        assertFalse(c.err.contains("\tat "), c.err);
        assertFalse(Files.exists(out), "nothing written");
    }

    static final String SWEEPS = """
            name: t
            sweeps:
              - name: s
                seed: 1
                workload: %s
                base: {device: {kind: pcm}}
                axes: {array.rows: [64]}
            """;

    @Test
    void badSpecsExitWithTwo() throws IOException {
        rejected(String.format(SWEEPS, "fashion-mlp") + "training: {methods: [nois], seeds: [1], epochs: 1}\n",
                "training.methods[0]: unknown training method 'nois'");
        rejected(String.format(SWEEPS, "fashion-mlp") + "training: {methods: [baseline], seeds: [1], epochs: 0}\n",
                "training.epochs");
        rejected(String.format(SWEEPS, "resnet-18") + "training: {methods: [baseline], seeds: [1], epochs: 1}\n",
                "has no reference network recipe");
        rejected("name: t\nsweeps: []\ntraining: {}\n", "sweeps: expected a non-empty list");
        Cli c = Cli.run("train", dir.resolve("absent.yaml").toString());
        assertEquals(2, c.exit);
        assertTrue(c.err.contains("does not exist"), c.err);
    }
}
