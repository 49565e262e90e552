package org.aimc.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aimc.sim.TestSpecs;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.SpecException;
import org.aimc.sim.spec.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecYamlTest {
    static String quickstart() throws IOException {
        return Files.readString(Path.of("../conf/sweeps/quickstart.yaml"));
    }

    @Test
    void quickstartParsesWithItsAxesInOrder() throws IOException {
        SweepPlan p = SweepPlan.parse(quickstart());
        assertEquals(3 * 5 * 5 * 4, p.size());
        assertEquals("device.kind", p.spec().axes().get(0).path());
        assertEquals("nonideal.programming_noise", p.spec().axes().get(3).path());
        assertEquals(42, p.spec().seed());
        assertEquals("fashion-mlp", p.spec().workload().id());
        assertTrue(p.sweepId().startsWith("quickstart-"));
    }

    @Test
    void canonicalTextRoundTripsToTheSameSpecAndHash() throws IOException {
        SweepPlan p = SweepPlan.parse(quickstart());
        SweepSpec again = SpecYaml.parseSweep(p.canonicalText());
        assertEquals(p.spec(), again);
        assertEquals(p.canonicalText(), SpecYaml.canonical(again));
        assertEquals(p.specHash(), SweepPlan.of(again).specHash());
    }

    @Test
    void converterOverridesCircuitKnobsAndCalibrationRoundTrip() {
        String yaml = build("""
                base:
                  adc: {kind: flash, bits: 4, inl_lsb: 0.3, noise_lsb: 0.1}
                  dac: {kind: pwm, bits: 6, jitter_s: 2.0e-12}
                  nonideal: {circuit_mismatch: 0.5, circuit_noise: 2}
                  operating: {column_calibration: false}
                axes:
                  adc.dnl_sigma_lsb: [0.1, 0.2]
                  domain.kind: [current, charge]
                """);
        SweepPlan p = SweepPlan.parse(yaml);
        SweepSpec again = SpecYaml.parseSweep(p.canonicalText());
        assertEquals(p.spec(), again);
        assertEquals(p.specHash(), SweepPlan.of(again).specHash());
        var point = p.space().decode(2); // last axis fastest: dnl 0.2, domain current
        assertEquals(0.3, point.adc().overrides().get("inl_lsb"));
        assertEquals(0.2, point.adc().overrides().get("dnl_sigma_lsb"));
        assertEquals(2.0e-12, point.dac().overrides().get("jitter_s"));
        assertEquals(0.5, point.nonideal().circuitMismatch());
        assertEquals(false, point.operating().columnCalibration());
    }

    @Test
    void changingAnyNumberChangesTheHash() throws IOException {
        String q = quickstart();
        String h = SweepPlan.parse(q).specHash();
        assertTrue(!h.equals(SweepPlan.parse(q.replace("seed: 42", "seed: 43")).specHash()));
        assertTrue(!h.equals(SweepPlan.parse(q.replace("vdd_v: 0.8", "vdd_v: 0.9")).specHash()));
    }

    /** Each bad spec names the YAML path and what is allowed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key           | base:\\n  array: {rows: 64, colz: 4}                  | base.array.colz     | known: [rows, cols",
        "unknown memory type   | base:\\n  device: {kind: pcmm}                        | base.device.kind    | known: [ecram, fefet, flash, mram, pcm, rram, sram]",
        "unknown type on axis  | axes:\\n  device.kind: [pcm, flashh]                  | axes.device.kind[1] | known: [",
        "rows zero             | base:\\n  array: {rows: 0}                            | base.array.rows     | [1, 65536], got 0",
        "adc bits 40           | base:\\n  adc: {bits: 40}                             | base.adc.bits       | [1, 16], got 40",
        "adc bits 40 on axis   | axes:\\n  adc.bits: [4, 40]                           | axes.adc.bits[1]    | [1, 16], got 40",
        "empty axis            | axes:\\n  adc.bits: []                                | axes.adc.bits       | at least one value",
        "non-numeric value     | axes:\\n  array.rows: [64, lots]                      | axes.array.rows[1]  | expected an integer, got 'lots'",
        "non-numeric base      | base:\\n  operating: {vdd_v: high}                    | base.operating.vdd_v| expected a number",
        "fraction for integer  | base:\\n  array: {rows: 64.5}                         | base.array.rows     | expected an integer",
        "NaN                   | base:\\n  operating: {vdd_v: NaN}                     | base.operating.vdd_v| expected a number, got 'NaN'",
        "infinity              | base:\\n  operating: {time_s: Infinity}               | base.operating.time_s| expected a number",
        "negative time         | base:\\n  operating: {time_s: -1}                     | base.operating.time_s| [0, 10000000000], got -1",
        "unknown section       | base:\\n  wires: {r: 1}                               | base.wires          | known: [device, domain",
        "unknown axis path     | axes:\\n  array.height: [1, 2]                        | axes.array.height   | known: [rows, cols",
        "unknown device param  | base:\\n  device: {kind: pcm, g_maxx_s: 1e-5}         | base.device         | g_maxx_s",
        "device param range    | base:\\n  device: {kind: pcm, g_max_s: -1}            | base.device         | g_max_s",
        "unknown preset        | base:\\n  device: {kind: pcm, preset: nope}           | base.device.preset  | its presets: [aihwkit",
        "wrong type for bool   | base:\\n  operating: {drift_compensation: 3}          | base.operating.drift_compensation | true or false",
        "unknown enum value    | base:\\n  mapping: {signed: twos}                     | base.mapping.signed | allowed: [differential, offset]",
        "duplicate axis value  | axes:\\n  adc.bits: [4, 4]                            | axes.adc.bits[1]    | duplicate",
        "unknown top key       | colour: blue                                          | colour              | known: [name",
        "unknown workload      | workload: resnet-9000                                 | workload            | known: [fashion-mlp",
        "unknown adc parameter | base:\\n  adc: {kind: sar, inl: 0.1}                   | base.adc.inl        | known: [dnl_sigma_lsb",
        "adc parameter range   | axes:\\n  adc.noise_lsb: [0.1, -1]                    | axes.adc.noise_lsb[1] | noise_lsb",
        "unknown dac parameter | base:\\n  dac: {kind: pwm, jitter: 1e-12}              | base.dac.jitter     | known: [dnl_sigma_lsb",
        "circuit knob range    | base:\\n  nonideal: {circuit_noise: -1}               | base.nonideal.circuit_noise | [0, 100]",
    })
    void badSpecsNameTheirPath(String what, String fragment, String path, String hint) {
        String yaml = build(fragment.replace("\\n", "\n"));
        SpecException e = assertThrows(SpecException.class, () -> SweepPlan.parse(yaml));
        assertTrue(e.getMessage().startsWith(path.strip()), what + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(hint.strip()), what + ": " + e.getMessage());
    }

    /** Merges a fragment (top-level keys) into a minimal valid spec, the fragment winning. */
    static String build(String fragment) {
        StringBuilder sb = new StringBuilder();
        if (!fragment.startsWith("name:")) {
            sb.append("name: t\n");
        }
        sb.append("seed: 1\n");
        if (!fragment.contains("workload:")) {
            sb.append("workload: fashion-mlp\n");
        }
        sb.append(fragment).append('\n');
        return sb.toString();
    }

    @Test
    void yamlSyntaxErrorsGiveTheLine() {
        SpecException e = assertThrows(SpecException.class,
                () -> SweepPlan.parse("name: t\nseed: 1\nworkload: fashion-mlp\nbase:\n  array: {rows: 64\n"));
        assertTrue(e.getMessage().contains("YAML syntax error at line"), e.getMessage());
    }

    @Test
    void duplicateKeysAreErrors() {
        SpecException e = assertThrows(SpecException.class,
                () -> SweepPlan.parse("name: t\nseed: 1\nseed: 2\nworkload: fashion-mlp\n"));
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
    }

    @Test
    void overflowingAxesAreRejectedWithThePath() {
        StringBuilder vals = new StringBuilder("[");
        for (int i = 1; i <= 1000; i++) {
            vals.append(i == 1 ? "" : ", ").append(i);
        }
        vals.append(']');
        StringBuilder axes = new StringBuilder();
        for (String p : new String[] {"array.rows", "array.cols", "dac.bits", "adc.columns_per_adc",
            "operating.time_s", "nonideal.drift", "nonideal.read_noise"}) {
            axes.append("  ").append(p).append(": ").append(vals).append('\n');
        }
        SpecException e = assertThrows(SpecException.class,
                () -> SweepPlan.parse(TestSpecs.spec("  array: {rows: 64}", axes.toString())));
        assertTrue(e.getMessage().contains("axes"), e.getMessage());
    }

    @Test
    void numbersWrittenWithoutADotAreNumbers() {
        SweepPlan p = TestSpecs.plan("  device: {kind: rram, g_max_s: 3e-5}", "  operating.time_s: [1e3, 86400]");
        assertEquals(3e-5, p.spec().base().device().overrides().get("g_max_s"));
        assertEquals(1000.0, p.spec().axes().get(0).values().get(0));
    }
}
