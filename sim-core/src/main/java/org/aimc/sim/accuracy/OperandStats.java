package org.aimc.sim.accuracy;

import org.aimc.sim.numerics.Gaussians;
import org.aimc.sim.spec.DataSpec;

/**
 * Exact moments of the quantised operands the analytic tier averages over: the integer weight
 * distribution P(w), w in [-Q, Q], obtained by quantising the continuous normalised weight distribution of
 * {@link DataSpec} (round to nearest, clipped to [-1, 1]; 1-bit weights take the sign alone, ±1 with no
 * zero); and unsigned inputs x in [0, 2^B - 1] that are
 * zero with probability z and otherwise uniform over the non-zero codes.
 */
public final class OperandStats {
    private final int qMax;
    private final double[] pw;
    private final double ew2;
    private final int xMax;
    private final double ex;
    private final double ex2;
    private final double bitActivity;

    public OperandStats(DataSpec data, int weightBits, int inputBits) {
        this.qMax = weightBits == 1 ? 1 : (1 << (weightBits - 1)) - 1;
        this.pw = weightBits == 1 ? signPmf(data) : weightPmf(data, qMax);
        double s2 = 0;
        for (int k = -qMax; k <= qMax; k++) {
            s2 += pw[k + qMax] * (double) k * k;
        }
        this.ew2 = s2;
        this.xMax = (1 << inputBits) - 1;
        double nz = 1 - data.inputZeroFraction();
        this.ex = nz * (xMax + 1) / 2.0;
        this.ex2 = nz * (xMax + 1.0) * (2.0 * xMax + 1.0) / 6.0;
        this.bitActivity = nz * Math.scalb(1.0, inputBits - 1) / xMax;
    }

    static double[] weightPmf(DataSpec d, int q) {
        double[] p = new double[2 * q + 1];
        double prevCdf = 0;
        for (int k = -q; k <= q; k++) {
            double upper = k == q ? 1.0 : cdf(d, (k + 0.5) / q);
            p[k + q] = upper - prevCdf;
            prevCdf = upper;
        }
        return p;
    }

    /** P(w) of binary weights: -1 below zero, +1 at or above, never 0. */
    static double[] signPmf(DataSpec d) {
        double neg = cdf(d, 0);
        return new double[] {neg, 0, 1 - neg};
    }

    /** CDF of the clipped continuous weight distribution on [-1, 1] (clipped mass lands on ±1). */
    static double cdf(DataSpec d, double t) {
        if (t >= 1) {
            return 1;
        }
        if (t < -1) {
            return 0;
        }
        double s = d.weightStd();
        return switch (d.weights()) {
            case "uniform" -> (t + 1) / 2;
            case "gaussian" -> Gaussians.cdf(t / s);
            case "laplace" -> {
                double b = s / Math.sqrt(2);
                yield t < 0 ? 0.5 * Math.exp(t / b) : 1 - 0.5 * Math.exp(-t / b);
            }
            default -> throw new IllegalArgumentException("weights: " + d.weights());
        };
    }

    public int qMax() {
        return qMax;
    }

    /** P(w) for w in [-Q, Q]. */
    public double pWeight(int w) {
        return pw[w + qMax];
    }

    /** E[w^2] in integer weight units. */
    public double ew2() {
        return ew2;
    }

    public int xMax() {
        return xMax;
    }

    /** P(x = u) of an input code u in [0, x_max]. */
    public double pInput(int u) {
        double nz = ex / ((xMax + 1) / 2.0);
        return u == 0 ? 1 - nz : nz / xMax;
    }

    /** E[x]. */
    public double ex() {
        return ex;
    }

    /** E[x^2]. */
    public double ex2() {
        return ex2;
    }

    /**
     * Relative MVM error of quantising the operands themselves, against the full-precision product:
     * weights rounded to 1/Q of max|W| and non-zero inputs to 1/x_max of their range, each with uniform
     * rounding error (step^2 / 12), independent of the operand. For y = sum w x the relative variance is
     * E[dw^2]/E[w^2] + E[dx^2]/E[x^2] = 1 / (12 E[w_q^2]) + (1 - z) / (12 E[x_q^2]) in integer units, with
     * z the zero fraction (zeros are exact).
     */
    public double quantisationRelError() {
        double nonZero = ex * 2.0 / (xMax + 1);
        return Math.sqrt(1.0 / (12 * ew2) + nonZero / (12 * ex2));
    }

    /** Probability that a given bit of an input is 1 (the same for every bit). */
    public double bitActivity() {
        return bitActivity;
    }
}
