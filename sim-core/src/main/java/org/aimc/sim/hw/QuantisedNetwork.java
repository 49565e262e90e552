package org.aimc.sim.hw;

import java.util.Arrays;
import org.aimc.sim.nn.DenseLayer;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;
import org.aimc.sim.nn.SignalStatistics;
import org.aimc.sim.accuracy.WorkloadSignal;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.spec.DataSpec;

/**
 * A trained network's operands as the hardware sees them: integer weights of {@code weightBits} bits
 * (sign included) and unsigned integer inputs of {@code inputBits} bits, with the digital scales that turn
 * the integer products back into the network's units. Immutable once built; shared by every chip instance.
 *
 * <p><b>Weight scale rule (per output column).</b> Column j of layer l has scale
 * {@code s_j = max_k |W[k, j]| / Q}, Q = 2^(weightBits - 1) - 1, and integer weights
 * {@code w[k, j] = round(W[k, j] / s_j)} (half away from zero), which lie in [-Q, Q] without clipping; an
 * all-zero column has s_j = 1. Per-column scaling is the column-wise weight scaling of aihwkit's
 * {@code StandardHWATrainingPreset} (physics.md §8.1): the rescale is one digital multiply per output, which
 * the readout needs anyway.
 *
 * <p><b>Activation range rule (per layer).</b> The input of layer l is clipped to [0, c_l] and quantised
 * to {@code x = round(a / Δ_l)} in [0, x_max], x_max = 2^inputBits - 1, Δ_l = c_l / x_max. Inputs are
 * unsigned: the first layer's are pixel intensities, the others ReLU outputs; a negative value clips to 0.
 * The clip levels c_l come from {@link ActivationRanges} (calibrated on training data) or are given.
 *
 * <p>The product of layer l is then {@code y_j ≈ Δ_l s_j Σ_k x_k w[k, j]}: the integer sum is what the
 * tiles compute, {@link #outputScale} the digital rescale. {@link #digital()} is the exact integer product
 * through the same rescale, the reference that ideal hardware reproduces exactly.
 *
 * <p><b>Operand statistics (per layer).</b> A network built by {@link #calibrated} also knows each layer's
 * operand statistics on the calibration (training) examples ({@link LayerStatistics}); the tiles of that layer
 * are then designed for them — converter ranges ({@code adc.full_scale}), integrator headroom and the like
 * follow the statistics of the layer's own signal, as a designer sets them per layer — through the point's
 * operand model fitted to them ({@link #operandData}).
 */
public final class QuantisedNetwork {
    private final Network network;
    private final int weightBits;
    private final int inputBits;
    private final int xMax;
    private final double[] clip;
    private final double[] inputStep;
    private final double[] invStep;
    /** Per layer, the integer weights [k * out + j] as exact doubles. */
    private final double[][] weights;
    /** Per layer and output column: Δ_l s_j. */
    private final double[][] outScale;
    private final DenseLayer[] integerLayers;
    /** Per layer, the measured operand statistics, or null. */
    private final LayerStatistics[] statistics;
    /** The network's signal correlation, or null. */
    private final WorkloadSignal signal;

    private QuantisedNetwork(Network network, int weightBits, int inputBits, double[] clip) {
        this(network, weightBits, inputBits, clip, null);
    }

    private QuantisedNetwork(QuantisedNetwork q, LayerStatistics[] statistics, WorkloadSignal signal) {
        this.network = q.network;
        this.weightBits = q.weightBits;
        this.inputBits = q.inputBits;
        this.xMax = q.xMax;
        this.clip = q.clip;
        this.inputStep = q.inputStep;
        this.invStep = q.invStep;
        this.weights = q.weights;
        this.outScale = q.outScale;
        this.integerLayers = q.integerLayers;
        this.statistics = statistics;
        this.signal = signal;
    }

