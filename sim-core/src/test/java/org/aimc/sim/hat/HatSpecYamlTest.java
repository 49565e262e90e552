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
            sweep:
              name: s
              seed: 3
              workload: fashion-mlp
              base:
                device: {kind: pcm}
              axes:
                array.rows: [64, 128, 256]
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
                assertTrue(!h.pointIndices().isEmpty(), p.toString());
            }
        }
    }

    @Test
    void defaultsAndCanonicalForm() {
        HatSpec h = parse("training:\n  methods: [baseline, physical]\n  seeds: [4]\n  epochs: 2\n");
        var s = h.settings();
        assertEquals(List.of(0L, 1L, 2L), h.pointIndices());
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
        HatSpec pts = HatSpecYaml.parse("name: t\n" + SWEEP + "points: [2, 0]\ntraining:\n  methods: [baseline]\n"
                + "  seeds: [1]\n  epochs: 1\n  hil: {twin: physical, reprogram_steps: 3, train_images: 500}\n"
                + "  chip_physics: {charge_input_ohm: 50}\n");
        assertEquals(List.of(2L, 0L), pts.pointIndices());
        assertEquals(ModelMvm.Model.PHYSICAL, pts.settings().hil().twin());
        assertEquals(50, pts.settings().chipPhysics().chargeInputOhm());
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
        bad("name: t\n" + SWEEP + "points: [7]\n" + ok, "points[0]", "outside");
        bad("name: t\n" + SWEEP.replace("[64, 128, 256]", "[64, 128, 70000]") + ok, "sweep.axes.array.rows[2]",
                "65536");
        bad("name: t\n" + SWEEP + ok + "  hil: {train_images: 70000}\n", "training.hil.train_images", "more than");
        bad("name: t\n" + SWEEP + ok + "  chip_physics: {charge_input_ohm: -1}\n",
                "training.chip_physics.charge_input_ohm", "");
        bad("name: t\n" + SWEEP, "training", "missing");
        bad("name: t\ntraining: {}\n", "sweep", "missing");
        bad("name: t\n" + SWEEP + ok + "extra: 1\n", "extra", "unknown key");
    }
}
