package org.aimc.sim.spec;

import java.util.List;

/**
 * Argument checks for spec constructors. Messages name the field as it is written in YAML, so the
 * config layer only has to prefix the path of the enclosing section.
 */
public final class Checks {
    private Checks() {
    }

    public static int intIn(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new SpecException(field, "must be an integer in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    public static double finiteIn(String field, double value, double min, double max) {
        if (!Double.isFinite(value)) {
            throw new SpecException(field, "must be a finite number, got " + value);
        }
        if (value < min || value > max) {
            throw new SpecException(field, "must be in [" + fmt(min) + ", " + fmt(max) + "], got " + fmt(value));
        }
        return value;
    }

    public static double positive(String field, double value, double max) {
        if (!Double.isFinite(value) || value <= 0 || value > max) {
            throw new SpecException(field, "must be a finite number in (0, " + fmt(max) + "], got " + fmt(value));
        }
        return value;
    }

    public static String oneOf(String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new SpecException(field, "unknown value '" + value + "'; allowed: " + allowed);
        }
        return value;
    }

    public static String nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new SpecException(field, "must not be empty");
        }
        return value;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
