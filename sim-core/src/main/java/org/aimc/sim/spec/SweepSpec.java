package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A sweep: a base design point, the ordered axes that vary it (the last varies fastest), the workload it
 * is evaluated on, the seed every random stream is keyed by, and the device presets it uses (inlined, so
 * that the canonical text of a sweep carries every number it depends on).
 */
public record SweepSpec(String name, String description, long seed, WorkloadSpec workload, PointSpec base,
        List<Axis> axes, SortedMap<String, DeviceFamily> devices) implements Serializable {
    public SweepSpec {
        Checks.nonBlank("name", name);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new SpecException("name", "must be 1-64 characters of letters, digits, '.', '_' or '-', got '"
                    + name + "'");
        }
        description = description == null ? "" : description;
        if (workload == null) {
            throw new SpecException("workload", "missing");
        }
        if (base == null) {
            throw new SpecException("base", "missing");
        }
        axes = List.copyOf(axes);
        devices = Collections.unmodifiableSortedMap(new TreeMap<>(devices == null ? Map.of() : devices));
    }
}
