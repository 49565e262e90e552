package org.aimc.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aimc.sim.hw.AccuracyStats;
import org.aimc.sim.hw.HardwareNetwork;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.hw.QuantisedNetwork;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;
import org.aimc.sim.space.SweepPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hardware-mapped inference of fashion-mlp on Fashion-MNIST (issue 7 acceptance; needs the Debian package
 * dataset-fashion-mnist, reads or trains the network in the cache {@code aimc.cache}):
 * <ul>
 * <li>ideal hardware (every knob 0, ideal converter) gives exactly the quantised network's predictions on the
 * 10,000 test images, and the quantised network at 8 bits stays within 0.3 points of the digital 0.8925;</li>
 * <li>raising any noise knob never raises the mean accuracy over chips beyond the 95% interval of the
 * lower level (a statistical test over chip instances, the same chips at every level).</li>
 * </ul>
 */
class HardwareInferenceIT {
    static DataSplit data;
    static Network net;
    static QuantisedNetwork q;

    static final String BASE = """
            name: hw-it
            seed: 5
            workload: fashion-mlp
            base:
              device: {kind: rram}
              domain: {kind: current}
              array: {rows: 256, cols: 256}
              dac: {kind: amplitude, bits: 8}
              adc: {kind: %s, bits: 8}
              mapping: {weight_bits: 8, bits_per_cell: 2, signed: differential}
              operating: {time_s: 86400, drift_compensation: true}
              nonideal: {%s}
            axes:
              operating.node_nm: [22]
            """;

    @BeforeAll
    static void load() {
        data = FashionMnist.load();
        Path cache = Path.of(System.getProperty("aimc.cache", "target/aimc-cache"));
        net = TrainedNetworks.loadOrTrain(Recipes.get(Recipes.FASHION_MLP), cache, () -> data, System.out::println)
                .network();
        q = QuantisedNetwork.calibrated(net, 8, 8, data.train(), 2000);
    }

    static HardwarePoint point(String adc, String knobs) {
        return HardwarePoint.of(SweepPlan.parse(String.format(BASE, adc, knobs)), 0);
    }

    @Test
    void idealHardwareGivesTheQuantisedNetworksPredictions() {
        HardwarePoint ideal = point("ideal", "programming_noise: 0, read_noise: 0, drift: 0, ir_drop: none, "
                + "stuck_at: 0, nonlinearity: 0, circuit_mismatch: 0, circuit_noise: 0");
        int n = data.test().size();
        int[] quantised = new int[n];
        int[] hardware = new int[n];
        double digital = net.classify(data.test(), MvmEngine.DIGITAL, 500, null);
        double qa = net.classify(data.test(), q.digital(), 500, quantised);
        double ha = HardwareNetwork.program(q, ideal, 0).classify(data.test(), 100, hardware);
        System.out.printf(Locale.ROOT, "digital %.4f, quantised 8/8 bits %.4f, ideal hardware %.4f%n", digital, qa,
                ha);
        assertArrayEquals(quantised, hardware);
        assertEquals(qa, ha, 0.0);
        assertTrue(digital >= 0.88, "digital accuracy " + digital);
        assertEquals(digital, qa, 0.003);
    }

    @Test
    void raisingANoiseKnobNeverRaisesTheMeanAccuracyBeyondItsInterval() {
        Examples test = data.test().head(1000);
        int chips = 4;
        String[][] knobs = {{"programming_noise", "0", "0.5", "1", "2"}, {"read_noise", "0", "1", "2", "4"},
            {"drift", "0", "1", "2", "4"}, {"circuit_mismatch", "0", "1", "2", "4"},
            {"circuit_noise", "0", "1", "2", "4"}, {"stuck_at", "0", "0.02", "0.1", "0.5"}};
        List<String> report = new ArrayList<>();
        boolean anyDrop = false;
        for (String[] k : knobs) {
            AccuracyStats prev = null;
            String prevLevel = null;
            for (int i = 1; i < k.length; i++) {
                HardwarePoint p = point("sar", k[0] + ": " + k[i] + ", ir_drop: analytic, nonlinearity: 0");
                double[] acc = new double[chips];
                for (int c = 0; c < chips; c++) {
                    acc[c] = HardwareNetwork.program(q, p, c).classify(test, 100, null);
                }
                AccuracyStats s = AccuracyStats.of(acc);
                report.add(String.format(Locale.ROOT, "%s=%s: %.4f [%.4f, %.4f]", k[0], k[i], s.mean(), s.ci95Low(),
                        s.ci95High()));
                if (prev != null) {
                    assertTrue(s.mean() <= prev.ci95High() + 1e-12, k[0] + " " + prevLevel + " -> " + k[i] + ": "
                            + prev + " -> " + s);
                    anyDrop |= s.mean() < prev.ci95Low();
                }
                prev = s;
                prevLevel = k[i];
            }
        }
        report.forEach(System.out::println);
        assertTrue(anyDrop, "some knob must cost accuracy beyond the interval, else the test shows nothing");
    }
}
