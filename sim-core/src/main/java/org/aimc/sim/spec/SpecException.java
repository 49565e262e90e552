package org.aimc.sim.spec;

/**
 * An invalid specification. {@link #path()} is where in the YAML the problem is
 * ({@code base.array.rows}, {@code axes.adc.bits[2]}); the message says what is allowed.
 */
public final class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String problem;

    public SpecException(String path, String problem) {
        super(path == null || path.isEmpty() ? problem : path + ": " + problem);
        this.path = path == null ? "" : path;
        this.problem = problem;
    }

    /** The YAML path of the offending value, empty for the document itself. */
    public String path() {
        return path;
    }

    /** The message without the path. */
    public String problem() {
        return problem;
    }

    /** The same problem located under {@code prefix} ({@code base.array} + {@code rows}). */
    public SpecException under(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return this;
        }
        String p = path.isEmpty() ? prefix : (path.startsWith("[") ? prefix + path : prefix + "." + path);
        SpecException e = new SpecException(p, problem);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
