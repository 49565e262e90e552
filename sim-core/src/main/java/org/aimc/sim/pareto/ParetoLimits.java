package org.aimc.sim.pareto;

/** The numeric switch points and defaults of the package, in one place. */
final class ParetoLimits {
    /** Points a builder buffers before it reduces them to its kept layers (bounds memory per partition). */
    static final int BATCH = 1 << 16;
    /** Runs this short are sorted by insertion. */
    static final int INSERTION_SORT_MAX = 24;
    /** Default reference point: nadir plus this fraction of the ideal-to-nadir range in each objective. */
    static final double REFERENCE_OFFSET = 0.1;
    /** Monte-Carlo hypervolume (more than 3 objectives): default number of samples. */
    static final int MC_SAMPLES = 1 << 18;
    /** Monte-Carlo hypervolume: samples per keyed random stream. */
    static final int MC_BLOCK = 1 << 12;

    private ParetoLimits() {
    }
}
