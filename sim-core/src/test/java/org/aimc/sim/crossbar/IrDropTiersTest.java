package org.aimc.sim.crossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.eval.Evaluator;
import org.aimc.sim.eval.ResultColumns;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.DataSpec;
import org.aimc.sim.spec.MappingSpec;
import org.junit.jupiter.api.Test;

class IrDropTiersTest {
    // rram.yaml neurram preset: g_min 1 uS, g_max 40 uS, 2 bits per cell -> level step 13 uS, read 0.2 V
    static final OperandStats OPS = new OperandStats(new DataSpec("gaussian", 0.25, 0.5), 8, 8);
    static final WeightMapping MAP = new WeightMapping(new MappingSpec(8, 2, "differential"), 2);

    static IrDropTiers.NodalResult nodal(CrossbarSpec s, int draws, int vectors) {
        return IrDropTiers.nodal(s, MAP, OPS, 0.5, true, 1e-6, 13e-6, 0.2, draws, vectors);
    }

    @Test
    void zeroWireResistanceGivesNoError() {
        IrDropTiers.NodalResult r = nodal(CrossbarSpec.of(16, 32, "1T1R", 0), 1, 4);
        assertEquals(0.0, r.calibratedMse());
        assertEquals(0.0, r.rawMse());
        assertTrue(r.signalPower() > 0);
    }

    @Test
    void smallDropsScaleWithTheSquareOfTheWireResistance() {
        // same tiles at every resistance (the draws are keyed by size, mapping and data only)
        double a = nodal(CrossbarSpec.of(32, 32, "1T1R", 0.05), 2, 8).calibratedMse();
        double b = nodal(CrossbarSpec.of(32, 32, "1T1R", 0.1), 2, 8).calibratedMse();
        assertEquals(4.0, b / a, 0.02);
    }

    @Test
    void calibratedWordLinesLeaveTheBitLineError() {
        // segmented (ideal word lines) and nodal see the same tiles; after the word-line gain calibration the
        // two differ only by the word lines' row-to-row residual, measured below 10 % of the error
        CrossbarSpec s = CrossbarSpec.of(64, 64, "1T1R", 1.0);
        IrDropTiers.NodalResult full = nodal(s, 2, 8);
        IrDropTiers.NodalResult seg = nodal(s.withRowWireOhm(0), 2, 8);
        double ratio = Math.sqrt(full.calibratedMse() / seg.calibratedMse());
        assertEquals(1.0, ratio, 0.1);
        // uncalibrated, the word-line attenuation is a large extra error
        assertTrue(full.rawMse() > 1.5 * full.calibratedMse());
        assertEquals(seg.calibratedMse(), seg.rawMse());
    }

    @Test
    void tiersRunThroughTheEvaluator() {
        String yaml = """
            name: ir-tiers
            seed: 1
            workload: fashion-mlp
            base:
              device: {kind: rram}
              domain: {kind: current}
              array: {rows: 64, cols: 64, access: 1T1R, wire_ohm: 1.0}
              dac: {kind: bit-serial, bits: 8}
              adc: {kind: ideal, bits: 8}
              nonideal: {programming_noise: 0, read_noise: 0, drift: 0, ir_drop: analytic}
            axes:
              nonideal.ir_drop: [none, analytic, segmented, nodal]
            """;
        SweepPlan plan = SweepPlan.parse(yaml);
        Evaluator ev = new Evaluator(plan);
        int col = ResultColumns.indexOf("err_ir_drop");
        double[] err = new double[4];
        for (int i = 0; i < 4; i++) {
            err[i] = ((Number) ev.evaluate(i)[col]).doubleValue();
        }
        assertEquals(0.0, err[0]);
        assertTrue(err[1] > 0 && err[2] > 0 && err[3] > 0);
        assertEquals(err[2], err[3], 0.1 * err[3]);
        // deterministic: the same point gives the same nodal estimate
        assertEquals(err[3], ((Number) new Evaluator(plan).evaluate(3)[col]).doubleValue());
    }
}
