package org.aimc.sim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aimc.sim.TestSpecs;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.config.SpecYaml;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.spec.LayerSpec;
import org.aimc.sim.spec.PointSpec;
import org.aimc.sim.spec.SpecException;
import org.aimc.sim.spec.WorkloadSpec;
import org.aimc.sim.space.SweepPlan;
import org.junit.jupiter.api.Test;

/**
 * Local weight multiplexing (array.weights_per_compute_cell = k): k storage cells share one compute element,
 * so one evaluation computes ceil(rows / k) rows of the rows the tile stores.
 */
class WeightMultiplexingTest {
    /** Charge redistribution on 8T SRAM, 8-b amplitude inputs, 8-b SAR (the Wang et al. organisation). */
    static final String C2C = """
              device: {kind: sram}
              domain: {kind: charge-redistribution}
              array: {rows: 512, cols: 128, weights_per_compute_cell: %d}
              dac: {kind: amplitude, bits: 8}
              adc: {kind: sar, bits: 8}
              mapping: {weight_bits: 8, bits_per_cell: 1}
            """;
    /** C3SRAM-style capacitive division with a flash converter (no column-capacitor re-use). */
    static final String C3 = """
              device: {kind: sram}
              domain: {kind: capacitive-division}
              array: {rows: 256, cols: 64, weights_per_compute_cell: %d}
              dac: {kind: bit-serial, bits: 4}
              adc: {kind: flash, bits: 4}
              mapping: {weight_bits: 4, bits_per_cell: 1}
            """;

    static NetworkRollupTest.Tile tile(String base, int k) {
        NetworkRollupTest.Tile t = NetworkRollupTest.tile(base.formatted(k));
        // the tile figures of one evaluation: its compute rows
        t.m().cost(t.c(), t.c().computeRows(), t.c().weightColumns(), t.cost());
        return t;
    }

    @Test
    void withoutMultiplexingTheCanonicalSpecAndCostsAreUnchanged() {
        String plain = "  device: {kind: sram}\n  domain: {kind: charge-redistribution}\n"
                + "  array: {rows: 512, cols: 128}\n  mapping: {bits_per_cell: 1}\n";
        SweepPlan a = TestSpecs.plan(plain, "  operating.node_nm: [22]");
        String explicit = plain.replace("cols: 128}", "cols: 128, weights_per_compute_cell: 1}");
        SweepPlan b = TestSpecs.plan(explicit, "  operating.node_nm: [22]");
        // k = 1 is the default and is left out of the canonical text: hashes of older specs are kept
        assertEquals(a.specHash(), b.specHash());
        assertFalse(SpecYaml.pointNode(a.space().decode(0)).get("array").has("weights_per_compute_cell"));
        PointSpec p = a.space().decode(0);
        assertEquals(p.array().rows(), p.array().computeRows());
        NetworkRollupTest.Tile one = NetworkRollupTest.tile(plain);
        NetworkRollupTest.Tile same = NetworkRollupTest.tile(explicit);
        assertEquals(one.cost().energyJ(), same.cost().energyJ(), 0);
        assertEquals(one.cost().areaM2(), same.cost().areaM2(), 0);
        // with k > 1 the key is written and parses back
        SweepPlan four = TestSpecs.plan(C2C.formatted(4), "  operating.node_nm: [22]");
        assertTrue(SpecYaml.canonical(four.spec()).contains("weights_per_compute_cell"));
        assertEquals(four.specHash(), SweepPlan.parse(SpecYaml.canonical(four.spec())).specHash());
    }

