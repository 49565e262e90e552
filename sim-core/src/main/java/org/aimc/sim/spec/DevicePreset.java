package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A named parameter set of one memory type, every number with its source. */
public record DevicePreset(String kind, String name, String description, SortedMap<String, Sourced> params)
        implements Serializable {
    public DevicePreset {
        Checks.nonBlank("kind", kind);
        Checks.nonBlank("name", name);
        description = description == null ? "" : description;
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** Parameter values without their sources. */
    public Map<String, Double> values() {
        Map<String, Double> m = new TreeMap<>();
        params.forEach((k, v) -> m.put(k, v.value()));
        return m;
    }
}
