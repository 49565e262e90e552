package org.aimc.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aimc.jobs.bench.Ngspice;
import org.aimc.sim.crossbar.Crossbar;
import org.aimc.sim.crossbar.CrossbarCase;
import org.aimc.sim.crossbar.CrossbarSpec;
import org.aimc.sim.crossbar.Crossbars;
import org.aimc.sim.crossbar.NodalModel;
import org.aimc.sim.crossbar.SpiceDeck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nodal solver against ngspice (Debian package {@code ngspice}, installed by .ci/run) on random
 * crossbars: every column current within 1e-6 relative for linear cells and 1e-4 for 1S1R. Fails, never
 * skips, when ngspice is missing.
 */
class NgspiceCrossbarIT {
    @TempDir
    static Path dir;

    @BeforeAll
    static void ngspicePresent() throws InterruptedException {
        try {
            Process p = new ProcessBuilder(Ngspice.executable(), "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                fail("'" + Ngspice.executable() + " --version' failed; install ngspice (apt-get install ngspice)");
            }
        } catch (IOException e) {
            fail("ngspice is not installed (" + e.getMessage() + "); .ci/run installs it: apt-get install ngspice");
        }
    }

    private static double compare(String name, CrossbarCase c, double rel) throws Exception {
        Ngspice.Run run = Ngspice.operatingPoint(SpiceDeck.write(c), dir, name, 600);
        int n = c.crossbar().cols();
        double[] ref = run.columnCurrents(n);
        double[] mine = NodalModel.of(c.crossbar()).solve(c.inputsV()).columnCurrentsA();
        double worst = 0;
        for (int j = 0; j < n; j++) {
            if (!c.crossbar().columnSensed(j)) {
                assertTrue(Double.isNaN(ref[j]), name + ": open column " + j + " has a vcol source");
                assertEquals(0.0, mine[j]);
                continue;
            }
            double d = Math.abs(mine[j] - ref[j]) / Math.abs(ref[j]);
            worst = Math.max(worst, d);
            assertTrue(d <= rel, name + " column " + j + ": solver " + mine[j] + " A, ngspice " + ref[j] + " A");
        }
        return worst;
    }

    @Test
    void linearCrossbarsAgreeWithNgspice() throws Exception {
        List<String> report = new ArrayList<>();
        // 0T1R, ideal terminals
        report.add("8x8 0T1R " + compare("a", Crossbars.random(CrossbarSpec.of(8, 8, "0T1R", 1.0), 1), 1e-6));
        // 1T1R with access transistors, finite driver and sense, one row deselected
        CrossbarSpec t = new CrossbarSpec(16, 16, "1T1R", 2.0, 2.0, 50, 20, 2000, 1e-7, 0.1);
        CrossbarCase c16 = Crossbars.random(t, 2);
        report.add("16x16 1T1R " + compare("b", new CrossbarCase(c16.crossbar().withDeselectedRows(3), c16.inputsV()),
                1e-6));
        // non-square, lumped (zero-ohm) column lines, strong IR drop on the rows
        CrossbarSpec n = new CrossbarSpec(24, 32, "0T1R", 5.0, 0, 100, 10, 0, 1e-7, 0.1);
        report.add("24x32 0T1R " + compare("c", Crossbars.random(n, 3), 1e-6));
        report.add("32x32 1T1R " + compare("d", Crossbars.random(CrossbarSpec.of(32, 32, "1T1R", 0.35), 4), 1e-6));
        // sneak-path read: one row driven, one column sensed, the other lines floating (direct kernel)
        CrossbarCase r = Crossbars.random(new CrossbarSpec(12, 10, "0T1R", 1.5, 1.5, 30, 30, 0, 1e-7, 0.1), 5);
        Crossbar read = r.crossbar().withOpenRows(0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11).withOpenColumns(0, 1, 2, 3, 5, 6,
                7, 8, 9);
        report.add("12x10 0T1R read " + compare("e", new CrossbarCase(read, r.inputsV()), 1e-6));
        report.add("64x64 0T1R " + compare("f", Crossbars.random(new CrossbarSpec(64, 64, "0T1R", 1.0, 1.0, 10, 10,
                0, 1e-7, 0.1), 6), 1e-6));
        report.add("64x64 1T1R " + compare("g", Crossbars.random(CrossbarSpec.of(64, 64, "1T1R", 2.5), 7), 1e-6));
        System.out.println("worst relative disagreement: " + report);
    }

    @Test
    void selectorCrossbarAgreesWithNgspice() throws Exception {
        CrossbarSpec s = new CrossbarSpec(16, 16, "1S1R", 1.0, 1.0, 20, 10, 0, 1e-7, 0.1);
        double worst = compare("s", Crossbars.random(s, 8), 1e-4);
        System.out.println("1S1R 16x16 worst relative disagreement: " + worst);
    }

    @Test
    void netlistCommandMatchesNgspiceOnItsOwnDeck() throws Exception {
        Path deck = dir.resolve("cli.cir");
        Object[] r = NetlistCommandTest.run("netlist", "--rows", "20", "--cols", "12", "--access", "1T1R",
                "--wire-ohm", "1.2", "--driver-ohm", "15", "--seed", "9", "--out", deck.toString());
        assertEquals(0, r[0], (String) r[2]);
        Ngspice.Run run = Ngspice.operatingPoint(Files.readString(deck), dir, "cli-run", 600);
        String[] lines = ((String) r[1]).trim().split("\n");
        double[] ref = run.columnCurrents(12);
        assertEquals(13, lines.length);
        for (int j = 0; j < 12; j++) {
            double mine = Double.parseDouble(lines[j + 1].split(",")[1]);
            assertEquals(ref[j], mine, 1e-6 * Math.abs(ref[j]), "column " + j);
        }
    }
}
