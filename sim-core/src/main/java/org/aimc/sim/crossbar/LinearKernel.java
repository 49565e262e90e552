package org.aimc.sim.crossbar;

/**
 * Solves the homogeneous nodal system {@code [A_A, -C; -C^T, A_B] [xA; xB] = [rA; rB]} of a {@link Network}
 * for given cell conductances (the cells themselves, or the small-signal conductances of a Newton step).
 * Fixed nodes read and write as 0. Not thread-safe: one kernel per thread.
 */
interface LinearKernel {
    /** Prepares for cell conductances {@code cellG} (row-major, S): factorizes what can be factorized. */
    void factor(double[] cellG);

    /**
     * Solves for one right-hand side. {@code vScale} is the voltage scale of the problem: the solve ends when
     * the certified bound on every node-potential error is below {@link CrossbarTolerances#SOLVE_REL_TOL}
     * times it. Overwrites {@code xA} and {@code xB}.
     *
     * @return iterations used (1 for a direct solve)
     */
    int solve(double[] rA, double[] rB, double[] xA, double[] xB, double vScale);

    /** Short id of the method, for diagnostics. */
    String method();
}
