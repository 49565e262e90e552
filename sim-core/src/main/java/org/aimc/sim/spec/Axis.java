package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.List;

/**
 * One sweep axis: a {@link SpecPaths} path and its values (Integer, Double, Boolean or String according
 * to the path's type).
 */
public record Axis(String path, List<Object> values) implements Serializable {
    public Axis {
        Checks.nonBlank("path", path);
        if (values == null || values.isEmpty()) {
            throw new SpecException(path, "an axis needs at least one value");
        }
        values = List.copyOf(values);
    }

    public int size() {
        return values.size();
    }
}
