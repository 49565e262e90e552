package org.aimc.sim.eval;

import org.aimc.sim.domain.DomainModel;
import org.aimc.sim.domain.TileContext;
import org.aimc.sim.domain.TileCost;
import org.aimc.sim.peripheral.ShiftAdd;
import org.aimc.sim.spec.LayerSpec;
import org.aimc.sim.spec.WorkloadSpec;

/**
 * A workload on the tiles of one design point, weight-stationary: every layer's weights resident on their
 * own tiles. A layer of fan_in x fan_out (a convolution unrolled by im2col: fan_in = in_channels x k x k,
 * one MVM per output pixel) takes ceil(fan_in / rows) row blocks x ceil(fan_out / weight columns) column
 * blocks, the weight columns of a tile being its physical columns over the mapping's columns per weight
 * (weight slices x devices per slice); input slicing (bit-serial cycles) and column multiplexing (columns
 * per ADC) are inside each tile's cost.
 * With local weight multiplexing (array.weights_per_compute_cell = k) a tile stores rows x weight columns
 * weights but computes ceil(rows / k) rows per evaluation: a layer needs fewer tiles, and each tile's MVM is
 * k evaluations of its active sub-array (their partial sums added digitally like those of row blocks).
 * <ul>
 *   <li>Energy sums, per layer and MVM, the exact cost of each tile at its utilisation (full tiles, the
 *       last row block, the last column block, the corner) plus the digital accumulation of the partial
 *       sums of the row blocks at full dot-product width (one adder bit per bit of width).</li>
 *   <li>Latency: layer-serial ({@link #latencyS}: the layers one after the other, the tiles of a layer in
 *       parallel, each MVM one tile latency) and layer-pipelined ({@link #latencyPipelinedS}: every layer on
 *       its own tiles working on successive inferences, so in steady state one inference leaves the chip per
 *       busy time of the slowest layer, max over layers of MVMs x tile latency).</li>
 *   <li>Chip area: the tiles plus the partial-sum accumulators of layers split over several row blocks
 *       (one accumulator of the dot-product width per output column of such a layer).</li>
 *   <li>Utilisation: weights held / weight positions of the tiles (rows x weight columns x tiles).</li>
 * </ul>
 */
public final class NetworkRollup {
    public long tiles;
    public double energyJ;
    /** Layer-serial latency per inference, s. */
    public double latencyS;
    /** Steady-state time per inference of a layer-pipelined chip, s. */
    public double latencyPipelinedS;
    public double areaM2;
    public double macs;
    /** Fraction of the tiles' weight positions that hold a weight. */
    public double utilization;
    /** Energy of each layer per inference, J, in workload order (valid up to the layer count). */
    public double[] layerEnergyJ = new double[8];
    /** Area of the partial-sum accumulators, m^2 (included in {@link #areaM2}). */
    public double accumulatorAreaM2;

    private final TileCost scratch = new TileCost();
    /** Energies already computed for this point, by (rows, columns): layers often share tile shapes. */
    private int[] memoRows = new int[16];
    private int[] memoCols = new int[16];
    private double[] memoEnergy = new double[16];
    private int memoSize;

