package org.aimc.sim.domain;

import org.aimc.sim.accuracy.DeviceErrorStats;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.numerics.Gaussians;
import org.aimc.sim.peripheral.AdcErrors;

/**
 * What every domain's readout shares, in one place for both tiers: the statistics of the value one
 * conversion sees, the converter range those statistics set (the {@code adc.full_scale} rule), and the
 * converter's error terms (quantisation and clipping, INL/DNL, comparator noise, offset and gain).
 *
 * <p>A conversion sees Z = sum_i u_i d_i: per-cycle input codes u (one bit per cycle for bit-serial inputs)
 * times the digit d of one weight slice that the conversion reads (the difference of a differential pair
 * when the domain subtracts in the analog domain, a single device's level when each device is its own
 * node). Rows are independent draws of the operand statistics. Errors are in squared integer output units:
 * a conversion of slice s in input cycle k enters the output with weight 2^(b s) · c_k, c_k = 2^k for
 * bit-serial inputs and 1 otherwise.
 */
public final class Readouts {
    private Readouts() {
    }

    /** Mean, second moment and extreme values of the digit a conversion reads. */
    public record Digit(double mean, double sq, int min, int max) {
        public double variance() {
            return Math.max(sq - mean * mean, 0);
        }
    }

    /** The digit of slice {@code s} as the analog difference of the pair (or the level for offset mappings). */
    public static Digit difference(DeviceErrorStats st, int s) {
        return new Digit(st.digitMean[s], st.digitSq[s], st.digitMin[s], st.digitMax[s]);
    }

    /**
     * The level of each device of each slice alone: {@code [slice][device]} (device 0 holds the positive
     * part or the offset value, device 1 the negative part of a differential pair).
     */
    public static Digit[][] levels(WeightMapping map, OperandStats ops) {
        int slices = map.slices();
        int dps = map.devicesPerSlice();
        double[][] m = new double[slices][dps];
        double[][] q = new double[slices][dps];
        int[][] lo = new int[slices][dps];
        int[][] hi = new int[slices][dps];
        for (int[] r : lo) {
            java.util.Arrays.fill(r, Integer.MAX_VALUE);
        }
        int[] plus = new int[slices];
        int[] minus = new int[slices];
        for (int w = -map.qMax(); w <= map.qMax(); w++) {
            double p = ops.pWeight(w);
            if (p == 0) {
                continue;
            }
            map.levels(w, plus, minus);
            for (int s = 0; s < slices; s++) {
                for (int d = 0; d < dps; d++) {
                    int l = d == 0 ? plus[s] : minus[s];
                    m[s][d] += p * l;
                    q[s][d] += p * (double) l * l;
                    lo[s][d] = Math.min(lo[s][d], l);
                    hi[s][d] = Math.max(hi[s][d], l);
                }
            }
        }
        Digit[][] out = new Digit[slices][dps];
        for (int s = 0; s < slices; s++) {
            for (int d = 0; d < dps; d++) {
                out[s][d] = new Digit(m[s][d], q[s][d], lo[s][d] == Integer.MAX_VALUE ? 0 : lo[s][d], hi[s][d]);
            }
        }
        return out;
    }

    /**
     * Probability of each level of each device of each slice, {@code [slice][device][level]}, over the weight
     * distribution.
     */
    public static double[][][] levelPmf(WeightMapping map, OperandStats ops) {
        int slices = map.slices();
        int dps = map.devicesPerSlice();
        double[][][] p = new double[slices][dps][map.levels()];
        int[] plus = new int[slices];
        int[] minus = new int[slices];
        for (int w = -map.qMax(); w <= map.qMax(); w++) {
            double pw = ops.pWeight(w);
            if (pw == 0) {
                continue;
            }
            map.levels(w, plus, minus);
            for (int s = 0; s < slices; s++) {
                p[s][0][plus[s]] += pw;
                if (dps > 1) {
                    p[s][1][minus[s]] += pw;
                }
            }
        }
        return p;
    }

    /** Per-conversion input statistics of a point. */
    public record Inputs(double eu, double eu2, int uMax, double pOn, double cycleSum, double cycleSumSq,
            double ex, double ex2) {
    }

    /**
     * The input statistics of one conversion: E[u], E[u^2], the largest code, P(u &gt; 0), the sums
     * sum_k c_k and sum_k c_k^2 over the cycles of one input vector, and E[x], E[x^2] of the whole input.
     */
    public static Inputs inputs(TileContext c) {
        OperandStats ops = c.operands;
        if (c.serial()) {
            int b = c.inputBits();
            double a = ops.bitActivity();
            return new Inputs(a, a, 1, a, Math.scalb(1.0, b) - 1, (Math.scalb(1.0, 2 * b) - 1) / 3.0, ops.ex(),
                    ops.ex2());
        }
        double pOn = ops.ex() / ((ops.xMax() + 1) / 2.0);
        return new Inputs(ops.ex(), ops.ex2(), ops.xMax(), pOn, 1, 1, ops.ex(), ops.ex2());
    }

