package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aimc.sim.device.Devices;
import org.aimc.sim.peripheral.Peripherals;
import org.junit.jupiter.api.Test;

/**
 * Ideal hardware reproduces W·x (conventions.md): every registered domain x device x signed mapping x input
 * encoding the domain accepts, with every knob off and an ideal converter, within 1e-12 relative; with
 * enough converter bits over the full range, exactly, for the linear readouts. The charge domain's
 * integrator is given ample headroom (its saturation is a property of the design, not a knob).
 */
class IdealDomainsTest {
    static final String IDEAL = """
              array: {rows: 64, cols: 64}
              mapping: {weight_bits: 4, bits_per_cell: 1, signed: %s}
              dac: {kind: %s, bits: 4}
              adc: {kind: ideal, bits: 8}
              nonideal: {programming_noise: 0, read_noise: 0, drift: 0, ir_drop: none, stuck_at: 0,
                nonlinearity: 0, temperature: 0, circuit_mismatch: 0, circuit_noise: 0}
              device: {kind: %s}
              domain: {kind: %s%s}
            """;

    @Test
    void everyFeasibleCombinationReproducesTheProduct() {
        List<String> ran = new ArrayList<>();
        List<String> infeasible = new ArrayList<>();
        for (String domain : physicalDomains()) {
            for (String variant : variants(domain)) {
                for (String dev : Devices.registry().ids()) {
                    for (String signed : List.of("differential", "offset")) {
                        for (String dac : Peripherals.dacs().ids()) {
                            Tiles.Point p = Tiles.point(String.format(IDEAL, signed, dac, dev, domain, variant));
                            String name = domain + (variant.isEmpty() ? "" : "[" + variant.substring(2) + "]") + "/" + dev
                                    + "/" + signed + "/" + dac;
                            String why = p.model().infeasibility(p.c());
                            if (why != null) {
                                infeasible.add(name + ": " + why);
                                continue;
                            }
                            int[][] w = Tiles.weights(p.c(), 64, p.c().weightColumns(), 11);
                            int[][] x = Tiles.inputs(p.c(), 8, 64, 12);
                            double[][] y = new double[8][w[0].length];
                            TileSimulator.program(p.c(), p.model(), w, new ChipKey(1, 2, 3)).mvm(x, y);
                            double[][] yi = Tiles.ideal(w, x);
                            double se = 0;
                            double sy = 0;
                            for (int v = 0; v < y.length; v++) {
                                for (int j = 0; j < y[v].length; j++) {
                                    se += (y[v][j] - yi[v][j]) * (y[v][j] - yi[v][j]);
                                    sy += yi[v][j] * yi[v][j];
                                }
                            }
                            assertTrue(Math.sqrt(se / sy) <= 1e-12, name + ": relative error " + Math.sqrt(se / sy));
                            assertEquals(0.0, p.budget().relativeError(), 0.0, name + ": analytic error");
                            ran.add(name);
                        }
                    }
                }
            }
        }
        // every domain runs somewhere; pulse widths reach the integrating domains
        for (String domain : physicalDomains()) {
            assertTrue(ran.stream().anyMatch(n -> n.startsWith(domain)), domain + " never ran: " + infeasible);
        }
        assertTrue(ran.stream().anyMatch(n -> n.startsWith("charge[") && n.endsWith("/pwm")));
        assertTrue(ran.stream().anyMatch(n -> n.startsWith("time/") && n.endsWith("/pwm")));
    }

    /** The registered domains, without the test fixtures ({@code test-*}) registered by the test classpath. */
    static List<String> physicalDomains() {
        return Domains.registry().ids().stream().filter(d -> !d.startsWith("test-")).toList();
    }

    /** Domain-parameter variants that change the behaviour structurally. */
    static List<String> variants(String domain) {
        return switch (domain) {
            case "capacitive-division" -> List.of("", ", capacitor_weights: 1");
            case "resistive-division" -> List.of("", ", invert_millman: 1, access_r_on_ohm: 0");
            case "time" -> List.of("", ", current_to_time: 1");
            case "charge" -> List.of(", headroom_sigma: 100");
            default -> List.of("");
        };
    }

    @Test
    void enoughConverterBitsOverTheFullRangeAreExact() {
        String base = """
                  array: {rows: 16, cols: 64}
                  mapping: {weight_bits: 4, bits_per_cell: 1, signed: differential}
                  dac: {kind: bit-serial, bits: 4}
                  adc: {kind: %s, bits: 6, full_scale: max}
                  nonideal: {programming_noise: 0, read_noise: 0, drift: 0, ir_drop: none, stuck_at: 0,
                nonlinearity: 0, temperature: 0, circuit_mismatch: 0, circuit_noise: 0}
                  device: {kind: sram}
                  domain: {kind: %s%s}
                """;
        String[][] cases = {{"current", "sar", ""}, {"charge", "sar", ", headroom_sigma: 100"},
            {"charge-redistribution", "sar", ""}, {"capacitive-division", "flash", ""}, {"time", "tdc", ""}};
        for (String[] k : cases) {
            Tiles.Point p = Tiles.point(String.format(base, k[1], k[0], k[2]));
            int[][] w = Tiles.weights(p.c(), 16, p.c().weightColumns(), 5);
            int[][] x = Tiles.inputs(p.c(), 16, 16, 6);
            double[][] y = new double[16][w[0].length];
            TileSimulator.program(p.c(), p.model(), w, new ChipKey(1, 2, 3)).mvm(x, y);
            double[][] yi = Tiles.ideal(w, x);
            for (int v = 0; v < y.length; v++) {
                for (int j = 0; j < y[v].length; j++) {
                    assertEquals(yi[v][j], y[v][j], 0.0, k[0] + " vector " + v + " column " + j);
                }
            }
            assertEquals(0.0, p.budget().relativeError(), 0.0, k[0] + " analytic");
        }
    }
}
