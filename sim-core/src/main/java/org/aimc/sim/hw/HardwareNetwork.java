package org.aimc.sim.hw;

import org.aimc.sim.domain.ChipKey;
import org.aimc.sim.domain.TileContext;
import org.aimc.sim.domain.TileSimulator;
import org.aimc.sim.nn.DenseLayer;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.MvmEngine;

/**
 * A quantised network programmed onto the tiles of one design point for one chip instance (tier B): the
 * engine {@link org.aimc.sim.nn.Network#forward} runs on to infer on hardware.
 *
 * <p><b>Mapping.</b> Layer l's integer weights ({@link QuantisedNetwork}) are cut into blocks of
 * {@code array.rows} rows × the tile's logical weight columns (the weight-stationary layout of the
 * network roll-up, {@code org.aimc.sim.eval.NetworkRollup}); each block is programmed onto its own
 * {@link TileSimulator}, which maps it to device levels (bit slices, differential pair or offset, as the
 * point's mapping says), samples its devices and draws its circuit mismatch. Tiles are numbered in layer,
 * row-block, column-block order; tile t of chip c is keyed {@code ChipKey(seed, point, c · 2^16 + t)}, so
 * every tile of every chip has independent static draws and the same chip has the same draws whenever it
 * is programmed again (at another time, with or without drift compensation).
 *
 * <p>Each layer's tiles are designed for that layer's operand statistics when the quantised network has
 * them ({@link QuantisedNetwork#operandData}: converter ranges, integrator headroom), else for the point's
 * {@code data} section.
 *
 * <p><b>One product.</b> The layer's inputs are quantised to codes ({@link QuantisedNetwork#inputCode}),
 * every row block's codes run through its tiles (one evaluation per call, temporal noise fresh per
 * evaluation), the tiles' outputs (integer units) of the row blocks are added digitally, and each output
 * is rescaled by {@link QuantisedNetwork#outputScale}. The bias and the activation are applied digitally
 * by the network. With ideal hardware every tile returns the exact integer sum, so the outputs equal
 * {@link QuantisedNetwork#digital()}'s bit for bit.
 *
 * <p>Evaluation numbers count the calls of each tile from 0, so the k-th batch sees the same normalised
 * temporal-noise draws at every time since programming (common random numbers across times).
 *
 * <p>Not thread-safe (the tiles hold scratch buffers and evaluation counters): one instance per thread.
 */
public final class HardwareNetwork implements MvmEngine {
    /** Tiles a network may use: the low 16 bits of a tile's chip-key instance. */
    public static final int MAX_TILES = 1 << 16;
    /** Chip instances: the instance of the chip-key is chip · 2^16 + tile, below 2^31. */
    public static final int MAX_CHIPS = 1 << 15;

    private final QuantisedNetwork q;
    private final HardwarePoint point;
    private final int chip;
    private final int tileRows;
    private final int tileCols;
    /** [layer][row block][column block]. */
    private final TileSimulator[][][] tiles;
    private final int tileCount;
    private final MvmErrorMeter meter;
    /** Per layer: int[batch][rows of block] input buffers of the last batch size, per row block. */
    private final int[][][][] inputBuffers;
    private final double[][][] outputBuffers;

    private HardwareNetwork(QuantisedNetwork q, HardwarePoint point, int chip, MvmErrorMeter meter) {
        TileContext c = point.context();
        if (q.weightBits() != c.spec.mapping().weightBits() || q.inputBits() != c.inputBits()) {
            throw new IllegalArgumentException("the network is quantised to " + q.weightBits() + "-bit weights and "
                    + q.inputBits() + "-bit inputs, the design point has mapping.weight_bits = "
                    + c.spec.mapping().weightBits() + " and dac.bits = " + c.inputBits());
        }
        if (chip < 0 || chip >= MAX_CHIPS) {
            throw new IllegalArgumentException("chip must be in [0, " + MAX_CHIPS + "), got " + chip);
        }
        this.q = q;
        this.point = point;
        this.chip = chip;
        this.meter = meter;
        this.tileRows = point.tileRows();
        this.tileCols = point.tileColumns();
        int depth = q.network().depth();
        this.tiles = new TileSimulator[depth][][];
        this.inputBuffers = new int[depth][][][];
        this.outputBuffers = new double[depth][][];
        int t = 0;
        for (int l = 0; l < depth; l++) {
            DenseLayer d = q.network().layer(l);
            int rb = blocks(d.in(), tileRows);
            int cb = blocks(d.out(), tileCols);
            if ((long) t + (long) rb * cb > MAX_TILES) {
                throw new IllegalArgumentException("the network needs more than " + MAX_TILES + " tiles of " + tileRows
                        + " x " + tileCols + " weights");
            }
            tiles[l] = new TileSimulator[rb][cb];
            HardwarePoint lp = point.withData(q.operandData(l, c.encoding(), point.spec().data(), tileRows));
            TileContext lc = lp.context();
            for (int r = 0; r < rb; r++) {
                int r0 = r * tileRows;
                int rows = Math.min(tileRows, d.in() - r0);
                for (int k = 0; k < cb; k++) {
                    int c0 = k * tileCols;
                    int cols = Math.min(tileCols, d.out() - c0);
                    ChipKey key = new ChipKey(point.seed(), point.index(), (long) chip * MAX_TILES + t);
                    tiles[l][r][k] = TileSimulator.program(lc, lp.domain(), q.weightBlock(l, r0, rows, c0, cols), key);
                    t++;
                }
            }
        }
        this.tileCount = t;
    }

