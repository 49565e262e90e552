package org.aimc.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aimc.jobs.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetlistCommandTest {
    /** Runs aimc with the arguments; returns {exit code, stdout, stderr}. */
    static Object[] run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Object[] {code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void writesTheDeckAndPrintsOneCurrentPerColumn(@TempDir Path dir) throws Exception {
        Path deck = dir.resolve("d.cir");
        Object[] r = run("netlist", "--rows", "6", "--cols", "5", "--access", "0T1R", "--wire-ohm", "1",
                "--seed", "4", "--out", deck.toString());
        assertEquals(0, r[0], (String) r[2]);
        String[] lines = ((String) r[1]).trim().split("\n");
        assertEquals("column,current_a", lines[0]);
        assertEquals(6, lines.length);
        for (int j = 0; j < 5; j++) {
            String[] f = lines[j + 1].split(",");
            assertEquals(Integer.toString(j), f[0]);
            assertTrue(Double.parseDouble(f[1]) > 0);
        }
        String text = Files.readString(deck);
        assertTrue(text.contains("vcol4 ") && text.endsWith(".op\n.end\n"));
        // the same crossbar again gives the same output (seeded)
        Object[] again = run("netlist", "--rows", "6", "--cols", "5", "--access", "0T1R", "--wire-ohm", "1",
                "--seed", "4", "--out", deck.toString());
        assertEquals(r[1], again[1]);
    }

    @Test
    void readsACrossbarFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.txt");
        // 1 x 1: I = V / (R_s + 1/G + R_o) = 0.2 / (100 + 50000 + 0)
        Files.writeString(f, "rows 1\ncols 1\naccess 0T1R\nwire_ohm 0.35\ndriver_ohm 100\n"
                + "inputs_v 0.2\nconductances_s\n2e-5\n");
        Object[] r = run("netlist", "--from", f.toString(), "--out", dir.resolve("x.cir").toString());
        assertEquals(0, r[0], (String) r[2]);
        double i = Double.parseDouble(((String) r[1]).trim().split("\n")[1].split(",")[1]);
        assertEquals(0.2 / 50100, i, 1e-15 * i);
    }

    @Test
    void badInputIsAUsageErrorNamingTheOption(@TempDir Path dir) throws Exception {
        String out = dir.resolve("o.cir").toString();
        Object[] a = run("netlist", "--rows", "4", "--cols", "4", "--access", "2T2R", "--out", out);
        assertEquals(2, a[0]);
        assertTrue(((String) a[2]).contains("--access") && ((String) a[2]).contains("1S1R"), (String) a[2]);
        Object[] b = run("netlist", "--rows", "4", "--out", out);
        assertEquals(2, b[0]);
        assertTrue(((String) b[2]).contains("--cols"), (String) b[2]);
        Object[] c = run("netlist", "--rows", "4", "--cols", "4", "--wire-ohm", "-1", "--out", out);
        assertEquals(2, c[0]);
        assertTrue(((String) c[2]).contains("--wire-ohm"), (String) c[2]);
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "rows 2\ncols 2\naccess 0T1R\nwire_ohm 1\ninputs_v 0.1 open\nconductances_s\n"
                + "1e-5 2e-5\n0 0\n");
        Object[] d = run("netlist", "--from", f.toString(), "--out", out);
        assertEquals(2, d[0]);
        assertTrue(((String) d[2]).contains("--from") && ((String) d[2]).contains("row line 1")
                && ((String) d[2]).contains("floating"), (String) d[2]);
        Object[] e = run("netlist", "--from", f.toString(), "--rows", "3", "--out", out);
        assertEquals(2, e[0]);
        Object[] g = run("netlist", "--rows", "2", "--cols", "2", "--out", dir.resolve("no/such/dir/o.cir").toString());
        assertEquals(2, g[0]);
        assertTrue(((String) g[2]).contains("--out"), (String) g[2]);
    }
}
