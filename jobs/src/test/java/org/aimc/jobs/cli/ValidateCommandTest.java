package org.aimc.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published-macro validation on conf/validation/macros-calibration.csv (no Spark: the modelling and the
 * printed summary). Acceptance of issue 5: every row modelled, TOPS/mm^2 modelled wherever the file reports
 * it, and the share of rows within 2x of the reported TOPS/W. The target is 80 %; the models reach 9
 * of 9 in TOPS/W and 3 of 5 in TOPS/mm^2. The two Wang et al. VLSI 2022 rows need their local weight
 * multiplexing (column weights_per_compute_cell = 4: four stored weights per C-2C compute unit, "2k MACs per
 * cycle" of 8k weights, IEEE JSSC 2023 abstract); without it they were ~3x optimistic. This test pins what is
 * reached so that
 * a change cannot lose it silently.
 */
class ValidateCommandTest {
    static List<ValidateCommand.Outcome> outcomes() throws Exception {
        Path csv = Path.of("..", ValidateCommand.DEFAULT_CSV);
        List<Map<String, String>> rows = ValidateCommand.Csv.parse(Files.readString(csv), csv.toString());
        List<ValidateCommand.Outcome> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(ValidateCommand.model(rows.get(i), i + 2));
        }
        return out;
    }

    @Test
    void calibrationMacrosAreModelledMostlyWithinTwoTimes() throws Exception {
        List<ValidateCommand.Outcome> os = outcomes();
        int within = 0;
        int reportedArea = 0;
        int withinArea = 0;
        for (ValidateCommand.Outcome o : os) {
            assertEquals("ok", o.status(), o.row().get("name"));
            double rw = ValidateCommand.reported(o.row(), "reported_tops_per_w");
            double mw = ValidateCommand.modelled(o, "tile_tops_per_w");
            if (mw / rw >= 0.5 && mw / rw <= 2) {
                within++;
            }
            if (ValidateCommand.reported(o.row(), "reported_tops_per_mm2") != null) {
                reportedArea++;
                Double ma = ValidateCommand.modelled(o, "tile_tops_per_mm2");
                assertNotNull(ma, o.row().get("name"));
                assertTrue(ma > 0 && Double.isFinite(ma), o.row().get("name"));
                double ra = ValidateCommand.reported(o.row(), "reported_tops_per_mm2");
                if (ma / ra >= 0.5 && ma / ra <= 2) {
                    withinArea++;
                }
            }
        }
        assertEquals(9, os.size());
        assertEquals(5, reportedArea);
        assertEquals(9, within, within + " of " + os.size() + " within 2x");
        assertEquals(3, withinArea, withinArea + " of " + reportedArea + " TOPS/mm^2 within 2x");
        // the Wang et al. rows multiplex four weights per compute cell
        assertEquals(4, org.aimc.sim.eval.MacroPoints.point(os.get(0).row()).array().weightsPerComputeCell());
        assertEquals(1, org.aimc.sim.eval.MacroPoints.point(os.get(2).row()).array().weightsPerComputeCell());
        // the supply sweeps of one macro keep their order: higher supply, lower TOPS/W
        assertTrue(ValidateCommand.modelled(os.get(0), "tile_tops_per_w")
                > ValidateCommand.modelled(os.get(1), "tile_tops_per_w"));
        assertTrue(ValidateCommand.modelled(os.get(2), "tile_tops_per_w")
                > ValidateCommand.modelled(os.get(3), "tile_tops_per_w"));
        // HERMES four-phase costs four one-phase reads
        assertEquals(4, ValidateCommand.modelled(os.get(4), "tile_tops_per_w")
                / ValidateCommand.modelled(os.get(5), "tile_tops_per_w"), 1e-9);
    }

    @Test
    void summaryCountsRowsWithinTwoTimes() {
        String s = ValidateCommand.summary("TOPS/W", List.of(1.0, 3.0, 0.5, 0.25));
        assertTrue(s.contains("within 2x: 2 of 4 (50%)"), s);
        assertTrue(s.contains("factor 2.45"), s); // median of 0, 0.301, 0.477, 0.602
    }

    @Test
    void badRowsNameTheColumn() {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (String c : org.aimc.sim.eval.MacroPoints.REQUIRED) {
            row.put(c, "1");
        }
        row.put("name", "x");
        row.put("memory_type", "sram");
        row.put("compute_domain", "charge");
        row.put("input_encoding", "pwm");
        row.put("read_phases", "3");
        UserError e = assertThrows(UserError.class, () -> ValidateCommand.model(row, 2));
        assertTrue(e.getMessage().contains("read_phases"), e.getMessage());
    }

    /** A malformed file: exit code 2, the message names the line or column, and no table is written. */
    @Test
    void malformedCsvFailsBeforeWritingAnything(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String header = String.join(",", org.aimc.sim.eval.MacroPoints.REQUIRED) + ",reported_tops_per_w";
        String good = "m,sram,charge-redistribution,22,64,64,1,1,4,bit-serial,100";
        String[][] cases = {
            {header + "\n" + good + ",extra\n", "line 2 has 12 fields"},
            {header + "\n" + good.replace("22,64", "22,sixty-four") + "\n", "rows"},
            {header + "\n" + good.replace(",100", ",lots") + "\n", "reported_tops_per_w"},
            {header.replace("adc_bits,", "") + "\n" + good.replace(",4,bit", ",bit") + "\n", "adc_bits"},
            {header + "\n" + good.replace("bit-serial", "morse") + "\n", "input_encoding"}};
        for (int k = 0; k < cases.length; k++) {
            Path csv = dir.resolve("bad" + k + ".csv");
            Files.writeString(csv, cases[k][0]);
            Path out = dir.resolve("out" + k);
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            java.io.PrintStream old = System.err;
            int code;
            try {
                System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
                code = org.aimc.jobs.Main.execute("validate", csv.toString(), "--out", out.toString());
            } finally {
                System.setErr(old);
            }
            String msg = err.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(2, code, cases[k][1] + ": " + msg);
            assertTrue(msg.contains(cases[k][1]), cases[k][1] + " not in: " + msg);
            assertTrue(!Files.exists(out), "nothing written for case " + k);
        }
    }
}
