package org.aimc.sim.eval;

import org.aimc.sim.domain.DomainModel;
import org.aimc.sim.domain.TileContext;
import org.aimc.sim.domain.TileCost;
import org.aimc.sim.spec.LayerSpec;
import org.aimc.sim.spec.WorkloadSpec;

/**
 * A workload on the tiles of one design point, weight-stationary: every layer's weights resident on their
 * own tiles (rows split into ceil(fan_in / rows) blocks, outputs into ceil(fan_out / weight columns)
 * blocks). Energy sums the exact cost of each tile at its utilisation plus the digital accumulation of
 * partial sums across row blocks; latency is layer-serial with the tiles of a layer working in parallel;
 * chip area is the tiles' area.
 */
public final class NetworkRollup {
    public long tiles;
    public double energyJ;
    public double latencyS;
    public double areaM2;
    public double macs;

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
        int wc = c.weightColumns();
        tiles = 0;
        memoSize = 0;
        energyJ = 0;
        latencyS = 0;
        macs = 0;
        double addBit = c.tech.addBitEnergyJ();
        int precision = c.spec.mapping().weightBits() + c.inputBits();
        for (LayerSpec l : w.layers()) {
            long rb = (l.fanIn() + rows - 1) / rows;
            long cb = (l.fanOut() + wc - 1) / wc;
            tiles += rb * cb;
            int lastRows = (int) (l.fanIn() - (rb - 1) * rows);
            int lastCols = (int) (l.fanOut() - (cb - 1) * wc);
            double e = (rb - 1) * (cb - 1) * tileEnergy(c, domain, rows, wc)
                    + (rb - 1) * tileEnergy(c, domain, rows, lastCols)
                    + (cb - 1) * tileEnergy(c, domain, lastRows, wc)
                    + tileEnergy(c, domain, lastRows, lastCols);
            // partial sums of the row blocks added digitally at full dot-product width
            int width = precision + 64 - Long.numberOfLeadingZeros(l.fanIn());
            double accumulate = (rb - 1) * (double) l.fanOut() * width * addBit;
            energyJ += (e + accumulate) * l.mvms();
            latencyS += l.mvms() * tileLatencyS;
            macs += l.macs();
        }
        areaM2 = tiles * tileAreaM2;
        return this;
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
