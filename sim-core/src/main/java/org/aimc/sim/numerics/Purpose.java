package org.aimc.sim.numerics;

/**
 * Stable ids of what random numbers are used for. The numbers are part of every stored result's
 * reproducibility: never renumber, never reuse a retired id.
 */
public enum Purpose {
    /** Programming error of device conductances, drawn once per chip instance. */
    PROGRAMMING(1),
    /** Drift exponents and other per-device static draws of the time behaviour. */
    DRIFT(2),
    /** Read noise, fresh per evaluation. */
    READ_NOISE(3),
    /** Stuck-at fault map, drawn once per chip instance. */
    STUCK_AT(4),
    /** Circuit mismatch (capacitors, transistors, converters), drawn once per chip instance. */
    CIRCUIT_MISMATCH(5),
    /** Circuit temporal noise (kT/C, jitter, comparator), fresh per evaluation. */
    CIRCUIT_NOISE(6),
    /** Synthetic weights and inputs of test and validation tiles. */
    DATA(7),
    /** Training: initialisation, shuffling, injected noise. */
    TRAINING(8),
    /** Monte-Carlo hypervolume samples of a Pareto front (more than three objectives). */
    HYPERVOLUME(9);

    private final int id;

    Purpose(int id) {
        this.id = id;
    }

    /** The stable numeric id mixed into the stream key. */
    public int id() {
        return id;
    }
}
