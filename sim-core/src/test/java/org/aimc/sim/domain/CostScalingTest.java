package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.peripheral.AdcKind;
import org.aimc.sim.peripheral.Converters;
import org.aimc.sim.peripheral.Peripherals;
import org.junit.jupiter.api.Test;

/**
 * Scaling properties of the cost models (issue 5): C V^2 terms quadratic in the supply, array terms linear
 * in the active rows, converter energy rising with bits and 4x per bit past the thermal-noise corner, tile
 * area the sum of its blocks, delays following FO4.
 */
class CostScalingTest {
    /** One feasible base block per compute domain. */
    static final List<String> DOMAINS = List.of(
            """
              device: {kind: rram}
              domain: {kind: current}
              dac: {kind: amplitude, bits: 6}
              adc: {kind: sar, bits: 8}
            """,
            """
              device: {kind: pcm}
              domain: {kind: charge}
              dac: {kind: pwm, bits: 6}
              adc: {kind: cco, bits: 8}
            """,
            """
              device: {kind: sram}
              domain: {kind: charge-redistribution}
              dac: {kind: bit-serial, bits: 4}
              adc: {kind: sar, bits: 8}
              mapping: {weight_bits: 4, bits_per_cell: 1, signed: differential}
            """,
            """
              device: {kind: sram}
              domain: {kind: capacitive-division}
              dac: {kind: bit-serial, bits: 4}
              adc: {kind: flash, bits: 4}
              mapping: {weight_bits: 4, bits_per_cell: 1, signed: differential}
            """,
            """
              device: {kind: rram}
              domain: {kind: resistive-division}
              dac: {kind: bit-serial, bits: 4}
              adc: {kind: flash, bits: 5}
            """,
            """
              device: {kind: sram}
              domain: {kind: time}
              dac: {kind: bit-serial, bits: 4}
              adc: {kind: tdc, bits: 8}
              mapping: {weight_bits: 4, bits_per_cell: 1, signed: differential}
            """);

    static Tiles.Point point(String base, String... settings) {
        Tiles.Point p = Tiles.point(base, settings);
        assertNull(p.model().infeasibility(p.c()), base);
        return p;
    }

    static TileCost cost(Tiles.Point p) {
        TileCost t = new TileCost();
        p.model().cost(p.c(), p.c().spec.array().rows(), p.c().weightColumns(), t);
        return t;
    }

    @Test
    void switchedCapacitorTermsAreQuadraticInTheSupply() {
        // charge redistribution with bit-serial inputs: array, row lines + drivers and node reset are all C V^2
        for (String base : List.of(DOMAINS.get(2), DOMAINS.get(3))) {
            TileCost a = cost(point(base, "operating.vdd_v=0.6"));
            TileCost b = cost(point(base, "operating.vdd_v=0.9"));
            double q = (0.9 / 0.6) * (0.9 / 0.6);
            assertEquals(q, b.energyArrayJ / a.energyArrayJ, 1e-9, base);
            assertEquals(q, b.energyDacJ / a.energyDacJ, 1e-9, base);
            assertEquals(q, b.energySenseJ / a.energySenseJ, 1e-9, base);
            assertEquals(q, b.energyDigitalJ / a.energyDigitalJ, 1e-9, base);
        }
        // a SAR: capacitor DAC, latch and logic are C V^2; the comparator's kT/C-sized input pair is not (its
        // capacitance kT / (LSB/2)^2 falls as 1/V^2), so the whole rises with the supply, less than quadratically
        AdcKind sar = Peripherals.adcs().require("sar");
        double e8 = sar.energyJ(8, new Technology(65, 0.8, 300));
        double e12 = sar.energyJ(8, new Technology(65, 1.2, 300));
        assertTrue(e8 > Converters.surveyFloorJ(8), "above the survey floor");
        assertTrue(e12 / e8 > 1.9 && e12 / e8 < 2.25, "SAR supply scaling " + e12 / e8);
    }

