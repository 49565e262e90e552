package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The compute domain of a design point: a domain id and overrides of its parameters by name. */
public record DomainSpec(String kind, SortedMap<String, Double> overrides) implements Serializable {
    public DomainSpec {
        Checks.nonBlank("kind", kind);
        overrides = Collections.unmodifiableSortedMap(new TreeMap<>(overrides == null ? Map.of() : overrides));
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            Checks.finiteIn(e.getKey(), e.getValue(), -Double.MAX_VALUE, Double.MAX_VALUE);
        }
    }

    public static DomainSpec of(String kind) {
        return new DomainSpec(kind, new TreeMap<>());
    }

    public DomainSpec withKind(String k) {
        return new DomainSpec(k, overrides);
    }

    public DomainSpec withOverride(String name, double value) {
        TreeMap<String, Double> m = new TreeMap<>(overrides);
        m.put(name, value);
        return new DomainSpec(kind, m);
    }
}