    /** Rolls the workload up on {@code c}'s tiles. Overwrites this object's fields. */
    public NetworkRollup compute(WorkloadSpec w, TileContext c, DomainModel domain, double tileAreaM2,
            double tileLatencyS) {
        int rows = c.spec.array().rows();
        int computeRows = c.computeRows();
        int wc = c.weightColumns();
        tiles = 0;
        memoSize = 0;
        energyJ = 0;
        latencyS = 0;
        latencyPipelinedS = 0;
        macs = 0;
        accumulatorAreaM2 = 0;
        double weights = 0;
        double addBit = c.tech.addBitEnergyJ();
        int precision = c.spec.mapping().weightBits() + c.inputBits();
        java.util.List<LayerSpec> layers = w.layers();
        if (layerEnergyJ.length < layers.size()) {
            layerEnergyJ = new double[layers.size()];
        }
        for (int li = 0; li < layers.size(); li++) {
            LayerSpec l = layers.get(li);
            long rb = (l.fanIn() + rows - 1) / rows;
            long cb = (l.fanOut() + wc - 1) / wc;
            tiles += rb * cb;
            int lastRows = (int) (l.fanIn() - (rb - 1) * rows);
            int lastCols = (int) (l.fanOut() - (cb - 1) * wc);
            double e = (rb - 1) * (cb - 1) * blockEnergy(c, domain, rows, computeRows, wc)
                    + (rb - 1) * blockEnergy(c, domain, rows, computeRows, lastCols)
                    + (cb - 1) * blockEnergy(c, domain, lastRows, computeRows, wc)
                    + blockEnergy(c, domain, lastRows, computeRows, lastCols);
            // evaluations of one tile per MVM: its stored rows in groups of compute rows (1 without local
            // weight multiplexing); the layer's tiles run in parallel, so its widest row block sets the time
            int evals = evaluations(rb > 1 ? rows : lastRows, computeRows);
            long partials = (rb - 1) * evaluations(rows, computeRows) + evaluations(lastRows, computeRows);
            // partial sums of the row blocks (and of each block's evaluations) added digitally at full
            // dot-product width
            int width = precision + 64 - Long.numberOfLeadingZeros(l.fanIn());
            double accumulate = (partials - 1) * (double) l.fanOut() * width * addBit;
            if (partials > 1) {
                accumulatorAreaM2 += l.fanOut() * ShiftAdd.areaM2(width, c.tech);
            }
            layerEnergyJ[li] = (e + accumulate) * l.mvms();
            energyJ += layerEnergyJ[li];
            double busy = l.mvms() * tileLatencyS * evals;
            latencyS += busy;
            latencyPipelinedS = Math.max(latencyPipelinedS, busy);
            macs += l.macs();
            weights += (double) l.fanIn() * l.fanOut();
        }
        areaM2 = tiles * tileAreaM2 + accumulatorAreaM2;
        utilization = weights / ((double) tiles * rows * wc);
        return this;
    }

    /** Evaluations of a tile whose {@code storedRows} rows compute {@code computeRows} at a time. */
    static int evaluations(int storedRows, int computeRows) {
        return (storedRows + computeRows - 1) / computeRows;
    }

    /**
     * Energy of one MVM of a row block of {@code storedRows} stored rows on one tile: its full groups of
     * {@code computeRows} compute rows and the remainder, each one evaluation ({@link DomainModel#energyJ});
     * without local weight multiplexing the block is one evaluation of its rows.
     */
    private double blockEnergy(TileContext c, DomainModel domain, int storedRows, int computeRows, int cols) {
        int full = storedRows / computeRows;
        int rest = storedRows - full * computeRows;
        double e = full == 0 ? 0 : full * tileEnergy(c, domain, computeRows, cols);
        return rest == 0 ? e : e + tileEnergy(c, domain, rest, cols);
    }

    private double tileEnergy(TileContext c, DomainModel domain, int rows, int cols) {
        for (int i = 0; i < memoSize; i++) {
            if (memoRows[i] == rows && memoCols[i] == cols) {
                return memoEnergy[i];
            }
        }
        double e = domain.energyJ(c, rows, cols, scratch);
        if (memoSize == memoRows.length) {
            memoRows = java.util.Arrays.copyOf(memoRows, 2 * memoSize);
            memoCols = java.util.Arrays.copyOf(memoCols, 2 * memoSize);
            memoEnergy = java.util.Arrays.copyOf(memoEnergy, 2 * memoSize);
        }
        memoRows[memoSize] = rows;
        memoCols[memoSize] = cols;
        memoEnergy[memoSize++] = e;
        return e;
    }
}
