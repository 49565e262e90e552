package org.aimc.sim.domain;

import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The behavioural (tier B) simulator of one tile of one chip instance, the API the hardware-mapped
 * inference calls per layer: create it once per (tile, chip) with the integer weights — the devices are
 * programmed and every static draw is made then, keyed by {@link ChipKey} — and run batches of input
 * vectors through it; temporal noise (device reads, kT/C, jitter, comparators) is fresh per evaluation.
 *
 * <p>Weights are {@code [row][column]} (row = input), integers in [-Q, Q] of the point's weight bits, at
 * most the tile's rows and logical weight columns. Inputs are {@code [vector][row]}, integers in
 * [0, 2^B - 1] of the point's input bits. Outputs estimate y_j = sum_i W_ij x_i in the same integer units.
 */
public final class TileSimulator {
    private final TileBehaviour behaviour;
    private final ChipKey key;
    private final int rows;
    private final int cols;
    private final int xMax;
    private long evaluations;

    private TileSimulator(TileBehaviour behaviour, ChipKey key, int rows, int cols, int xMax) {
        this.behaviour = behaviour;
        this.key = key;
        this.rows = rows;
        this.cols = cols;
        this.xMax = xMax;
    }

    /**
     * Programs a tile of design point {@code c} in {@code domain} with {@code weights} for chip {@code key}.
     *
     * @throws IllegalArgumentException when the point is infeasible (with the reason), or the weights do not
     *                                  fit the tile or the weight precision
     */
    public static TileSimulator program(TileContext c, DomainModel domain, int[][] weights, ChipKey key) {
        String why = domain.infeasibility(c);
        if (why != null) {
            throw new IllegalArgumentException("infeasible design point: " + why);
        }
        int r = weights.length;
        int k = r == 0 ? 0 : weights[0].length;
        // one evaluation: with local weight multiplexing, the compute rows the mux has connected
        if (r < 1 || r > c.computeRows()) {
            throw new IllegalArgumentException("weights have " + r + " rows; the tile computes 1.." + c.computeRows()
                    + " rows per evaluation");
        }
        if (k < 1 || k > c.weightColumns()) {
            throw new IllegalArgumentException("weights have " + k + " columns; the tile holds 1.." + c.weightColumns()
                    + " weight columns");
        }
        return new TileSimulator(domain.behaviour(c, weights, key), key, r, k, c.operands.xMax());
    }

    /**
     * The temporal-noise sampler of one purpose and evaluation: a XoRoShiRo128++ generator (twice as fast as
     * Philox for the millions of draws of a batch) seeded by two words of the keyed Philox stream, so the
     * draws stay a pure function of (seed, point, purpose, chip, evaluation).
     */
    private ZigguratSampler.NormalizedGaussian noise(Purpose p, long evaluation) {
        var keyed = key.stream(p, evaluation);
        return ZigguratSampler.NormalizedGaussian.of(
                RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {keyed.nextLong(), keyed.nextLong()}));
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Runs the next evaluation (evaluations are numbered from 0 in call order). See {@link #mvm(int[][], double[][], long)}. */
    public void mvm(int[][] inputs, double[][] out) {
        mvm(inputs, out, evaluations++);
    }

    /**
     * One MVM per input vector, with the temporal noise of evaluation number {@code evaluation}. Reads
     * {@code inputs}; overwrites {@code out[v][0..cols)} for every vector v.
     */
    public void mvm(int[][] inputs, double[][] out, long evaluation) {
        if (out.length < inputs.length) {
            throw new IllegalArgumentException(inputs.length + " input vectors but " + out.length + " output rows");
        }
        for (int v = 0; v < inputs.length; v++) {
            int[] x = inputs[v];
            if (x.length != rows) {
                throw new IllegalArgumentException("input vector " + v + " has " + x.length + " entries; the tile has "
                        + rows + " rows");
            }
            if (out[v].length < cols) {
                throw new IllegalArgumentException("output row " + v + " has " + out[v].length + " entries; need " + cols);
            }
            for (int i = 0; i < rows; i++) {
                if (x[i] < 0 || x[i] > xMax) {
                    throw new IllegalArgumentException("input [" + v + "][" + i + "] = " + x[i] + " outside [0, " + xMax
                            + "]");
                }
            }
        }
        behaviour.run(inputs, out, noise(Purpose.READ_NOISE, evaluation), noise(Purpose.CIRCUIT_NOISE, evaluation));
    }
}