    private QuantisedNetwork(Network network, int weightBits, int inputBits, double[] clip,
            LayerStatistics[] statistics) {
        this.statistics = statistics;
        this.signal = null;
        this.network = network;
        this.weightBits = weightBits;
        this.inputBits = inputBits;
        this.xMax = (1 << inputBits) - 1;
        int depth = network.depth();
        this.clip = clip.clone();
        this.inputStep = new double[depth];
        this.invStep = new double[depth];
        this.weights = new double[depth][];
        this.outScale = new double[depth][];
        this.integerLayers = new DenseLayer[depth];
        int q = (1 << (weightBits - 1)) - 1;
        for (int l = 0; l < depth; l++) {
            DenseLayer d = network.layer(l);
            inputStep[l] = clip[l] / xMax;
            invStep[l] = xMax / clip[l];
            int in = d.in();
            int out = d.out();
            double[] w = d.weights();
            double[] wq = new double[w.length];
            double[] scale = new double[out];
            for (int j = 0; j < out; j++) {
                double max = 0;
                for (int k = 0; k < in; k++) {
                    max = Math.max(max, Math.abs(w[k * out + j]));
                }
                double s = max > 0 ? max / q : 1;
                scale[j] = s;
                for (int k = 0; k < in; k++) {
                    double v = Math.round(Math.abs(w[k * out + j]) / s);
                    wq[k * out + j] = Math.copySign(Math.min(v, q), w[k * out + j]);
                }
            }
            double[] os = new double[out];
            for (int j = 0; j < out; j++) {
                os[j] = inputStep[l] * scale[j];
            }
            weights[l] = wq;
            outScale[l] = os;
            integerLayers[l] = new DenseLayer(in, out, wq, new double[out]);
        }
    }

    /**
     * Quantises {@code network} (not copied: it must not change afterwards).
     *
     * @param weightBits weight precision including the sign, 2..16
     * @param inputBits  input precision, 1..16
     * @param inputClip  clip level c_l > 0 of each layer's input ({@link ActivationRanges#calibrate})
     */
    public static QuantisedNetwork of(Network network, int weightBits, int inputBits, double[] inputClip) {
        if (weightBits < 2 || weightBits > 16) {
            throw new IllegalArgumentException("weight bits must be in [2, 16], got " + weightBits);
        }
        if (inputBits < 1 || inputBits > 16) {
            throw new IllegalArgumentException("input bits must be in [1, 16], got " + inputBits);
        }
        if (inputClip.length != network.depth()) {
            throw new IllegalArgumentException("need one input clip level per layer (" + network.depth() + "), got "
                    + inputClip.length);
        }
        for (int l = 0; l < inputClip.length; l++) {
            if (!(inputClip[l] > 0) || Double.isInfinite(inputClip[l])) {
                throw new IllegalArgumentException("input clip of layer " + l + " must be positive and finite, got "
                        + inputClip[l]);
            }
        }
        return new QuantisedNetwork(network, weightBits, inputBits, inputClip);
    }

    /**
     * Quantises {@code network} with activation ranges calibrated on the first {@code count} examples of
     * {@code training} ({@link ActivationRanges#calibrate}) and measures every layer's operand statistics
     * ({@link LayerStatistics}) and the network's signal correlation ({@link SignalStatistics}) on the same
     * examples.
     */
    public static QuantisedNetwork calibrated(Network network, int weightBits, int inputBits, Examples training,
            int count) {
        QuantisedNetwork q = of(network, weightBits, inputBits,
                ActivationRanges.calibrate(network, training, count, inputBits));
        return new QuantisedNetwork(q, LayerStatistics.measure(q, training, count),
                SignalStatistics.measure(network, training, count));
    }

    /**
     * As {@link #of(Network, int, int, double[])}, with operand statistics measured before (by
     * {@link #calibrated} with the same network, precisions and clip levels; one per layer).
     */
    public static QuantisedNetwork of(Network network, int weightBits, int inputBits, double[] inputClip,
            LayerStatistics[] statistics, WorkloadSignal signal) {
        if (statistics.length != network.depth()) {
            throw new IllegalArgumentException("need statistics of every layer (" + network.depth() + "), got "
                    + statistics.length);
        }
        for (LayerStatistics st : statistics) {
            if (st.inputBits() != inputBits) {
                throw new IllegalArgumentException("statistics of " + st.inputBits() + "-bit inputs for a network "
                        + "of " + inputBits + "-bit inputs");
            }
        }
        if (signal.layers().size() != network.depth()) {
            throw new IllegalArgumentException("need the signal statistics of every layer (" + network.depth()
                    + "), got " + signal.layers().size());
        }
        return new QuantisedNetwork(of(network, weightBits, inputBits, inputClip), statistics.clone(), signal);
    }

    /** The measured operand statistics of layer l, or null when the network was built without them. */
    public LayerStatistics statistics(int layer) {
        return statistics == null ? null : statistics[layer];
    }

