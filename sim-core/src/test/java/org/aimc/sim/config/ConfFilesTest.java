package org.aimc.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.aimc.sim.device.DeviceKind;
import org.aimc.sim.device.Devices;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.DeviceFamily;
import org.aimc.sim.spec.DevicePreset;
import org.aimc.sim.spec.DeviceSpec;
import org.aimc.sim.spec.ParamValues;
import org.aimc.sim.spec.Sourced;
import org.aimc.sim.spec.WorkloadSpec;
import org.junit.jupiter.api.Test;

/** Every file under conf/ parses and validates, so a broken preset breaks the build. */
class ConfFilesTest {
    static final Path CONF = Path.of("../conf");

    static List<Path> files(String dir, String ext) throws IOException {
        try (Stream<Path> s = Files.list(CONF.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    @Test
    void everySweepSpecPlans() throws IOException {
        List<Path> specs = files("sweeps", ".yaml");
        assertFalse(specs.isEmpty());
        for (Path p : specs) {
            SweepPlan plan = SweepPlan.parse(Files.readString(p));
            assertTrue(plan.size() >= 1, p.toString());
        }
    }

    @Test
    void millionSweepHasAtLeastAMillionPoints() throws IOException {
        assertTrue(SweepPlan.parse(Files.readString(CONF.resolve("sweeps/million.yaml"))).size() >= 1_000_000);
    }

    @Test
    void everyDeviceFileMatchesARegisteredKindAndEveryPresetResolves() throws IOException {
        Set<String> seen = new HashSet<>();
        for (Path p : files("devices", ".yaml")) {
            String kind = p.getFileName().toString().replace(".yaml", "");
            DeviceKind k = Devices.registry().require(kind);
            DeviceFamily fam = SpecYaml.parseFamily(Files.readString(p), kind, p.toString());
            for (DevicePreset preset : fam.presets().values()) {
                for (Sourced s : preset.params().values()) {
                    assertFalse(s.source().isBlank());
                }
                ParamValues v = SweepPlan.deviceParams(new DeviceSpec(kind, preset.name(), new java.util.TreeMap<>()),
                        java.util.Map.of(kind, fam));
                k.create(v);
            }
            seen.add(kind);
        }
        assertEquals(new HashSet<>(Devices.registry().ids()), seen, "every memory type has a preset file");
    }

    @Test
    void everyWorkloadIsIndexedAndParses() throws IOException {
        Set<String> files = new HashSet<>();
        for (Path p : files("workloads", ".yaml")) {
            String id = p.getFileName().toString().replace(".yaml", "");
            files.add(id);
            WorkloadSpec w = Presets.workload(id);
            assertEquals(id, w.id());
            assertTrue(w.macs() > 0);
        }
        assertEquals(files, new HashSet<>(Presets.workloadIds()));
    }

    @Test
    void sparkDefaultsAreKeyValueLines() throws IOException {
        for (String line : Files.readAllLines(CONF.resolve("spark-defaults.conf"))) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                assertEquals(2, t.split("\\s+", 2).length, line);
                assertTrue(t.startsWith("spark."), line);
            }
        }
    }
}
