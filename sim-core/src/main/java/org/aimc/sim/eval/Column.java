package org.aimc.sim.eval;

/**
 * One column of the {@code points} table: its name (SI unit in the name), type and meaning.
 *
 * @param nullable whether the value may be null (metrics of infeasible points, estimates not yet made)
 */
public record Column(String name, Type type, boolean nullable, String description) {
    /** Storage type of a column. */
    public enum Type {
        INT, LONG, DOUBLE, STRING, BOOLEAN
    }

    /** True when {@code v} may be stored in this column. */
    public boolean accepts(Object v) {
        if (v == null) {
            return nullable;
        }
        return switch (type) {
            case INT -> v instanceof Integer;
            case LONG -> v instanceof Long;
            case DOUBLE -> v instanceof Double;
            case STRING -> v instanceof String;
            case BOOLEAN -> v instanceof Boolean;
        };
    }
}
