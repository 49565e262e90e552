package org.aimc.sim.nn;

/**
 * The quantizers of hardware-aware training with their straight-through estimators (STE, Bengio, Léonard
 * and Courville, arXiv:1308.3432, 2013): the forward pass rounds exactly as the deployed hardware does
 * ({@code org.aimc.sim.hw.QuantisedNetwork}), the backward pass treats the rounding as the identity inside
 * the range and as a constant outside it.
 *
 * <p><b>Inputs</b> (unsigned, one clipping level c per layer, {@code n = 2^bits - 1} codes above zero):
 * {@code u = round(x n / c)} clipped to [0, n] (half up), so the quantized value is {@code q = u c / n}. STE:
 * {@code ∂u/∂x = n / c} for {@code 0 < x n / c < n}, else 0. The clipping level is learned with the step-size
 * gradient of LSQ (Esser et al., "Learned Step Size Quantization", ICLR 2020, eq. 3 with Δ = c / n):
 * {@code ∂q/∂c = (u - x n / c) / n} inside the range, 1 above it, 0 at or below zero, which is what
 * {@code ∂u/∂c = -x n / c²} (inside, 0 outside) gives together with the explicit factor c / n of
 * {@code q}; the layer's gradient of c is scaled by {@code 1 / sqrt(features · n)} (LSQ's g, eq. 4).
 *
 * <p><b>Weights</b> (signed, per output column j): {@code s_j = max_k |W_kj| / Q}, Q = 2^(bits-1) - 1,
 * {@code w_kj = sign(W_kj) min(round(|W_kj| / s_j), Q)}; an all-zero column has s_j = 1. STE:
 * {@code ∂w/∂W = 1 / s_j}, the scale held constant.
 */
public final class Quantizers {
    private Quantizers() {
    }

    /** The input code of activation {@code a} for {@code invStep = n / c}: round(a · invStep) in [0, n]. */
    public static int inputCode(double a, double invStep, int n) {
        double v = a * invStep;
        if (!(v > 0)) {
            return 0;
        }
        return v >= n ? n : (int) Math.round(v);
    }

    /**
     * Codes of the first {@code count} activations of {@code x} for clipping level {@code clip} and largest
     * code {@code n}. Overwrites {@code u[0..count)}; reads {@code x}.
     */
    public static void inputCodes(double[] x, int count, double clip, int n, double[] u) {
        double inv = n / clip;
        for (int i = 0; i < count; i++) {
            u[i] = inputCode(x[i], inv, n);
        }
    }

    /**
     * The STE backward of {@link #inputCodes}: {@code dx[i] = du[i] · n / c} where {@code 0 < x n / c < n},
     * else 0. Overwrites {@code dx[0..count)} when it is not null; reads {@code x} and {@code du}.
     *
     * @return {@code Σ_i du[i] ∂u_i/∂c} with {@code ∂u/∂c = -x n / c²} inside the range (0 outside)
     */
    public static double inputBackward(double[] x, double[] du, int count, double clip, int n, double[] dx) {
        double inv = n / clip;
        double dc = 0;
        for (int i = 0; i < count; i++) {
            double v = x[i] * inv;
            boolean inside = v > 0 && v < n;
            if (dx != null) {
                dx[i] = inside ? du[i] * inv : 0;
            }
            if (inside) {
                dc -= du[i] * v / clip;
            }
        }
        return dc;
    }

    /**
     * Per-column scales {@code s_j = max_k |W_kj| / q} (1 for an all-zero column) of an {@code in × out}
     * row-major matrix. Overwrites {@code scale[0..out)}.
     */
    public static void columnScales(double[] w, int in, int out, int q, double[] scale) {
        java.util.Arrays.fill(scale, 0, out, 0);
        for (int k = 0; k < in; k++) {
            int o = k * out;
            for (int j = 0; j < out; j++) {
                scale[j] = Math.max(scale[j], Math.abs(w[o + j]));
            }
        }
        for (int j = 0; j < out; j++) {
            scale[j] = scale[j] > 0 ? scale[j] / q : 1;
        }
    }

    /**
     * Integer weights {@code sign(W) min(round(|W| / s_j), q)} with the scales of {@link #columnScales}.
     * Overwrites {@code wq[0..in·out)}; reads {@code w} and {@code scale}.
     */
    public static void quantiseColumns(double[] w, int in, int out, int q, double[] scale, double[] wq) {
        for (int k = 0; k < in; k++) {
            int o = k * out;
            for (int j = 0; j < out; j++) {
                double v = Math.round(Math.abs(w[o + j]) / scale[j]);
                wq[o + j] = Math.copySign(Math.min(v, q), w[o + j]);
            }
        }
    }

    /** LSQ's gradient scale of a clipping level, {@code 1 / sqrt(features · n)}. */
    public static double lsqScale(int features, int n) {
        return 1.0 / Math.sqrt((double) features * n);
    }
}
