package org.aimc.sim.crossbar;

/**
 * A crossbar network that has no unique operating point, or a cell value no physical circuit has: a
 * floating line, a negative or infinite conductance, a solver that cannot reach its certified tolerance.
 * The message names the line or cell and says why.
 */
public final class CrossbarException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CrossbarException(String message) {
        super(message);
    }
}
