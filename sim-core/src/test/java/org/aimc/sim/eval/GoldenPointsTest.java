package org.aimc.sim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.aimc.sim.TestSpecs;
import org.junit.jupiter.api.Test;

/**
 * Golden points: five canonical design points, one per compute-domain family, with their tile energy,
 * latency, area and network TOPS/W on fashion-mlp pinned to 1e-9 relative. They change only deliberately:
 * when a cost model changes on purpose, update the numbers here in the same commit and say why.
 */
class GoldenPointsTest {
    record Golden(String name, String base, double energyJ, double latencyS, double areaM2, double topsPerW) {
    }

    static final String NODE = "  operating: {node_nm: 22, vdd_v: 0.8, temperature_k: 300, time_s: 3600}\n";

    static final List<Golden> POINTS = List.of(
            new Golden("current rram 256x256 8b/8b bit-serial sar", """
                      device: {kind: rram}
                      domain: {kind: current}
                      dac: {kind: bit-serial, bits: 8}
                      adc: {kind: sar, bits: 8}
                    """ + NODE, 8.687874090998e-10, 1.813760000000e-07, 4.941515434667e-08, 1.642451459588e+01),
            new Golden("charge pcm 256x256 pwm 6b cco", """
                      device: {kind: pcm}
                      domain: {kind: charge}
                      dac: {kind: pwm, bits: 6}
                      adc: {kind: cco, bits: 8}
                    """ + NODE, 4.076028463468e-10, 4.685040000000e-07, 2.463284944593e-08, 3.547820632665e+01),
            new Golden("charge-redistribution sram 4b/4b sar", """
                      device: {kind: sram}
                      domain: {kind: charge-redistribution}
                      dac: {kind: bit-serial, bits: 4}
                      adc: {kind: sar, bits: 6}
                      mapping: {weight_bits: 4, bits_per_cell: 1, signed: differential}
                    """ + NODE, 2.162618533547e-10, 4.201600000000e-08, 5.195180965926e-08, 7.896348833442e+01),
            new Golden("capacitive-division sram binary flash", """
                      device: {kind: sram}
                      domain: {kind: capacitive-division}
                      dac: {kind: bit-serial, bits: 1}
                      adc: {kind: flash, bits: 4}
                      mapping: {weight_bits: 1, bits_per_cell: 1, signed: differential}
                    """ + NODE, 3.192967858373e-11, 2.584000000000e-09, 6.106345168593e-08, 1.696301981407e+03),
            new Golden("time sram 4b/4b tdc", """
                      device: {kind: sram}
                      domain: {kind: time}
                      dac: {kind: bit-serial, bits: 4}
                      adc: {kind: tdc, bits: 8}
                      mapping: {weight_bits: 4, bits_per_cell: 1, signed: differential}
                    """ + NODE, 3.561549278627e-10, 1.394560000000e-07, 7.267889701926e-08, 5.278626318436e+01));

    static double d(Object[] row, String col) {
        return (Double) row[ResultColumns.indexOf(col)];
    }

    @Test
    void canonicalPointsKeepTheirCosts() {
        StringBuilder actual = new StringBuilder();
        for (Golden g : POINTS) {
            Object[] r = LocalRunner.run(TestSpecs.plan(g.base(), "  array.rows: [256]")).get(0);
            actual.append(String.format(Locale.ROOT, "%s: %.12e, %.12e, %.12e, %.12e%n", g.name(), d(r, "energy_j"),
                    d(r, "latency_s"), d(r, "tile_area_m2"), d(r, "tops_per_w")));
        }
        for (int i = 0; i < POINTS.size(); i++) {
            Golden g = POINTS.get(i);
            Object[] r = LocalRunner.run(TestSpecs.plan(g.base(), "  array.rows: [256]")).get(0);
            assertEquals(g.energyJ(), d(r, "energy_j"), 1e-9 * g.energyJ(), g.name() + "\n" + actual);
            assertEquals(g.latencyS(), d(r, "latency_s"), 1e-9 * g.latencyS(), g.name());
            assertEquals(g.areaM2(), d(r, "tile_area_m2"), 1e-9 * g.areaM2(), g.name());
            assertEquals(g.topsPerW(), d(r, "tops_per_w"), 1e-9 * g.topsPerW(), g.name());
        }
    }
}
