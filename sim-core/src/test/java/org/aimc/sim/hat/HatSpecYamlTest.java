package org.aimc.sim.hat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aimc.sim.config.HatSpecYaml;
import org.aimc.sim.spec.SpecException;
import org.junit.jupiter.api.Test;

/** Training specs: the committed ones parse, defaults apply, bad input names its path and the allowed values. */
class HatSpecYamlTest {
    static final String SWEEP = """
            sweeps:
              - name: s
                seed: 3
                workload: fashion-mlp
                base:
                  device: {kind: pcm}
                axes:
                  array.rows: [64, 128, 256]
              - name: r
                seed: 3
                workload: fashion-mlp
                base:
                  device: {kind: rram}
                  domain: {kind: resistive-division, invert_millman: 0}
                axes:
                  dac.bits: [4]
            """;

    static HatSpec parse(String training) {
        return HatSpecYaml.parse("name: t\n" + SWEEP + training);
    }

    @Test
    void everyCommittedTrainingSpecParses() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("../conf/training"))) {
            List<Path> specs = s.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertTrue(!specs.isEmpty());
            for (Path p : specs) {
                HatSpec h = HatSpecYaml.parse(Files.readString(p));
                assertTrue(!h.points().isEmpty(), p.toString());
            }
        }
    }

    @Test
    void defaultsAndCanonicalForm() {
        HatSpec h = parse("training:\n  methods: [baseline, physical]\n  seeds: [4]\n  epochs: 2\n");
        var s = h.settings();
        assertEquals(List.of(new HatSpec.PointRef(0, 0), new HatSpec.PointRef(0, 1), new HatSpec.PointRef(0, 2),
                new HatSpec.PointRef(1, 0)), h.points());
        assertEquals("adam", s.training().optimizer());
        assertEquals(128, s.training().batchSize());
        assertEquals(60_000, s.trainImages());
        assertEquals(5, s.chips());
        assertEquals(List.of(3600.0), s.timesS());
        assertEquals(ModelMvm.Model.PROBABILISTIC, s.hil().twin());
        assertEquals(ChipPhysics.NONE, s.chipPhysics());
        HatSpec other = parse("training:\n  methods: [baseline, physical]\n  seeds: [4]\n  epochs: 3\n");
        assertNotEquals(h.specHash(), other.specHash());
        assertEquals(h.specHash(), parse("training:\n  methods: [baseline, physical]\n  seeds: [4]\n  epochs: 2\n")
                .specHash());
        HatSpec hil = HatSpecYaml.parse("name: t\n" + SWEEP + "training:\n  methods: [baseline, hardware-in-loop]\n"
                + "  seeds: [1]\n  epochs: 1\n  hil: {twin: physical, reprogram_steps: 3, train_images: 500, sweeps: [r]}\n"
                + "  chip_physics: {charge_input_ohm: 50}\n");
        assertEquals(ModelMvm.Model.PHYSICAL, hil.settings().hil().twin());
        assertTrue(hil.settings().runs(HatMethod.HARDWARE_IN_LOOP, "r"));
        assertTrue(!hil.settings().runs(HatMethod.HARDWARE_IN_LOOP, "s"));
        assertTrue(hil.settings().runs(HatMethod.BASELINE, "s"));
        assertEquals(50, hil.settings().chipPhysics().chargeInputOhm());
    }

    static void bad(String spec, String path, String fragment) {
        SpecException e = assertThrows(SpecException.class, () -> HatSpecYaml.parse(spec));
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void badInputNamesThePathAndTheAllowedValues() {
        String ok = "training:\n  methods: [baseline]\n  seeds: [1]\n  epochs: 1\n";
        bad("name: t\n" + SWEEP + "training:\n  methods: [noise]\n  seeds: [1]\n  epochs: 1\n",
                "training.methods[0]", "hardware-in-loop");
        bad("name: t\n" + SWEEP + ok + "  optimiser: adam\n", "training.optimiser", "unknown key");
        bad("name: t\n" + SWEEP + ok + "  hil: {twin: exact}\n", "training.hil.twin", "[probabilistic, physical]");
        bad("name: t\n" + SWEEP + "training:\n  methods: [baseline]\n  seeds: []\n  epochs: 1\n", "training.seeds",
                "non-empty");
        bad("name: t\n" + SWEEP + ok + "  hil: {sweeps: [q]}\n", "training.hil.sweeps[0]", "[s, r]");
        bad("name: t\n" + SWEEP.replace("[64, 128, 256]", "[64, 128, 70000]") + ok, "sweeps[0].axes.array.rows[2]",
                "65536");
        bad("name: t\n" + SWEEP.replace("name: r", "name: s") + ok, "sweeps[1].name", "two sweeps");
        String rows = java.util.stream.IntStream.rangeClosed(1, 64).mapToObj(i -> Integer.toString(8 * i))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        bad("name: t\n" + SWEEP.replace("[64, 128, 256]", rows) + ok, "sweeps", "at most 64");
        bad("name: t\n" + SWEEP + ok + "  hil: {train_images: 70000}\n", "training.hil.train_images", "more than");
        bad("name: t\n" + SWEEP + ok + "  chip_physics: {charge_input_ohm: -1}\n",
                "training.chip_physics.charge_input_ohm", "");
        bad("name: t\n" + SWEEP, "training", "missing");
        bad("name: t\ntraining: {}\n", "sweeps", "missing");
        bad("name: t\n" + SWEEP + ok + "extra: 1\n", "extra", "unknown key");
    }
}
