package org.aimc.sim.hw;

import org.aimc.sim.nn.DenseLayer;
import org.aimc.sim.nn.MvmEngine;

/**
 * Measured relative errors of a hardware network's products, per layer, in the two parts the tier-A
 * surrogate separates:
 * <ul>
 * <li>{@link #mvmRelError(int)}: the hardware's integer outputs against the exact product of the same
 * quantised operands, {@code sqrt(Σ (y_hw - y_q)² / Σ y_q²)} over every output of the metered vectors — the
 * measured counterpart of the {@code mvm_rel_error} column (physics.md §7);</li>
 * <li>{@link #operandRelError(int)}: the exact quantised product (rescaled) against the floating-point
 * product of the same layer input, {@code sqrt(Σ (s y_q - y_f)² / Σ y_f²)} — the counterpart of
 * {@code operand_rel_error}.</li>
 * </ul>
 * and, as the tier-A budget does ({@link org.aimc.sim.accuracy.ErrorBudget#effectiveRelativeError}), the
 * layer's gain {@code g = Σ (y_hw - y_q) y_q / Σ y_q²} ({@link #mvmGain(int)}) and the error left once it is
 * set aside, {@code sqrt((Σ e² - g Σ e y_q) / Σ y_q²) / (1 + g)} ({@link #mvmRelErrorEffective(int)}).
 * Only the first {@code maxVectors} input vectors of each layer are metered (the error is a mean over many
 * outputs; a subset estimates it). Sums are over all outputs and vectors of a layer, in call order. Not
 * thread-safe.
 */
public final class MvmErrorMeter {
    private final QuantisedNetwork q;
    private final int maxVectors;
    private final long[] vectors;
    private final double[] errSq;
    private final double[] errRef;
    private final double[] refSq;
    private final double[] opErrSq;
    private final double[] floatSq;

    MvmErrorMeter(QuantisedNetwork q, int maxVectors) {
        if (maxVectors < 1) {
            throw new IllegalArgumentException("meter vectors must be >= 1, got " + maxVectors);
        }
        int depth = q.network().depth();
        this.q = q;
        this.maxVectors = maxVectors;
        this.vectors = new long[depth];
        this.errSq = new double[depth];
        this.errRef = new double[depth];
        this.refSq = new double[depth];
        this.opErrSq = new double[depth];
        this.floatSq = new double[depth];
    }

    /**
     * Records a batch of layer l: float inputs {@code x} and the hardware's outputs {@code yHw} in integer
     * units (before the rescale). Reads both.
     */
    void record(int layer, DenseLayer dense, double[] x, int batch, double[] yHw) {
        long left = maxVectors - vectors[layer];
        if (left <= 0) {
            return;
        }
        int n = (int) Math.min(batch, left);
        int in = dense.in();
        int out = dense.out();
        double[] xq = new double[n * in];
        q.quantise(layer, x, n * in, xq);
        double[] yq = new double[n * out];
        q.integerProduct(layer, xq, n, yq);
        double[] yf = new double[n * out];
        MvmEngine.DIGITAL.multiply(layer, dense, x, n, yf);
        double e = 0;
        double er = 0;
        double r = 0;
        double oe = 0;
        double f = 0;
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < out; j++) {
                int i = b * out + j;
                double d = yHw[i] - yq[i];
                e += d * d;
                er += d * yq[i];
                r += yq[i] * yq[i];
                double o = yq[i] * q.outputScale(layer, j) - yf[i];
                oe += o * o;
                f += yf[i] * yf[i];
            }
        }
        errSq[layer] += e;
        errRef[layer] += er;
        refSq[layer] += r;
        opErrSq[layer] += oe;
        floatSq[layer] += f;
        vectors[layer] += n;
    }

    /** Layers metered. */
    public int layers() {
        return vectors.length;
    }

    /** Vectors metered in layer l. */
    public long vectors(int layer) {
        return vectors[layer];
    }

    /** Measured relative error of the hardware against the exact quantised product in layer l (NaN before any vector). */
    public double mvmRelError(int layer) {
        return Math.sqrt(errSq[layer] / refSq[layer]);
    }

    /** Measured gain of layer l's hardware outputs against the exact quantised ones (NaN before any vector). */
    public double mvmGain(int layer) {
        return errRef[layer] / refSq[layer];
    }

    /** Measured relative error of layer l with its gain set aside (+infinity when the gain is <= -1). */
    public double mvmRelErrorEffective(int layer) {
        double g = mvmGain(layer);
        if (Double.isNaN(g)) {
            return g;
        }
        if (g <= -1) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(Math.max(errSq[layer] - g * errRef[layer], 0) / refSq[layer]) / (1 + g);
    }

    /** Measured relative error of operand quantisation in layer l (NaN before any vector). */
    public double operandRelError(int layer) {
        return Math.sqrt(opErrSq[layer] / floatSq[layer]);
    }

    /**
     * The layers' {@link #mvmRelError} combined as the tier-A calibration injects error — the same relative
     * σ in every layer — so the figure comparable with {@code mvm_rel_error} is their root mean square
     * over layers.
     */
    public double mvmRelError() {
        return rmsOverLayers(this::mvmRelError);
    }

    /** The layers' {@link #operandRelError} combined as {@link #mvmRelError()}. */
    public double operandRelError() {
        return rmsOverLayers(this::operandRelError);
    }

    /** The layers' {@link #mvmRelErrorEffective} combined as {@link #mvmRelError()}. */
    public double mvmRelErrorEffective() {
        return rmsOverLayers(this::mvmRelErrorEffective);
    }

    /** The layers' gains combined as {@link #mvmRelError()} combines errors: their mean. */
    public double mvmGain() {
        double s = 0;
        for (int l = 0; l < vectors.length; l++) {
            s += mvmGain(l);
        }
        return s / vectors.length;
    }

    private double rmsOverLayers(java.util.function.IntToDoubleFunction f) {
        double s = 0;
        for (int l = 0; l < vectors.length; l++) {
            double v = f.applyAsDouble(l);
            s += v * v;
        }
        return Math.sqrt(s / vectors.length);
    }
}
