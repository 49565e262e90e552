package org.aimc.sim.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aimc.sim.TestSpecs;
import org.aimc.sim.space.SweepPlan;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    static double d(Object[] row, String col) {
        return (Double) row[ResultColumns.indexOf(col)];
    }

    static Object v(Object[] row, String col) {
        return row[ResultColumns.indexOf(col)];
    }

    @Test
    void doublingActiveRowsDoublesTheArrayEnergy() {
        SweepPlan p = TestSpecs.plan("  device: {kind: pcm}", "  array.rows: [64, 128, 256, 512]\n  dac.kind: [bit-serial, amplitude]");
        List<Object[]> rows = LocalRunner.run(p);
        for (int k = 0; k < 3; k++) {
            for (int dac = 0; dac < 2; dac++) {
                Object[] a = rows.get(2 * k + dac);
                Object[] b = rows.get(2 * (k + 1) + dac);
                assertEquals(2.0, d(b, "energy_array_j") / d(a, "energy_array_j"), 1e-12);
                // converters do not depend on rows
                assertEquals(d(a, "energy_adc_j"), d(b, "energy_adc_j"), 0);
            }
        }
    }

    @Test
    void adcEnergyRisesWithBitsAndSteepensPastTheThermalCorner() {
        StringBuilder bits = new StringBuilder("[");
        for (int b = 1; b <= 16; b++) {
            bits.append(b == 1 ? "" : ", ").append(b);
        }
        SweepPlan p = TestSpecs.plan("  device: {kind: rram}", "  adc.bits: " + bits + "]");
        List<Object[]> rows = LocalRunner.run(p);
        for (int b = 1; b < 16; b++) {
            double ratio = d(rows.get(b), "energy_adc_j") / d(rows.get(b - 1), "energy_adc_j");
            assertTrue(ratio > 1, "bits " + (b + 1));
        }
        // SAR: the capacitor DAC (2x per bit) dominates at low resolution, kT/C (4x per bit) at high
        double low = d(rows.get(4), "energy_adc_j") / d(rows.get(3), "energy_adc_j");
        double high = d(rows.get(15), "energy_adc_j") / d(rows.get(14), "energy_adc_j");
        assertTrue(low < 2.5, "capacitor-DAC regime " + low);
        assertTrue(high > 3.9, "thermal regime " + high);
    }

    @Test
    void idealHardwareHasZeroMvmError() {
        SweepPlan p = TestSpecs.plan(TestSpecs.IDEAL_BASE,
                "  device.kind: [sram, rram, pcm]\n  dac.kind: [bit-serial, amplitude]\n  mapping.signed: [differential, offset]");
        for (Object[] r : LocalRunner.run(p)) {
            assertEquals(true, v(r, "feasible"));
            assertEquals(0.0, d(r, "mvm_rel_error"), 0.0);
            assertNull(v(r, "snr_db"));
            assertNull(v(r, "dominant_error_source"));
        }
    }

    @Test
    void enoughAdcBitsWithAFullRangeAreExactForIntegerSignals() {
        // 16 rows x binary inputs x 1-bit slices: column sums span [-16, 16], 33 values < 2^6 codes
        SweepPlan p = TestSpecs.plan("""
                  device: {kind: sram}
                  array: {rows: 16, cols: 64}
                  adc: {kind: sar, bits: 6, full_scale: max}
                  dac: {kind: bit-serial, bits: 4}
                  nonideal: {programming_noise: 0, read_noise: 0, drift: 0, ir_drop: none, stuck_at: 0, nonlinearity: 0, temperature: 0,
                    circuit_mismatch: 0, circuit_noise: 0}
                """, "  adc.bits: [5, 6]");
        List<Object[]> rows = LocalRunner.run(p);
        assertTrue(d(rows.get(0), "mvm_rel_error") > 0, "5 bits cannot hold 33 values");
        assertEquals(0.0, d(rows.get(1), "mvm_rel_error"), 0.0);
    }

    @Test
    void eachKnobAloneGivesOnlyItsOwnError() {
        // RRAM's programming and read noise are additive and independent (PCM's read noise scales with the
        // programmed conductance, so its sources interact)
        SweepPlan p = TestSpecs.plan(TestSpecs.IDEAL_BASE,
                "  nonideal.programming_noise: [0, 1]\n  nonideal.read_noise: [0, 1]");
        List<Object[]> rows = LocalRunner.run(p);
        assertEquals(0.0, d(rows.get(0), "mvm_rel_error"), 0);
        assertTrue(d(rows.get(1), "err_read_noise") > 0);
        assertEquals(0.0, d(rows.get(1), "err_programming"), 0);
        assertTrue(d(rows.get(2), "err_programming") > 0);
        assertEquals(0.0, d(rows.get(2), "err_read_noise"), 0);
        double both = d(rows.get(3), "mvm_rel_error");
        double a = d(rows.get(2), "mvm_rel_error");
        double b = d(rows.get(1), "mvm_rel_error");
        assertEquals(Math.sqrt(a * a + b * b), both, 1e-12, "independent sources add in quadrature");
    }

    @Test
    void programmingErrorScalesLinearlyWithItsKnob() {
        SweepPlan p = TestSpecs.plan(TestSpecs.IDEAL_BASE, "  nonideal.programming_noise: [0.5, 1, 2]");
        List<Object[]> rows = LocalRunner.run(p);
        assertEquals(2.0, d(rows.get(1), "err_programming") / d(rows.get(0), "err_programming"), 1e-12);
        assertEquals(2.0, d(rows.get(2), "err_programming") / d(rows.get(1), "err_programming"), 1e-12);
    }

    @Test
    void rowsAreAPureFunctionOfTheIndex() {
        SweepPlan p = TestSpecs.plan("  device: {kind: pcm}", "  array.rows: [64, 256]\n  adc.bits: [4, 8]\n  operating.time_s: [1, 86400]");
        List<Object[]> forward = LocalRunner.run(p);
        Evaluator fresh = new Evaluator(p);
        for (int i = (int) p.size() - 1; i >= 0; i--) {
            assertArrayEquals(forward.get(i), fresh.evaluate(i), "point " + i);
        }
        ResultRow row = new ResultRow();
        assertArrayEquals(forward.get(3), fresh.evaluate(3, p.space().decode(3), row).toObjects());
    }

    @Test
    void networkRollupOfOneLayerThatFitsOneTileReproducesTheTile() {
        String yaml = """
                name: one
                seed: 1
                workload: {id: one-layer, source: "test", layers: [{name: l, type: dense, in: 256, out: 32}]}
                base:
                  device: {kind: rram}
                  array: {rows: 256, cols: 256}
                  mapping: {weight_bits: 8, bits_per_cell: 2}
                """;
        Object[] r = new Evaluator(SweepPlan.parse(yaml)).evaluate(0);
        assertEquals(1L, v(r, "tiles"));
        assertEquals(d(r, "energy_j"), d(r, "energy_per_inference_j"), 0);
        assertEquals(d(r, "latency_s"), d(r, "latency_per_inference_s"), 0);
        assertEquals(d(r, "tile_area_m2"), d(r, "chip_area_m2"), 0);
        assertEquals(d(r, "tile_tops_per_w"), d(r, "tops_per_w"), 1e-12 * d(r, "tops_per_w"));
    }

    @Test
    void aTileNarrowerThanOneWeightIsInfeasibleWithItsReason() {
        SweepPlan p = TestSpecs.plan("  array: {cols: 4}\n  mapping: {weight_bits: 8, bits_per_cell: 1}", "  device.kind: [rram]");
        Object[] r = new Evaluator(p).evaluate(0);
        assertEquals(false, v(r, "feasible"));
        assertTrue(((String) v(r, "infeasible_reason")).contains("needs 7 slices x 2 devices = 14 columns"));
        assertNull(v(r, "energy_j"));
    }

    @Test
    void energyBreakdownAddsUpAndEveryCostIsPositive() {
        SweepPlan p = TestSpecs.plan("  device: {kind: rram}",
                "  device.kind: [sram, rram, pcm]\n  dac.kind: [bit-serial, amplitude]\n  adc.columns_per_adc: [1, 8]");
        for (Object[] r : LocalRunner.run(p)) {
            double sum = 0;
            for (String c : List.of("energy_array_j", "energy_dac_j", "energy_adc_j", "energy_sense_j", "energy_digital_j")) {
                assertTrue(d(r, c) > 0, c);
                sum += d(r, c);
            }
            assertEquals(d(r, "energy_j"), sum, 1e-12 * sum);
            double area = 0;
            for (String c : List.of("area_array_m2", "area_dac_m2", "area_adc_m2", "area_sense_m2", "area_digital_m2")) {
                assertTrue(d(r, c) > 0, c);
                area += d(r, c);
            }
            assertEquals(d(r, "tile_area_m2"), area, 1e-12 * area);
            assertTrue((Long) v(r, "tiles") >= 1);
            assertTrue(d(r, "chip_area_m2") >= (Long) v(r, "tiles") * d(r, "tile_area_m2") * (1 - 1e-12));
        }
    }

    @Test
    void sharingAnAdcAcrossColumnsTradesAreaForLatency() {
        SweepPlan p = TestSpecs.plan("  device: {kind: rram}", "  adc.columns_per_adc: [1, 8]");
        List<Object[]> r = LocalRunner.run(p);
        assertTrue(d(r.get(1), "area_adc_m2") < d(r.get(0), "area_adc_m2") / 7.9);
        assertTrue(d(r.get(1), "latency_s") > d(r.get(0), "latency_s"));
        assertEquals(d(r.get(0), "energy_adc_j"), d(r.get(1), "energy_adc_j"), 0, "conversions are the same");
    }
}
