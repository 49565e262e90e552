package org.aimc.sim.spec;

import java.io.Serializable;

/**
 * One numeric parameter of a plug-in kind: its YAML name (SI unit in the name), bounds, and, when the
 * kind itself supplies it, a default with the source of that number.
 *
 * @param name         YAML key, e.g. {@code g_max_s}
 * @param min          smallest allowed value
 * @param max          largest allowed value
 * @param defaultValue the kind's default, or NaN when a preset must supply it
 * @param source       where the default comes from (paper, table, tool and file), empty when NaN
 * @param description  one line for help texts
 */
public record ParamDef(String name, double min, double max, double defaultValue, String source, String description)
        implements Serializable {

    public ParamDef {
        Checks.nonBlank("name", name);
        if (!(min <= max)) {
            throw new IllegalArgumentException(name + ": min " + min + " > max " + max);
        }
        if (!Double.isNaN(defaultValue)) {
            Checks.finiteIn(name, defaultValue, min, max);
            Checks.nonBlank(name + ".source", source);
        }
        source = source == null ? "" : source;
        description = description == null ? "" : description;
    }

    /** A parameter that a preset must supply. */
    public static ParamDef required(String name, double min, double max, String description) {
        return new ParamDef(name, min, max, Double.NaN, "", description);
    }

    /** A parameter with a default of the kind's own, citing where the number comes from. */
    public static ParamDef withDefault(String name, double min, double max, double value, String source,
            String description) {
        return new ParamDef(name, min, max, value, source, description);
    }

    public boolean hasDefault() {
        return !Double.isNaN(defaultValue);
    }

    /** Validates a value for this parameter. */
    public double check(double value) {
        return Checks.finiteIn(name, value, min, max);
    }
}
