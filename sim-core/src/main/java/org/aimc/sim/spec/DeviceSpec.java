package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The memory device of a design point: a memory type id, a preset of that type (empty for the type's
 * default preset) and parameter overrides by name. The kind and parameter names are checked against
 * the registry when a sweep is planned.
 */
public record DeviceSpec(String kind, String preset, SortedMap<String, Double> overrides) implements Serializable {
    public DeviceSpec {
        Checks.nonBlank("kind", kind);
        preset = preset == null ? "" : preset;
        overrides = Collections.unmodifiableSortedMap(new TreeMap<>(overrides == null ? Map.of() : overrides));
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            Checks.finiteIn(e.getKey(), e.getValue(), -Double.MAX_VALUE, Double.MAX_VALUE);
        }
    }

    public static DeviceSpec of(String kind) {
        return new DeviceSpec(kind, "", new TreeMap<>());
    }

    public DeviceSpec withKind(String k) {
        return new DeviceSpec(k, preset, overrides);
    }

    public DeviceSpec withPreset(String p) {
        return new DeviceSpec(kind, p, overrides);
    }

    public DeviceSpec withOverride(String name, double value) {
        TreeMap<String, Double> m = new TreeMap<>(overrides);
        m.put(name, value);
        return new DeviceSpec(kind, preset, m);
    }
}
