package org.aimc.sim.hw;

import java.util.Arrays;
import org.aimc.sim.nn.DenseLayer;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;

/**
 * The activation range rule of {@link QuantisedNetwork}: the clip level c_l of every layer's input,
 * calibrated on training examples (never on the test set) through the floating-point network.
 *
 * <p>c_l minimises the mean squared quantisation error of the layer's input values a ≥ 0 over the
 * calibration examples, {@code E[(a - Δ round(min(a, c) / Δ))²]} with Δ = c / x_max: a wider range clips
 * less, a narrower one rounds finer, and the best balance depends on the bits (the clipping-versus-rounding
 * trade-off of Banner, Nahshan and Soudry, "Post training 4-bit quantization of convolutional networks for
 * rapid-deployment", NeurIPS 2019, here searched empirically instead of through a fitted distribution).
 * Candidates are {@value #CANDIDATES} equally spaced levels up to the largest value seen, the exact error
 * of each computed over every non-zero value (zeros quantise exactly at any level).
 */
public final class ActivationRanges {
    /** Candidate clip levels searched per layer. */
    public static final int CANDIDATES = 128;

    private ActivationRanges() {
    }

    /**
     * The clip level of each layer's input for {@code inputBits}-bit inputs, from the first {@code count}
     * examples of {@code calibration} (training data) through the floating-point network.
     */
    public static double[] calibrate(Network net, Examples calibration, int count, int inputBits) {
        if (count < 1 || count > calibration.size()) {
            throw new IllegalArgumentException("count must be in [1, " + calibration.size() + "], got " + count);
        }
        int xMax = (1 << inputBits) - 1;
        Recorder rec = new Recorder(net, count);
        int batch = Math.min(256, count);
        Examples head = calibration.head(count);
        net.classify(head, rec, batch, null);
        double[] clip = new double[net.depth()];
        for (int l = 0; l < clip.length; l++) {
            clip[l] = bestClip(rec.values(l), xMax);
        }
        return clip;
    }

    /** The MSE-optimal clip level of non-negative values (zeros and negatives ignored: both quantise to 0 exactly). */
    static double bestClip(double[] values, int xMax) {
        double[] v = Arrays.stream(values).filter(a -> a > 0).sorted().toArray();
        if (v.length == 0) {
            return 1;
        }
        double max = v[v.length - 1];
        double best = max;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int c = 1; c <= CANDIDATES; c++) {
            double clip = max * c / CANDIDATES;
            double err = error(v, clip, xMax);
            if (err < bestErr) {
                bestErr = err;
                best = clip;
            }
        }
        return best;
    }

    /** Sum of squared quantisation errors of the positive values {@code v} at clip level {@code clip}. */
    static double error(double[] v, double clip, int xMax) {
        double step = clip / xMax;
        double inv = xMax / clip;
        double s = 0;
        for (double a : v) {
            double e;
            if (a >= clip) {
                e = a - clip;
            } else {
                e = a - step * Math.round(a * inv);
            }
            s += e * e;
        }
        return s;
    }

    /** The exact product, keeping every layer's inputs. */
    private static final class Recorder implements MvmEngine {
        private final double[][] values;
        private final int[] filled;

        Recorder(Network net, int examples) {
            values = new double[net.depth()][];
            filled = new int[net.depth()];
            for (int l = 0; l < values.length; l++) {
                values[l] = new double[Math.multiplyExact(examples, net.layer(l).in())];
            }
        }

        @Override
        public void multiply(int layer, DenseLayer dense, double[] x, int batch, double[] y) {
            int n = batch * dense.in();
            System.arraycopy(x, 0, values[layer], filled[layer], n);
            filled[layer] += n;
            MvmEngine.DIGITAL.multiply(layer, dense, x, batch, y);
        }

        double[] values(int l) {
            return values[l];
        }
    }
}
