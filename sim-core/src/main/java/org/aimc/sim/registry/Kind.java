package org.aimc.sim.registry;

/**
 * A pluggable kind (a memory type, a compute domain, a converter). Its {@link #id()} is stable: it is
 * written into every result row, never reused and never replaced by an ordinal.
 */
public interface Kind {
    /** Stable lower-case id, e.g. {@code pcm} or {@code charge-redistribution}. */
    String id();

    /** One line for help texts and the README. */
    String description();
}