    @Test
    void arrayTermsAreLinearInActiveRows() {
        // resistive division is excluded: its divider current depends on the conductance of all cells at once
        for (String base : List.of(DOMAINS.get(0), DOMAINS.get(1), DOMAINS.get(2), DOMAINS.get(3), DOMAINS.get(5))) {
            Tiles.Point p = point(base);
            int wc = p.c().weightColumns();
            TileCost a = new TileCost();
            TileCost b = new TileCost();
            p.model().cost(p.c(), 64, wc, a);
            p.model().cost(p.c(), 128, wc, b);
            assertEquals(2.0, b.energyArrayJ / a.energyArrayJ, 1e-9, base);
            assertEquals(2.0, b.energyDacJ / a.energyDacJ, 1e-9, base);
            assertEquals(a.energyAdcJ, b.energyAdcJ, 0, "conversions do not depend on rows: " + base);
            // and the array energy is linear in the columns in use
            TileCost h = new TileCost();
            p.model().cost(p.c(), 128, wc / 2, h);
            assertEquals(0.5 * (wc / 2 * 2.0 / wc), h.energyArrayJ / b.energyArrayJ, 1e-9, base);
        }
    }

    @Test
    void chargeSharingSarSwitchesTheWholeColumnAndColumnCcosNeedNoIntegrator() {
        // a SAR behind charge redistribution re-uses the column capacitors as its DAC: doubling the rows adds
        // 1.33 x (256 more unit caps, their switch terminals and 256 pitches of wire) x V^2 per conversion
        String base = DOMAINS.get(2);
        Tiles.Point p256 = point(base, "array.rows=256");
        Tiles.Point p512 = point(base, "array.rows=512");
        TileCost a = cost(p256);
        TileCost b = cost(p512);
        TileContext c = p256.c();
        double v = c.tech.vddV();
        double perRow = 1e-15 + c.tech.gateCapF() + c.tech.wireCapF(c.cellPitchM());
        double conversions = c.cycles() * (double) c.weightColumns() * c.mapping.slices();
        assertEquals(conversions * 1363.3 / 1024 * 256 * perRow * v * v, b.energyAdcJ - a.energyAdcJ,
                1e-9 * b.energyAdcJ);
        // ... and builds no capacitor array of its own: a flash behind the same column keeps its full area
        double ownCaps = org.aimc.sim.peripheral.SarAdc.ownDacCapF(8) / Technology.MOM_CAP_F_PER_M2;
        assertEquals(TileCosts.adcCount(c, 1) * (c.adc.areaM2(8, c.tech) - ownCaps), a.areaAdcM2,
                1e-9 * a.areaAdcM2);
        // a column CCO integrates the current itself: no integrator amplifier, no C_int, no sense energy
        TileCost cco = cost(point(DOMAINS.get(1)));
        assertEquals(0, cco.areaSenseM2, 0);
        assertEquals(0, cco.energySenseJ, 0);
        TileCost sar = cost(point(DOMAINS.get(1), "adc.kind=sar"));
        assertTrue(sar.areaSenseM2 > 0 && sar.energySenseJ > 0);
    }

    @Test
    void adcEnergyRisesWithBitsAndTurnsFourfoldPastTheThermalCorner() {
        Technology t = new Technology(22, 0.8, 300);
        for (AdcKind k : Peripherals.adcs().all()) {
            if (k.ideal()) {
                continue;
            }
            for (int b = 1; b < 16; b++) {
                assertTrue(k.energyJ(b + 1, t) > k.energyJ(b, t), k.id() + " at " + b + " bits");
                assertTrue(k.energyJ(b, t) >= Converters.surveyFloorJ(b), k.id() + " below the survey envelope");
            }
            // deep in the thermal regime every architecture pays at least 4x per bit
            assertTrue(k.energyJ(18, t) / k.energyJ(17, t) >= 4 - 1e-9, k.id());
        }
        AdcKind sar = Peripherals.adcs().require("sar");
        double low = sar.energyJ(5, t) / sar.energyJ(4, t);
        double high = sar.energyJ(16, t) / sar.energyJ(15, t);
        assertTrue(low < 2.5, "capacitor-DAC (Walden-like) regime: " + low);
        assertTrue(high > 3.5, "thermal-noise regime: " + high);
        // the thermal floor: 0.75 * 4^B * 10^(-185/10) J (physics.md §5.4): ~16 fJ at 8 b, ~4 pJ at 12 b
        assertEquals(0.75 * Math.pow(4, 12) * Math.pow(10, -18.5), Converters.thermalFloorJ(12), 1e-24);
        // a good SAR: 8 b at 22 nm, 0.8 V inside the 1-5 fJ/step Walden range of physics.md §5.4
        double walden = sar.energyJ(8, t) / 256;
        assertTrue(walden > 0.5e-15 && walden < 5e-15, "SAR Walden FoM " + walden);
    }

