package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The complete, validated parameter values of one plug-in kind instance (defaults, then preset, then
 * overrides). Immutable; iteration is in name order.
 */
public final class ParamValues implements Serializable {
    private static final long serialVersionUID = 1L;
    private final SortedMap<String, Double> values;

    private ParamValues(SortedMap<String, Double> values) {
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /**
     * Resolves the values of {@code schema}: for each parameter the override, else the preset value, else
     * the schema default. Unknown names and missing values are errors naming the parameter.
     */
    public static ParamValues resolve(List<ParamDef> schema, Map<String, Double> preset, Map<String, Double> overrides) {
        SortedMap<String, Double> out = new TreeMap<>();
        Map<String, ParamDef> byName = new TreeMap<>();
        for (ParamDef d : schema) {
            byName.put(d.name(), d);
        }
        for (String n : preset.keySet()) {
            if (!byName.containsKey(n)) {
                throw new SpecException(n, "unknown parameter; known: " + byName.keySet());
            }
        }
        for (String n : overrides.keySet()) {
            if (!byName.containsKey(n)) {
                throw new SpecException(n, "unknown parameter; known: " + byName.keySet());
            }
        }
        for (ParamDef d : schema) {
            Double v = overrides.get(d.name());
            if (v == null) {
                v = preset.get(d.name());
            }
            if (v == null && d.hasDefault()) {
                v = d.defaultValue();
            }
            if (v == null) {
                throw new SpecException(d.name(), "no value: the preset must define it");
            }
            out.put(d.name(), d.check(v));
        }
        return new ParamValues(out);
    }

    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; known: " + values.keySet());
        }
        return v;
    }

    public Map<String, Double> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamValues p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