    /** Mean of Z = sum of {@code rows} products u d. */
    public static double mean(Inputs in, Digit d, int rows) {
        return rows * in.eu() * d.mean();
    }

    /** Variance of Z over the operand statistics. */
    public static double variance(Inputs in, Digit d, int rows) {
        return Math.max(rows * (in.eu2() * d.sq() - in.eu() * in.eu() * d.mean() * d.mean()), 0);
    }

    /** Variance of the whole-input sum Y = sum_k c_k Z_k = sum_i x_i d_i. */
    public static double wholeVariance(Inputs in, Digit d, int rows) {
        return Math.max(rows * (in.ex2() * d.sq() - in.ex() * in.ex() * d.mean() * d.mean()), 0);
    }

    /** The converter range of one conversion: codes of width {@code step} from {@code lo}. A mutable holder. */
    public static final class Range {
        public double lo;
        public double step;
        public int codes;
        /** True when integer values of the signal sit at code centres with a step of 1 (exact conversion). */
        public boolean integerExact;

        public double hi() {
            return lo + codes * step;
        }

        public double mid() {
            return lo + 0.5 * codes * step;
        }
    }

    /**
     * The range of a conversion of the integer-valued signal Z: with {@code full_scale: sigma} it spans
     * ±clip_sigma standard deviations around the mean; with {@code max} every reachable value, with a
     * power-of-two step aligned to the integers so that noise-free integer signals convert exactly when the
     * bits suffice. Overwrites {@code out}.
     */
    public static Range linearRange(TileContext c, double mean, double sd, double zMin, double zMax, Range out) {
        out.codes = 1 << c.spec.adc().bits();
        out.integerExact = false;
        if (c.spec.adc().fullScale().equals("sigma")) {
            double k = c.spec.adc().clipSigma();
            double s = sd > 0 ? sd : 0.5;
            out.lo = mean - k * s;
            out.step = 2 * k * s / out.codes;
        } else {
            double span = zMax - zMin;
            out.step = ColumnSumErrors.integerAlignedStep(span, out.codes);
            out.lo = zMin - 0.5 * out.step;
            out.integerExact = out.step == 1;
        }
        return out;
    }

    /**
     * The range of a conversion of a continuous native value (a voltage ratio or a time): ±clip_sigma
     * standard deviations around the mean, or [vMin, vMax] split into 2^B equal codes. Overwrites {@code out}.
     */
    public static Range continuousRange(TileContext c, double mean, double sd, double vMin, double vMax, Range out) {
        out.codes = 1 << c.spec.adc().bits();
        out.integerExact = false;
        if (c.spec.adc().fullScale().equals("sigma")) {
            double k = c.spec.adc().clipSigma();
            out.lo = mean - k * sd;
            out.step = 2 * k * sd / out.codes;
        } else {
            out.lo = vMin;
            out.step = (vMax - vMin) / out.codes;
        }
        if (!(out.step > 0)) {
            out.step = Math.ulp(1.0) * Math.max(1, Math.abs(mean));
        }
        return out;
    }

    /**
     * Adds the converter terms of one family of conversions of a linear readout (the converter sees Z, or a
     * fixed positive multiple of it). Quantisation and clipping ({@link ErrorSource#ADC}), the INL bow and
     * random threshold errors ({@link ErrorSource#ADC_NONLINEARITY}: per conversion step^2 (inl^2 E[sin^2(pi
     * p)] + dnl^2/2), p the signal's position in the range), comparator noise ({@link ErrorSource#ADC_NOISE})
     * and, without calibration, offset and gain ({@link ErrorSource#ADC_OFFSET_GAIN}), which are static per
     * converter and therefore add coherently over the cycles of one input vector.
     *
     * @param d            the digit the conversions read
     * @param weight       recombination weight of the family (slice weight)
     * @param analogExact  true when nothing but the converter perturbs the value (integer signals)
     */
    public static void addLinearConverter(TileContext c, Inputs in, Digit d, int rows, double weight,
            boolean analogExact, Range r, ErrorBudget b) {
        if (c.adc.ideal()) {
            return;
        }
        double zMin = rows * in.uMax() * Math.min(d.min(), 0);
        double zMax = rows * in.uMax() * Math.max(d.max(), 0);
        linearRange(c, mean(in, d, rows), Math.sqrt(variance(in, d, rows)), zMin, zMax, r);
        addConverterTerms(c, in, d, rows, weight, analogExact, r, b);
    }