    @Test
    void doublingKHalvesMacsPerEvaluationAndDoublesAdcEnergyPerMac() {
        for (String base : List.of(C2C, C3)) {
            for (int k : new int[] {1, 2, 4, 8}) {
                NetworkRollupTest.Tile a = tile(base, k);
                NetworkRollupTest.Tile b = tile(base, 2 * k);
                int rows = a.c().spec.array().rows();
                assertEquals(rows, b.c().spec.array().rows());
                assertEquals(a.c().weightColumns(), b.c().weightColumns());
                // MACs per evaluation at fixed storage
                double macsA = (double) a.c().computeRows() * a.c().weightColumns();
                double macsB = (double) b.c().computeRows() * b.c().weightColumns();
                assertEquals(macsA / 2, macsB, 0, base + " k=" + k);
                double adcA = a.cost().energyAdcJ / macsA;
                double adcB = b.cost().energyAdcJ / macsB;
                if (base.equals(C3)) {
                    // a flash converter's energy does not depend on the column: conversions per MAC double
                    assertEquals(2 * adcA, adcB, 1e-12 * adcB, "k=" + k);
                } else {
                    // the SAR re-uses the column capacitors, which shrink with fewer compute cells: per
                    // conversion it switches less (down to the SAR's own array), per MAC it converts twice as
                    // often: between 1x and 2x
                    assertTrue(adcB > adcA && adcB <= 2 * adcA * (1 + 1e-12), "k=" + k + ": " + adcA + " -> " + adcB);
                }
                // array (C V^2 of the compute capacitors) and DAC energy scale with the compute rows
                assertTrue(b.cost().energyDacJ < 0.51 * a.cost().energyDacJ, base + " k=" + k);
                // capacitor area per stored weight falls (the MOM capacitor is larger than the SRAM cell)
                double perWeightA = a.cost().areaArrayM2 / ((double) rows * a.c().spec.array().cols());
                double perWeightB = b.cost().areaArrayM2 / ((double) rows * b.c().spec.array().cols());
                assertTrue(perWeightB < perWeightA, base + " k=" + k);
            }
        }
    }

    @Test
    void arrayAreaIsStorageCellsPlusComputeCapacitors() {
        NetworkRollupTest.Tile t = tile(C2C, 4);
        double f2 = t.c().tech.f2();
        double cell = t.c().device.params().cellAreaF2 * f2;
        double cap = 1e-15 / Technology.MOM_CAP_F_PER_M2; // c_unit_f default, 1 fF
        assertTrue(cap > cell);
        // 128 compute rows with the capacitor over one cell each, 384 plain storage cells, 128 columns
        double expected = 128.0 * 128 * cap + 384.0 * 128 * cell;
        assertEquals(expected, t.cost().areaArrayM2, 1e-12 * expected);
        // one row driver per compute row
        NetworkRollupTest.Tile one = tile(C2C, 1);
        assertEquals(one.cost().areaDacM2 / 4, t.cost().areaDacM2, 1e-12 * t.cost().areaDacM2);
    }

    @Test
    void aLayerOnAMultiplexedTileIsKEvaluationsOfTheActiveSubArray() {
        for (int k : new int[] {2, 4, 3}) {
            NetworkRollupTest.Tile t = tile(C2C, k);
            int rows = t.c().spec.array().rows();
            int cr = t.c().computeRows();
            int wc = t.c().weightColumns();
            int mvms = 7;
            WorkloadSpec w = new WorkloadSpec("one", "one tile", "test",
                    List.of(new LayerSpec("fc", "dense", rows, wc, mvms)));
            NetworkRollup r = NetworkRollupTest.roll(t, w);
            assertEquals(1, r.tiles, "one tile stores the whole layer");
            int evals = (rows + cr - 1) / cr;
            int rest = rows - (evals - 1) * cr;
            double eval = t.m().energyJ(t.c(), cr, wc, new org.aimc.sim.domain.TileCost());
            double last = t.m().energyJ(t.c(), rest, wc, new org.aimc.sim.domain.TileCost());
            int width = 8 + 8 + 64 - Long.numberOfLeadingZeros(rows);
            double adds = (evals - 1) * (double) wc * width * t.c().tech.addBitEnergyJ();
            double expected = mvms * ((evals - 1) * eval + last + adds);
            assertEquals(expected, r.energyJ, 1e-12 * expected, "k=" + k);
            if (rows % k == 0) {
                assertEquals(k, evals);
                assertEquals(mvms * (k * eval + adds), r.energyJ, 1e-12 * r.energyJ, "k=" + k);
            }
            assertEquals(mvms * evals * t.cost().latencyS, r.latencyS, 1e-15 * r.latencyS);
            assertEquals(1.0, r.utilization, 1e-12);
            // the same layer on tiles of the active sub-array's size without multiplexing needs k tiles
            String flat = C2C.formatted(1).replace("rows: 512", "rows: " + cr);
            NetworkRollup r1 = NetworkRollupTest.roll(NetworkRollupTest.tile(flat), w);
            assertEquals(evals, r1.tiles, "k=" + k);
        }
    }

