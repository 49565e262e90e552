package org.aimc.sim.pareto;

import java.util.Arrays;
import java.util.Locale;

/** Whether an objective is minimised or maximised. The ids {@code min} and {@code max} are stable. */
public enum Direction {
    MIN("min"),
    MAX("max");

    private final String id;

    Direction(String id) {
        this.id = id;
    }

    /** The stable string id used on the command line and in stored tables. */
    public String id() {
        return id;
    }

    /**
     * The direction with the given id (case-insensitive).
     *
     * @throws IllegalArgumentException naming the valid ids
     */
    public static Direction of(String id) {
        for (Direction d : values()) {
            if (d.id.equals(id == null ? null : id.strip().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + id + "'; known: "
                + Arrays.stream(values()).map(Direction::id).toList());
    }
}