    /** The network's signal statistics, or null when the network was built without them. */
    public WorkloadSignal signal() {
        return signal;
    }

    /**
     * The operand model of layer l's tiles of {@code tileRows} rows: {@code base} (the design point's
     * {@code data} section) when no statistics were measured, else the point's model fitted to the layer
     * ({@link LayerStatistics#fit}).
     */
    public DataSpec operandData(int layer, Encoding encoding, DataSpec base, int tileRows) {
        if (statistics == null) {
            return base;
        }
        WorkloadSignal.Layer s = signal.layers().get(layer);
        return statistics[layer].fit(encoding, s.kappa(Math.min(tileRows, s.fanIn())), weightBits);
    }

    /** The floating-point network (shapes, biases). */
    public Network network() {
        return network;
    }

    public int weightBits() {
        return weightBits;
    }

    public int inputBits() {
        return inputBits;
    }

    /** Largest input code, 2^inputBits - 1. */
    public int inputMax() {
        return xMax;
    }

    /** Clip level c_l of layer l's input. */
    public double inputClip(int layer) {
        return clip[layer];
    }

    /** Clip levels of every layer (a copy). */
    public double[] inputClips() {
        return clip.clone();
    }

    /** Integer weight w[k, j] of layer l. */
    public int weight(int layer, int k, int j) {
        return (int) weights[layer][k * network.layer(layer).out() + j];
    }

    /** The integer weights of rows [r0, r0 + rows) and columns [c0, c0 + cols) of layer l, [row][column]. */
    public int[][] weightBlock(int layer, int r0, int rows, int c0, int cols) {
        int out = network.layer(layer).out();
        double[] w = weights[layer];
        int[][] b = new int[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                b[i][j] = (int) w[(r0 + i) * out + c0 + j];
            }
        }
        return b;
    }

    /** The input code of activation {@code a} of layer l: round(a / Δ_l) clipped to [0, x_max]. */
    public int inputCode(int layer, double a) {
        double v = a * invStep[layer];
        if (!(v > 0)) {
            return 0;
        }
        return v >= xMax ? xMax : (int) Math.round(v);
    }

    /** Δ_l s_j: the digital rescale of output j of layer l from integer units. */
    public double outputScale(int layer, int j) {
        return outScale[layer][j];
    }

    /**
     * The exact product of the quantised operands, rescaled: {@code y_j = Δ_l s_j Σ_k x_k w[k, j]} (integer
     * sums in double precision, exact below 2^53). Stateless and thread-safe.
     */
    public MvmEngine digital() {
        return this::multiplyQuantised;
    }

    private void multiplyQuantised(int layer, DenseLayer dense, double[] x, int batch, double[] y) {
        check(layer, dense);
        int in = dense.in();
        double[] xq = new double[batch * in];
        quantise(layer, x, batch * in, xq);
        integerProduct(layer, xq, batch, y);
        rescale(layer, batch, y);
    }

    /** Codes of the first {@code n} activations of layer l's input {@code x} into {@code out} (as doubles). */
    void quantise(int layer, double[] x, int n, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = inputCode(layer, x[i]);
        }
    }

    /** The exact integer products of codes {@code xq} with layer l's integer weights into {@code y}. */
    void integerProduct(int layer, double[] xq, int batch, double[] y) {
        MvmEngine.DIGITAL.multiply(layer, integerLayers[layer], xq, batch, y);
    }

    /** Multiplies each output of a batch of integer products by its {@link #outputScale}, in place. */
    void rescale(int layer, int batch, double[] y) {
        double[] s = outScale[layer];
        int out = s.length;
        for (int b = 0; b < batch; b++) {
            int o = b * out;
            for (int j = 0; j < out; j++) {
                y[o + j] *= s[j];
            }
        }
    }

    /** Checks that {@code dense} is layer {@code layer} of this network. */
    void check(int layer, DenseLayer dense) {
        if (layer < 0 || layer >= network.depth() || network.layer(layer) != dense) {
            throw new IllegalArgumentException("layer " + layer + " is not a layer of the quantised network ("
                    + network.depth() + " layers)");
        }
    }

    @Override
    public String toString() {
        return "QuantisedNetwork" + Arrays.toString(network.sizes()) + " w" + weightBits + " x" + inputBits
                + " clips " + Arrays.toString(clip);
    }
}
