package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.List;

/**
 * The array of one tile.
 *
 * @param rows                  storage word lines (weight rows the tile holds), 1..65536
 * @param cols                  physical bit lines (device columns), 1..65536
 * @param access                cell access structure: {@code 1T1R}, {@code 0T1R} (selector-less) or {@code 1S1R}
 * @param wireOhm               resistance of one wire segment between neighbouring cells, in ohm
 * @param weightsPerComputeCell local weight multiplexing: k storage cells along a column share one compute
 *                              element (capacitor, ladder node), a local mux selecting which stored weight
 *                              computes; one evaluation uses ceil(rows / k) compute rows (Wang et al., IEEE
 *                              JSSC 2023: 8k weights, 2k MACs per cycle, k = 4). 1..64, 1 = no multiplexing
 */
public record ArraySpec(int rows, int cols, String access, double wireOhm, int weightsPerComputeCell)
        implements Serializable {
    public static final List<String> ACCESS = List.of("1T1R", "0T1R", "1S1R");
    public static final int MAX_LINES = 65536;
    /** Largest number of storage cells sharing one compute element. */
    public static final int MAX_WEIGHTS_PER_COMPUTE_CELL = 64;

    public ArraySpec {
        Checks.intIn("rows", rows, 1, MAX_LINES);
        Checks.intIn("cols", cols, 1, MAX_LINES);
        Checks.oneOf("access", access, ACCESS);
        Checks.finiteIn("wire_ohm", wireOhm, 0, 1e6);
        Checks.intIn("weights_per_compute_cell", weightsPerComputeCell, 1, MAX_WEIGHTS_PER_COMPUTE_CELL);
    }

    /** An array without local weight multiplexing (one storage cell per compute element). */
    public ArraySpec(int rows, int cols, String access, double wireOhm) {
        this(rows, cols, access, wireOhm, 1);
    }

    /**
     * Rows that compute in one evaluation: ceil(rows / weights_per_compute_cell) (the last group may hold
     * fewer stored weights). Equals {@link #rows} without multiplexing.
     */
    public int computeRows() {
        return (rows + weightsPerComputeCell - 1) / weightsPerComputeCell;
    }

    public ArraySpec withRows(int v) {
        return new ArraySpec(v, cols, access, wireOhm, weightsPerComputeCell);
    }

    public ArraySpec withCols(int v) {
        return new ArraySpec(rows, v, access, wireOhm, weightsPerComputeCell);
    }

    public ArraySpec withAccess(String v) {
        return new ArraySpec(rows, cols, v, wireOhm, weightsPerComputeCell);
    }

    public ArraySpec withWireOhm(double v) {
        return new ArraySpec(rows, cols, access, v, weightsPerComputeCell);
    }

    public ArraySpec withWeightsPerComputeCell(int v) {
        return new ArraySpec(rows, cols, access, wireOhm, v);
    }
}