    @Test
    void errorBudgetAveragesOverTheComputeRows() {
        ErrorBudget four = new ErrorBudget();
        ErrorBudget flat = new ErrorBudget();
        NetworkRollupTest.Tile t4 = tile(C2C, 4);
        NetworkRollupTest.Tile t1 = NetworkRollupTest.tile(C2C.formatted(1).replace("rows: 512", "rows: 128"));
        t4.m().errors(t4.c(), four);
        t1.m().errors(t1.c(), flat);
        // the same 128 rows sum on the node; the multiplexed column only adds wire (longer, more parasitic)
        assertEquals(flat.signalPower(), four.signalPower(), 1e-12 * flat.signalPower());
        assertTrue(four.relativeError() >= flat.relativeError(), four.relativeError() + " vs " + flat.relativeError());
        assertTrue(four.relativeError() < 1.5 * flat.relativeError());
    }

    @Test
    void domainsThatSumEveryCellAreInfeasibleRowsNotErrors() {
        for (String dom : List.of("current", "resistive-division")) {
            NetworkRollupTest.Tile t = NetworkRollupTest.tile("""
                      device: {kind: sram}
                      domain: {kind: %s}
                      array: {rows: 256, cols: 256, weights_per_compute_cell: 2}
                      mapping: {bits_per_cell: 1}
                    """.formatted(dom));
            String why = t.m().infeasibility(t.c());
            assertNotNull(why, dom);
            assertTrue(why.contains("array.weights_per_compute_cell = 2"), why);
        }
        NetworkRollupTest.Tile ok = tile(C3, 2);
        assertNull(ok.m().infeasibility(ok.c()));
    }

    @Test
    void outOfRangeKNamesThePathAndTheRange() {
        for (int bad : new int[] {0, 65}) {
            SpecException e = assertThrows(SpecException.class,
                    () -> TestSpecs.plan("  array: {weights_per_compute_cell: " + bad + "}", "  array.rows: [64]"));
            assertTrue(e.getMessage().startsWith("base.array.weights_per_compute_cell"), e.getMessage());
            assertTrue(e.getMessage().contains("[1, 64]"), e.getMessage());
            SpecException ax = assertThrows(SpecException.class,
                    () -> TestSpecs.plan("  array: {rows: 64}", "  array.weights_per_compute_cell: [1, " + bad + "]"));
            assertTrue(ax.getMessage().startsWith("axes.array.weights_per_compute_cell[1]"), ax.getMessage());
            assertTrue(ax.getMessage().contains("[1, 64]"), ax.getMessage());
        }
    }

    @Test
    void macroPointsReadTheOptionalColumn() {
        Map<String, String> row = new HashMap<>(Map.of("name", "m", "memory_type", "sram", "compute_domain",
                "charge-redistribution", "tech_node_nm", "22", "vdd_v", "0.7", "rows", "512", "cols", "128",
                "input_bits", "8", "weight_bits", "8", "adc_bits", "8"));
        row.put("input_encoding", "amplitude");
        assertEquals(1, MacroPoints.point(row).array().weightsPerComputeCell(), "absent column");
        row.put("weights_per_compute_cell", " ");
        assertEquals(1, MacroPoints.point(row).array().weightsPerComputeCell(), "blank column");
        row.put("weights_per_compute_cell", "4");
        PointSpec p = MacroPoints.point(row);
        assertEquals(4, p.array().weightsPerComputeCell());
        assertEquals(128, p.array().computeRows());
        row.put("weights_per_compute_cell", "0");
        SpecException e = assertThrows(SpecException.class, () -> MacroPoints.point(row));
        assertTrue(e.getMessage().startsWith("weights_per_compute_cell"), e.getMessage());
    }
}
