package org.aimc.sim.crossbar;

/** Every numeric tolerance and switch point of the crossbar solvers, in one place. */
final class CrossbarTolerances {
    private CrossbarTolerances() {
    }

    /**
     * Certified relative accuracy of a solve: the a-posteriori bound on every node potential error, divided
     * by the largest input voltage, ends below this (or below the floating-point floor of the residual, if
     * that is larger: see {@link #ROUNDING_FLOOR_FACTOR}). Column currents are then within
     * 2 · sum_i G_ij · bound.
     */
    static final double SOLVE_REL_TOL = 1e-9;
    /**
     * The residual of a node cannot be evaluated more accurately than about unit roundoff times the
     * magnitude of the terms that cancel in it (|diagonal x potential| and its neighbours'): the certified
     * bound accepts a residual that is within this factor x 2^-52 of those magnitudes.
     */
    static final double ROUNDING_FLOOR_FACTOR = 64;
    /** Conjugate-gradient iterations before the iterative kernel gives up and the direct kernel takes over. */
    static final int PCG_MAX_ITERATIONS = 2000;
    /** True-residual restarts of the conjugate-gradient kernel when the recursive residual drifts. */
    static final int PCG_MAX_RESTARTS = 4;
    /** Newton iterations of a nonlinear (1S1R) operating point. */
    static final int NEWTON_MAX_ITERATIONS = 80;
    /** Step halvings of the Newton line search. */
    static final int NEWTON_MAX_HALVINGS = 40;
    /** Newton iterations of the scalar series selector + cell law. */
    static final int SELECTOR_MAX_ITERATIONS = 200;
    /** Nodes below which nested dissection stops splitting a region. */
    static final int ND_LEAF_NODES = 48;
    /** Largest number of unknowns the direct (sparse Cholesky) kernel accepts: 2 x 512 x 512. */
    static final int DIRECT_MAX_UNKNOWNS = 1 << 19;
    /** Nodes of a row slab of the iterative kernel's Schur product (cache blocking). */
    static final int SLAB_NODES = 1 << 14;
    /** Random tiles (weight draws) per segmented or nodal IR-drop estimate. */
    static final int IR_DROP_TILES = 2;
    /** Random input vectors per tile of an IR-drop estimate. */
    static final int IR_DROP_INPUTS = 16;
    /** Tile edge of the blocked transposes between the row and column layouts. */
    static final int TILE = 64;
}
