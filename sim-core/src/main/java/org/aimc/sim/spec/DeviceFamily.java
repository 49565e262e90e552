package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** All presets of one memory type and which one is used when a spec names none. */
public record DeviceFamily(String kind, String defaultPreset, SortedMap<String, DevicePreset> presets)
        implements Serializable {
    public DeviceFamily {
        Checks.nonBlank("kind", kind);
        presets = Collections.unmodifiableSortedMap(new TreeMap<>(presets));
        if (!presets.containsKey(defaultPreset)) {
            throw new SpecException("default", "unknown preset '" + defaultPreset + "'; presets: " + presets.keySet());
        }
    }

    /** The preset of this name, or the default for an empty name. */
    public DevicePreset preset(String name) {
        String n = name == null || name.isEmpty() ? defaultPreset : name;
        DevicePreset p = presets.get(n);
        if (p == null) {
            throw new SpecException("preset", "unknown " + kind + " preset '" + n + "'; known: " + presets.keySet());
        }
        return p;
    }
}