    /** As {@link #addLinearConverter} for a range the caller has set ({@code r} is read, not written). */
    public static void addConverterTerms(TileContext c, Inputs in, Digit d, int rows, double weight,
            boolean analogExact, Range r, ErrorBudget b) {
        if (c.adc.ideal()) {
            return;
        }
        double mu = mean(in, d, rows);
        double var = variance(in, d, rows);
        double sd = Math.sqrt(var);
        double w2 = weight * weight;
        boolean sigma = c.spec.adc().fullScale().equals("sigma");
        double quant;
        if (sigma) {
            quant = var > 0 ? r.step * r.step / 12 + var * Gaussians.clippingMse(c.spec.adc().clipSigma()) : 0;
        } else {
            quant = r.integerExact && analogExact ? 0 : r.step * r.step / 12;
        }
        b.add(ErrorSource.ADC, w2 * in.cycleSumSq() * quant);
        AdcErrors e = c.adcErrors;
        double span = r.codes * r.step;
        double nonlin = r.step * r.step * (e.inlLsb() * e.inlLsb() * bowSquare((mu - r.lo) / span, sd / span)
                + 0.5 * e.dnlSigmaLsb() * e.dnlSigmaLsb());
        b.add(ErrorSource.ADC_NONLINEARITY, w2 * in.cycleSumSq() * nonlin);
        b.add(ErrorSource.ADC_NOISE, w2 * in.cycleSumSq() * r.step * r.step * e.noiseLsb() * e.noiseLsb());
        if (!c.calibrated()) {
            double off = e.offsetSigmaLsb() * r.step * in.cycleSum();
            double ey = mu * in.cycleSum() - r.mid() * in.cycleSum();
            double gain = e.gainSigma() * e.gainSigma() * (wholeVariance(in, d, rows) + ey * ey);
            b.add(ErrorSource.ADC_OFFSET_GAIN, w2 * (off * off + gain));
        }
    }

    /**
     * Adds the converter terms of one family of conversions of a nonlinear readout: the converter sees
     * v = f(s) of a node sum s ~ N(mu, sd^2) (normal approximation), the digital side inverts f exactly, so
     * each converter error in v reaches s multiplied by ds/dv = {@code slope}(s). Quantisation, clipping (in
     * v), INL/DNL, comparator noise and, without calibration, offset (coherent over the cycles) and gain.
     * {@code r} is the range in v, set by the caller.
     */
    public static void addNonlinearConverter(TileContext c, Inputs in, double mu, double sd,
            java.util.function.DoubleUnaryOperator f, java.util.function.DoubleUnaryOperator slope, double weight,
            Range r, ErrorBudget b) {
        if (c.adc.ideal()) {
            return;
        }
        double w2 = weight * weight;
        double csq = in.cycleSumSq();
        double jSq = Gaussians.expectation(x -> sq(slope.applyAsDouble(x)), mu, sd);
        double mv = Gaussians.expectation(f, mu, sd);
        double sv = Math.sqrt(Math.max(Gaussians.expectation(x -> sq(f.applyAsDouble(x)), mu, sd) - mv * mv, 0));
        double span = r.codes * r.step;
        double quant = r.step * r.step / 12;
        if (c.spec.adc().fullScale().equals("sigma")) {
            quant += sv * sv * Gaussians.clippingMse(c.spec.adc().clipSigma());
        }
        AdcErrors e = c.adcErrors;
        b.add(ErrorSource.ADC, w2 * csq * jSq * quant);
        double nonlin = r.step * r.step * (e.inlLsb() * e.inlLsb() * bowSquare((mv - r.lo) / span, sv / span)
                + 0.5 * e.dnlSigmaLsb() * e.dnlSigmaLsb());
        b.add(ErrorSource.ADC_NONLINEARITY, w2 * csq * jSq * nonlin);
        b.add(ErrorSource.ADC_NOISE, w2 * csq * jSq * r.step * r.step * e.noiseLsb() * e.noiseLsb());
        if (!c.calibrated()) {
            double mid = r.mid();
            double off = e.offsetSigmaLsb() * r.step;
            double gain = e.gainSigma() * e.gainSigma()
                    * Gaussians.expectation(x -> sq(slope.applyAsDouble(x) * (f.applyAsDouble(x) - mid)), mu, sd);
            double cs = in.cycleSum();
            b.add(ErrorSource.ADC_OFFSET_GAIN, w2 * (cs * cs * jSq * off * off + csq * gain));
        }
    }

    private static double sq(double x) {
        return x * x;
    }

    /**
     * E[sin^2(pi p)] for p ~ N(m, s^2): (1 - cos(2 pi m) exp(-2 pi^2 s^2)) / 2 — the mean square of the INL
     * bow (in units of its amplitude) over a signal at relative position m ± s in the range.
     */
    public static double bowSquare(double m, double s) {
        return 0.5 * (1 - Math.cos(2 * Math.PI * m) * Math.exp(-2 * Math.PI * Math.PI * s * s));
    }
}
