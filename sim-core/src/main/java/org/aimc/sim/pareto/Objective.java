package org.aimc.sim.pareto;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One objective of a Pareto analysis: a column name and whether it is minimised or maximised.
 *
 * @param name      the column (or any label); non-blank, no ':' or ','
 * @param direction min or max
 */
public record Objective(String name, Direction direction) implements Serializable {
    public Objective {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("objective name is empty");
        }
        name = name.strip();
        if (name.contains(":") || name.contains(",")) {
            throw new IllegalArgumentException("objective name '" + name + "' must not contain ':' or ','");
        }
        if (direction == null) {
            throw new IllegalArgumentException("objective '" + name + "': direction is missing; known: [min, max]");
        }
    }

    /** Parses {@code name:min} or {@code name:max}. */
    public static Objective parse(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("empty objective; expected NAME:min or NAME:max");
        }
        int c = s.lastIndexOf(':');
        if (c < 0) {
            throw new IllegalArgumentException("objective '" + s.strip() + "' has no direction; expected "
                    + s.strip() + ":min or " + s.strip() + ":max");
        }
        String dir = s.substring(c + 1);
        try {
            return new Objective(s.substring(0, c), Direction.of(dir));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("objective '" + s.strip() + "': " + e.getMessage(), e);
        }
    }

    /** Parses a comma-separated list such as {@code energy_per_inference_j:min,accuracy_est:max}. */
    public static List<Objective> parseList(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("no objectives; expected NAME:min|max[,NAME:min|max...]");
        }
        List<Objective> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : s.split(",", -1)) {
            Objective o = parse(part);
            if (!seen.add(o.name())) {
                throw new IllegalArgumentException("objective '" + o.name() + "' is listed twice");
            }
            out.add(o);
        }
        return List.copyOf(out);
    }

    /** {@code name:min} or {@code name:max}. */
    @Override
    public String toString() {
        return name + ":" + direction.id();
    }
}