    @Test
    void tileAreaIsTheSumOfItsBlocksAndConvertersScaleWithTheirCount() {
        for (String base : DOMAINS) {
            Tiles.Point p = point(base);
            TileCost one = cost(p);
            double sum = one.areaArrayM2 + one.areaDacM2 + one.areaAdcM2 + one.areaSenseM2 + one.areaDigitalM2;
            assertEquals(sum, one.areaM2(), 1e-15 * sum, base);
            for (double a : new double[] {one.areaArrayM2, one.areaDacM2, one.areaAdcM2, one.areaSenseM2,
                one.areaDigitalM2}) {
                assertTrue(a >= 0, base);
            }
            TileCost four = cost(point(base, "adc.columns_per_adc=4"));
            TileContext c = p.c();
            double perAdc = c.adc.areaM2(c.spec.adc().bits(), c.tech);
            if (c.spec.domain().kind().equals("charge-redistribution")
                    && ChargeRedistributionDomain.Model.reusesColumnCaps(c)) {
                // the SAR's capacitor DAC is the column: its own array is not built
                perAdc -= org.aimc.sim.peripheral.SarAdc.ownDacCapF(c.spec.adc().bits())
                        / org.aimc.sim.cost.Technology.MOM_CAP_F_PER_M2;
            }
            int n = (int) Math.round(one.areaAdcM2 / perAdc);
            assertEquals(n * perAdc, one.areaAdcM2, 1e-9 * one.areaAdcM2, base);
            double share = Math.ceil(n / 4.0) / n;
            assertEquals(one.areaAdcM2 * share, four.areaAdcM2, 1e-9 * one.areaAdcM2, base);
            assertEquals(one.areaDigitalM2 * share, four.areaDigitalM2, 1e-9 * one.areaDigitalM2, base);
            assertEquals(one.areaArrayM2, four.areaArrayM2, 0, base);
            assertEquals(one.areaDacM2, four.areaDacM2, 0, base);
            // twice the rows: twice the cells and drivers
            TileCost tall = cost(point(base, "array.rows=512"));
            assertEquals(2 * one.areaArrayM2, tall.areaArrayM2, 1e-9 * one.areaArrayM2, base);
            assertEquals(2 * one.areaDacM2, tall.areaDacM2, 1e-9 * one.areaDacM2, base);
        }
    }

    @Test
    void delaysFollowFo4AndTheAlphaPowerLaw() {
        // FO4 = 360 ps/um x L at nominal supply (Ho, Mai, Horowitz 2001)
        assertEquals(360e-12 * 0.065, new Technology(65, 1.0, 300).fo4S(), 1e-18);
        assertEquals(360e-12 * 0.022, new Technology(22, 0.8, 300).fo4S(), 1e-18);
        // HERMES-Core's 1 GHz at 14 nm sets the 200-FO4 macro clock
        assertEquals(1.0e-9, new Technology(14, 0.8, 300).clockS(), 0.01e-9);
        // lower supply, slower logic: V / (V - Vt)^1.3
        double slow = new Technology(65, 0.85, 300).fo4S() / new Technology(65, 1.2, 300).fo4S();
        double expect = (0.85 / Math.pow(0.5, 1.3)) / (1.2 / Math.pow(0.85, 1.3));
        assertEquals(expect, slow, 1e-12);
        assertTrue(slow > 1.3);
        // gate capacitance 1 fF/um at 2F width
        assertEquals(2 * 22e-9 * 1e-9, new Technology(22, 0.8, 300).gateCapF(), 1e-24);
    }
}
