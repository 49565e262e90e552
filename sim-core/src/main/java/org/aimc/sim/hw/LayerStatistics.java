package org.aimc.sim.hw;

import org.aimc.sim.accuracy.AccuracySurrogate;
import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.accuracy.WorkloadSignal;
import org.aimc.sim.nn.DenseLayer;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.spec.DataSpec;

/**
 * The operand statistics of one layer of a quantised network, measured on calibration (training) examples
 * through the exact quantised network: the spread of the integer weights and what the input codes look like.
 *
 * @param weightRms      sqrt(E[(w / Q)²]) over the layer's integer weights (per-column scaling makes Q each
 *                       column's largest magnitude)
 * @param zeroFraction   fraction of input codes that are 0
 * @param meanSquare     E[x²] / x_max² of the input codes
 * @param bitActivityMax the largest, over the input bits, of the probability that the bit is 1
 * @param inputBits      input precision B (x_max = 2^B - 1)
 */
public record LayerStatistics(double weightRms, double zeroFraction, double meanSquare, double bitActivityMax,
        int inputBits) implements java.io.Serializable {
    /** Largest zero fraction the operand model accepts ({@code data.input_zero_fraction}). */
    static final double MAX_ZERO_FRACTION = 0.99;

    /** Measures every layer of {@code q} on the first {@code count} examples of {@code data}. */
    static LayerStatistics[] measure(QuantisedNetwork q, Examples data, int count) {
        int depth = q.network().depth();
        int bits = q.inputBits();
        long[] n = new long[depth];
        long[] zeros = new long[depth];
        double[] sq = new double[depth];
        long[][] ones = new long[depth][bits];
        MvmEngine recorder = (layer, dense, x, batch, y) -> {
            int m = batch * dense.in();
            for (int i = 0; i < m; i++) {
                int c = q.inputCode(layer, x[i]);
                if (c == 0) {
                    zeros[layer]++;
                } else {
                    sq[layer] += (double) c * c;
                    for (int k = 0; k < bits; k++) {
                        ones[layer][k] += (c >>> k) & 1;
                    }
                }
            }
            n[layer] += m;
            q.digital().multiply(layer, dense, x, batch, y);
        };
        q.network().classify(data.head(count), recorder, Math.min(256, count), null);
        LayerStatistics[] out = new LayerStatistics[depth];
        int qMax = (1 << (q.weightBits() - 1)) - 1;
        double xMax = q.inputMax();
        for (int l = 0; l < depth; l++) {
            DenseLayer d = q.network().layer(l);
            double w2 = 0;
            for (int k = 0; k < d.in(); k++) {
                for (int j = 0; j < d.out(); j++) {
                    double w = q.weight(l, k, j) / (double) qMax;
                    w2 += w * w;
                }
            }
            double act = 0;
            for (int k = 0; k < bits; k++) {
                act = Math.max(act, ones[l][k] / (double) n[l]);
            }
            out[l] = new LayerStatistics(Math.sqrt(w2 / ((double) d.in() * d.out())), zeros[l] / (double) n[l],
                    sq[l] / n[l] / (xMax * xMax), act, bits);
        }
        return out;
    }

    /**
     * The bit-serial range ratio ρ(B) = a_max / (E[x²] / x_max²) of every layer's B-bit input codes, B = 1 ..
     * {@value WorkloadSignal#MAX_INPUT_BITS} ({@link WorkloadSignal.Layer#bitSerialRatio}), on the first
     * {@code count} examples of {@code training}: for each B the network quantised as tier B quantises it
     * ({@link ActivationRanges#calibrate}, {@code weightBits}-bit per-column weights, whose rounding moves the
     * later layers' codes only slightly) and its codes measured as {@link #measure} does.
     *
     * @return {@code ratios[layer][B - 1]}; a layer whose codes are all zero gets the operand model's ratio
     */
    public static double[][] bitSerialRatios(Network network, Examples training, int count, int weightBits) {
        int maxBits = WorkloadSignal.MAX_INPUT_BITS;
        double[][] out = new double[network.depth()][maxBits];
        for (int bits = 1; bits <= maxBits; bits++) {
            QuantisedNetwork q = QuantisedNetwork.of(network, weightBits, bits,
                    ActivationRanges.calibrate(network, training, count, bits));
            LayerStatistics[] st = measure(q, training, count);
            for (int l = 0; l < st.length; l++) {
                out[l][bits - 1] = st[l].meanSquare > 0 ? st[l].bitActivityMax / st[l].meanSquare
                        : AccuracySurrogate.modelBitSerialRatio(bits);
            }
        }
        return out;
    }

    /**
     * The point's operand model ({@link DataSpec}: independent gaussian weights of some spread, inputs zero
     * with some probability and otherwise uniform over the non-zero codes) fitted to this layer, so that a
     * conversion's signal has the spread it has on the real network. The statistic a conversion sees is the
     * mean square of the codes for multi-level inputs (amplitude, pulse width: one conversion of sum x w) and
     * the largest bit activity for bit-serial inputs (one conversion per bit); the model's per unit of non-zero
     * probability are E[x²] / x_max² = (x_max + 1)(2 x_max + 1) / (6 x_max²) and 2^(B-1) / x_max
     * ({@link org.aimc.sim.accuracy.OperandStats}). The real products are correlated: their sums have
     * {@code kappa} times the variance independent operands of the same marginals give
     * ({@link org.aimc.sim.accuracy.WorkloadSignal}). The fit raises the input statistic by kappa (a larger
     * non-zero probability scales every slice's sums alike, keeping the weights' digit distributions those of
     * the real weights), and, where the inputs reach their limit (no zeros), gives the weights the mean square
     * that makes up the rest (a gaussian of that mean square after rounding and clipping to [-1, 1], found by
     * bisection, standard deviation at most 1). The zero probability stays within [0, 0.99].
     *
     * @param kappa      the layer's signal correlation factor for the rows of a tile (1: independent)
     * @param weightBits the weight precision (the model's rounding)
     */
    public DataSpec fit(Encoding encoding, double kappa, int weightBits) {
        double xMax = (1 << inputBits) - 1;
        double perNonZero;
        double measured;
        if (encoding == Encoding.BIT_SERIAL) {
            perNonZero = Math.scalb(1.0, inputBits - 1) / xMax;
            measured = bitActivityMax;
        } else {
            perNonZero = (xMax + 1) * (2 * xMax + 1) / (6 * xMax * xMax);
            measured = meanSquare;
        }
        // the inputs first (they scale every slice's sum alike), the weights for what the inputs cannot give
        double nonZero = Math.min(kappa * measured / perNonZero, 1);
        double rest = nonZero > 0 ? kappa * measured / (nonZero * perNonZero) : 1;
        double need = rest * weightRms * weightRms;
        double std;
        if (need >= weightSquare(1, weightBits)) {
            std = 1;
        } else {
            double lo = 1e-4;
            double hi = 1;
            for (int it = 0; it < 60; it++) {
                double mid = 0.5 * (lo + hi);
                if (weightSquare(mid, weightBits) < need) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            std = 0.5 * (lo + hi);
        }
        double z = Math.min(Math.max(1 - nonZero, 0), MAX_ZERO_FRACTION);
        return new DataSpec("gaussian", std, z);
    }

    /** E[w²] / Q² of the model's gaussian weights of standard deviation {@code std} (rounded, clipped). */
    static double weightSquare(double std, int weightBits) {
        OperandStats ops = new OperandStats(new DataSpec("gaussian", std, 0), weightBits, 1);
        double q = ops.qMax();
        return ops.ew2() / (q * q);
    }
}
