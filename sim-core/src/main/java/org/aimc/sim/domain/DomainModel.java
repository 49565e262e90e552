package org.aimc.sim.domain;

import org.aimc.sim.accuracy.ErrorBudget;

/**
 * A compute domain with fixed circuit parameters: its feasibility, its cost and analytic error budget
 * (tier A) and its sampled behaviour on a programmed tile (tier B). Implementations are stateless and
 * thread-safe; hot-path methods write into caller-owned outputs.
 */
public interface DomainModel {
    /**
     * Why this design point cannot be built in this domain, or null when it can. A pairing that cannot
     * work is a result row with the reason, never an exception.
     */
    String infeasibility(TileContext c);

    /**
     * Cost of one MVM of the tile with {@code activeRows} driven rows and {@code activeWeightColumns}
     * logical weight columns in use (the tile's area is always the whole tile). Overwrites {@code out}. With
     * local weight multiplexing this is one evaluation: {@code activeRows} counts compute rows, at most
     * {@link TileContext#computeRows()}.
     */
    void cost(TileContext c, int activeRows, int activeWeightColumns, TileCost out);

    /**
     * Energy of one MVM with {@code activeRows} rows and {@code activeWeightColumns} weight columns in use:
     * {@code cost(...).energyJ()}. Domains may compute it without the latency and area (the network
     * roll-up calls it for every partially used tile). {@code scratch} may be overwritten.
     */
    default double energyJ(TileContext c, int activeRows, int activeWeightColumns, TileCost scratch) {
        cost(c, activeRows, activeWeightColumns, scratch);
        return scratch.energyJ();
    }

    /**
     * Whether this domain's error budget ({@link #errors}) of point {@code p} can change with the value of
     * the spec path {@code path} (a {@link org.aimc.sim.spec.SpecPaths} name). The evaluator shares one
     * budget among points that differ only in paths answered {@code false}; answer {@code false} only for
     * paths the budget never reads (a property test checks every answer). Default: {@code true}, except
     * for the ADC multiplexing factor, which no analytic readout reads.
     */
    default boolean errorsDependOn(String path, org.aimc.sim.spec.PointSpec p) {
        return !path.equals("adc.columns_per_adc");
    }

    /** Output-error budget of one column of a fully used tile. Adds to {@code out}. */
    void errors(TileContext c, ErrorBudget out);

    /**
     * Tier B: programs a tile with {@code weights} ([row][column]) for chip {@code key} and returns its
     * sampled behaviour. Callers go through {@link TileSimulator}, which checks feasibility and shapes.
     */
    TileBehaviour behaviour(TileContext c, int[][] weights, ChipKey key);
}