    /**
     * Programs {@code q} onto the tiles of {@code point} for chip instance {@code chip}, at the point's time
     * since programming and drift-compensation setting.
     *
     * @throws IllegalArgumentException when the point's bits differ from the network's or the chip is out of
     *                                  range
     * @throws IllegalStateException    when the point is infeasible
     */
    public static HardwareNetwork program(QuantisedNetwork q, HardwarePoint point, int chip) {
        return new HardwareNetwork(q, point, chip, null);
    }

    /**
     * As {@link #program}, also measuring each layer's error against the exact quantised product and the
     * quantised product's error against the floating-point one over the first {@code meterVectors} input
     * vectors of each layer ({@link #errors()}).
     */
    public static HardwareNetwork programMetered(QuantisedNetwork q, HardwarePoint point, int chip,
            int meterVectors) {
        return new HardwareNetwork(q, point, chip, new MvmErrorMeter(q, meterVectors));
    }

    private static int blocks(int n, int size) {
        return (n + size - 1) / size;
    }

    public QuantisedNetwork quantised() {
        return q;
    }

    public HardwarePoint point() {
        return point;
    }

    public int chip() {
        return chip;
    }

    /** Number of tiles the network occupies. */
    public int tiles() {
        return tileCount;
    }

    /** The measured errors, or null when not metered. */
    public MvmErrorMeter errors() {
        return meter;
    }

    /**
     * Classifies {@code data} on this chip in batches of {@code batchSize}, as {@link
     * org.aimc.sim.nn.Network#classify}.
     *
     * @return the fraction classified correctly
     */
    public double classify(Examples data, int batchSize, int[] predictions) {
        return q.network().classify(data, this, batchSize, predictions);
    }

    @Override
    public void multiply(int layer, DenseLayer dense, double[] x, int batch, double[] y) {
        q.check(layer, dense);
        int in = dense.in();
        int out = dense.out();
        TileSimulator[][] lt = tiles[layer];
        int[][][] xin = inputs(layer, batch, in);
        for (int r = 0; r < lt.length; r++) {
            int r0 = r * tileRows;
            int[][] block = xin[r];
            for (int b = 0; b < batch; b++) {
                int[] v = block[b];
                int o = b * in + r0;
                for (int i = 0; i < v.length; i++) {
                    v[i] = q.inputCode(layer, x[o + i]);
                }
            }
        }
        java.util.Arrays.fill(y, 0, batch * out, 0.0);
        for (int k = 0; k < lt[0].length; k++) {
            int c0 = k * tileCols;
            double[][] yo = outputs(layer, batch);
            for (int r = 0; r < lt.length; r++) {
                TileSimulator tile = lt[r][k];
                tile.mvm(xin[r], yo);
                int cols = tile.cols();
                for (int b = 0; b < batch; b++) {
                    double[] src = yo[b];
                    int o = b * out + c0;
                    for (int j = 0; j < cols; j++) {
                        y[o + j] += src[j];
                    }
                }
            }
        }
        if (meter != null) {
            meter.record(layer, dense, x, batch, y);
        }
        q.rescale(layer, batch, y);
    }

    /** The per-row-block input buffers of layer l for {@code batch} vectors (reallocated when the batch changes). */
    private int[][][] inputs(int layer, int batch, int in) {
        int[][][] buf = inputBuffers[layer];
        if (buf == null || buf[0].length != batch) {
            int rb = tiles[layer].length;
            buf = new int[rb][batch][];
            for (int r = 0; r < rb; r++) {
                int rows = Math.min(tileRows, in - r * tileRows);
                for (int b = 0; b < batch; b++) {
                    buf[r][b] = new int[rows];
                }
            }
            inputBuffers[layer] = buf;
        }
        return buf;
    }

    private double[][] outputs(int layer, int batch) {
        double[][] buf = outputBuffers[layer];
        if (buf == null || buf.length != batch) {
            buf = new double[batch][tileCols];
            outputBuffers[layer] = buf;
        }
        return buf;
    }
}
