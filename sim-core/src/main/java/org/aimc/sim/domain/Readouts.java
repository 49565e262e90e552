package org.aimc.sim.domain;

import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.numerics.Gaussians;
import org.aimc.sim.numerics.SumTails;
import org.aimc.sim.spec.DataSpec;
import org.aimc.sim.spec.MappingSpec;
import java.util.function.DoubleUnaryOperator;
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

    /**
     * The distribution of the digit one conversion reads, per row: shift + l with l an integer of
     * probability p(l). Immutable.
     */
    public static final class Digit {
        private final double[] pmf;
        private final int lMin;
        private final double shift;
        private final double mean;
        private final double sq;

        Digit(double[] pmf, int lMin, double shift) {
            this.pmf = pmf;
            this.lMin = lMin;
            this.shift = shift;
            double m = 0;
            double q = 0;
            for (int k = 0; k < pmf.length; k++) {
                double v = shift + lMin + k;
                m += pmf[k] * v;
                q += pmf[k] * v * v;
            }
            this.mean = m;
            this.sq = q;
        }

        /** From a probability table over the integers lMin..lMin + p.length - 1 (trimmed of zero ends). */
        static Digit of(double[] p, int lMin) {
            int lo = 0;
            int hi = p.length - 1;
            while (lo < hi && p[lo] == 0) {
                lo++;
            }
            while (hi > lo && p[hi] == 0) {
                hi--;
            }
            return new Digit(java.util.Arrays.copyOfRange(p, lo, hi + 1), lMin + lo, 0);
        }

        /** The digit c + l. */
        public Digit shift(double c) {
            return new Digit(pmf, lMin, shift + c);
        }

        public double mean() {
            return mean;
        }

        public double sq() {
            return sq;
        }

        public double variance() {
            return Math.max(sq - mean * mean, 0);
        }

        /** Smallest and largest value with non-zero probability. */
        public double min() {
            return shift + lMin;
        }

        public double max() {
            return shift + lMin + pmf.length - 1;
        }

        /** The constant added to the integer part. */
        public double offset() {
            return shift;
        }

        /** Smallest integer part. */
        int lMin() {
            return lMin;
        }

        /** Probability of integer part lMin + k. */
        double p(int k) {
            return pmf[k];
        }

        int size() {
            return pmf.length;
        }
    }

    /**
     * The digit each slice's conversion reads when the pair is subtracted in the analog domain: the level
     * difference d+ - d- (the level for offset mappings), over the weight distribution.
     */
    public static Digit[] differences(WeightMapping map, OperandStats ops) {
        int slices = map.slices();
        int span = map.levels() - 1;
        double[][] p = new double[slices][2 * span + 1];
        int[] plus = new int[slices];
        int[] minus = new int[slices];
        boolean diff = map.differential();
        for (int w = -map.qMax(); w <= map.qMax(); w++) {
            double pw = ops.pWeight(w);
            if (pw == 0) {
                continue;
            }
            map.levels(w, plus, minus);
            for (int s = 0; s < slices; s++) {
                int d = diff ? plus[s] - minus[s] : plus[s];
                p[s][d + span] += pw;
            }
        }
        Digit[] out = new Digit[slices];
        for (int s = 0; s < slices; s++) {
            out[s] = Digit.of(p[s], -span);
        }
        return out;
    }

    /** {@link #differences} of slice {@code s} of a point (memoised per mapping and operand statistics). */
    public static Digit difference(TileContext c, int s) {
        Digit[] all = c.readouts.get(MemoKey.of("differences", c), () -> differences(c.mapping, c.operands));
        return all[s];
    }

    /** {@link #levels} of a point (memoised). */
    public static Digit[][] levels(TileContext c) {
        return c.readouts.get(MemoKey.of("levels", c), () -> levels(c.mapping, c.operands));
    }

    /**
     * Memo key of what the weight mapping and the operand statistics determine: the specs they are built
     * from (value records), so points that rebuild equal statistics share the entry.
     */
    private record MemoKey(String what, MappingSpec mapping, int bitsPerCell, DataSpec data, int inputBits) {
        static MemoKey of(String what, TileContext c) {
            return new MemoKey(what, c.spec.mapping(), c.mapping.bitsPerCell(), c.spec.data(), c.inputBits());
        }
    }

    /**
     * Memo key of a clipping or discrete converter average. Looked up several times per design point, so
     * its hash is computed once, from the raw bits of its numbers (no boxing).
     */
    private static final class ConverterKey {
        private final String what;
        private final Digit d;
        private final Inputs in;
        private final int rows;
        private final double lo;
        private final double step;
        private final int codes;
        private final AdcErrors e;
        private final double analogSigma;
        private final int hash;

        ConverterKey(String what, Digit d, Inputs in, int rows, double lo, double step, int codes, AdcErrors e,
                double analogSigma) {
            this.what = what;
            this.d = d;
            this.in = in;
            this.rows = rows;
            this.lo = lo;
            this.step = step;
            this.codes = codes;
            this.e = e;
            this.analogSigma = analogSigma;
            long h = what.hashCode();
            h = h * 31 + System.identityHashCode(d);
            h = h * 31 + Double.hashCode(in.eu()) + 7 * Double.hashCode(in.eu2()) + 13 * in.uMax()
                    + 17 * Double.hashCode(in.cycleSum());
            h = h * 31 + rows;
            h = h * 31 + Double.hashCode(lo);
            h = h * 31 + Double.hashCode(step);
            h = h * 31 + codes;
            h = h * 31 + Double.hashCode(e.inlLsb()) + 3 * Double.hashCode(e.dnlSigmaLsb())
                    + 5 * Double.hashCode(e.noiseLsb());
            h = h * 31 + Double.hashCode(analogSigma);
            this.hash = (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ConverterKey k && k.hash == hash && k.d == d && k.rows == rows && k.codes == codes
                    && Double.compare(k.lo, lo) == 0 && Double.compare(k.step, step) == 0
                    && Double.compare(k.analogSigma, analogSigma) == 0 && (k.what == what || k.what.equals(what))
                    && (k.in == in || k.in.equals(in)) && (k.e == e || k.e.equals(e));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * The level of each device of each slice alone: {@code [slice][device]} (device 0 holds the positive
     * part or the offset value, device 1 the negative part of a differential pair).
     */
    public static Digit[][] levels(WeightMapping map, OperandStats ops) {
        double[][][] p = levelPmf(map, ops);
        Digit[][] out = new Digit[p.length][];
        for (int s = 0; s < p.length; s++) {
            out[s] = new Digit[p[s].length];
            for (int d = 0; d < p[s].length; d++) {
                out[s][d] = Digit.of(p[s][d], 0);
            }
        }
        return out;
    }

    /** Mean stored level over all devices of a tile (memoised). */
    public static double meanLevel(TileContext c) {
        return c.readouts.get(MemoKey.of("meanLevel", c), () -> meanLevel(c.mapping, c.operands));
    }

    /** Mean stored level over all devices of a tile. */
    public static double meanLevel(WeightMapping map, OperandStats ops) {
        Digit[][] lv = levels(map, ops);
        double sum = 0;
        int n = 0;
        for (Digit[] s : lv) {
            for (Digit d : s) {
                sum += d.mean();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
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

        Range copy() {
            Range r = new Range();
            r.lo = lo;
            r.step = step;
            r.codes = codes;
            r.integerExact = integerExact;
            return r;
        }
    }

    /**
     * The range of a conversion of the integer-valued signal Z: with {@code full_scale: sigma} it spans
     * ±clip_sigma standard deviations around the mean, with a code centred on the mean; with {@code max} every reachable value, with a
     * power-of-two step aligned to the integers so that noise-free integer signals convert exactly when the
     * bits suffice. Overwrites {@code out}.
     */
    public static Range linearRange(TileContext c, double mean, double sd, double zMin, double zMax, Range out) {
        out.codes = 1 << c.spec.adc().bits();
        out.integerExact = false;
        if (c.spec.adc().fullScale().equals("sigma")) {
            double k = c.spec.adc().clipSigma();
            double s = sd > 0 ? sd : 0.5;
            out.step = 2 * k * s / out.codes;
            // a code centre on the mean (mid-tread): a symmetric discrete signal has no mean error
            out.lo = mean - k * s - 0.5 * out.step;
        } else {
            double span = zMax - zMin;
            out.step = ColumnSumErrors.integerAlignedStep(span, out.codes);
            out.lo = zMin - 0.5 * out.step;
            out.integerExact = out.step == 1;
        }
        return out;
    }

    /**
     * The range of a conversion of a unipolar native value, one that cannot fall below 0 (a divider node's
     * voltage ratio or node sum): the converter's low reference is the node's ground, 0, and {@code full_scale:
     * sigma} sets only the top, at clip_sigma standard deviations above the mean (at most {@code vMax});
     * {@code max} spans [0, vMax]. A window centred on the design mean would clip every conversion of a node
     * whose real operating point sits below the design statistics' (inputs less active than the operand
     * model): the ground reference is what such a node's converter has anyway. Overwrites {@code out}.
     */
    public static Range unipolarRange(TileContext c, double mean, double sd, double vMax, Range out) {
        double top = vMax;
        if (c.spec.adc().fullScale().equals("sigma")) {
            top = Math.min(mean + c.spec.adc().clipSigma() * sd, vMax);
        }
        out.codes = 1 << c.spec.adc().bits();
        out.integerExact = false;
        out.lo = 0;
        out.step = top / out.codes;
        if (!(out.step > 0)) {
            out.step = Math.ulp(1.0) * Math.max(1, Math.abs(mean));
        }
        return out;
    }

    /**
     * The {@link #unipolarRange} of a gated divider node whose sum s (mean {@code mu}, standard deviation
     * {@code sd}, at most {@code sMax}) the node presents as {@code ratio(s)}: the mean and spread of the ratio
     * over a Gaussian s. Shared by the tier-B tiles and the HAT divider target, which must convert alike.
     */
    public static Range dividerRange(TileContext c, DoubleUnaryOperator ratio, double mu, double sd, double sMax,
            Range out) {
        double mv = Gaussians.expectation(ratio, mu, sd);
        double m2 = Gaussians.expectation(x -> {
            double v = ratio.applyAsDouble(x);
            return v * v;
        }, mu, sd);
        return unipolarRange(c, mv, Math.sqrt(Math.max(m2 - mv * mv, 0)), ratio.applyAsDouble(sMax), out);
    }

    /**
     * Adds the converter terms of one family of conversions of a linear readout (the converter sees Z, or a
     * fixed positive multiple of it), with the range of {@link #linearRange}. See {@link #addConverterTerms}.
     */
    public static void addLinearConverter(TileContext c, Inputs in, Digit d, int rows, double weight,
            double analogSigma, Range r, ConverterSum b) {
        if (c.adc.ideal()) {
            return;
        }
        double zMin = rows * in.uMax() * Math.min(d.min(), 0);
        double zMax = rows * in.uMax() * Math.max(d.max(), 0);
        linearRange(c, mean(in, d, rows), Math.sqrt(variance(in, d, rows)), zMin, zMax, r);
        addConverterTerms(c, in, d, rows, weight, analogSigma, r, b);
    }

    /**
     * Adds the converter terms of one family of conversions of a linear readout on range {@code r} (read):
     * quantisation and clipping ({@link ErrorSource#ADC}), the INL bow and random threshold errors
     * ({@link ErrorSource#ADC_NONLINEARITY}), comparator noise ({@link ErrorSource#ADC_NOISE}) and, without
     * calibration, offset and gain ({@link ErrorSource#ADC_OFFSET_GAIN}), which are static per converter and
     * add coherently over the cycles of one input vector.
     *
     * <p>When the analog noise of a conversion ({@code analogSigma}, standard deviation in units of Z) is
     * below half a unit and the steps are fine, the signal is discrete on the converter's scale and the
     * first three terms are averaged exactly over its distribution ({@link DiscreteConversion}); otherwise
     * per conversion: step^2 / 12 plus Gaussian clipping, step^2 (inl^2 E[sin^2(pi p)] + dnl^2 / 2) with p
     * the signal's position in the range, and (noise x step)^2.
     *
     * @param weight recombination weight of the family (slice weight)
     */
    public static void addConverterTerms(TileContext c, Inputs in, Digit d, int rows, double weight,
            double analogSigma, Range r, ConverterSum b) {
        if (c.adc.ideal()) {
            return;
        }
        double mu = mean(in, d, rows);
        double var = variance(in, d, rows);
        double sd = Math.sqrt(var);
        double w2 = weight * weight * in.cycleSumSq();
        AdcErrors e = c.adcErrors;
        boolean exactConversion = r.integerExact && analogSigma == 0 && e.exact();
        double[][] dist = !exactConversion && discreteCase(analogSigma, r)
                ? c.readouts.get(new ConverterKey("dist", d, in, rows, 0, 0, 0, AdcErrors.NONE, 0),
                        () -> DiscreteConversion.distribution(in, d, 0, rows))
                : null;
        if (dist != null) {
            DoubleUnaryOperator id = x -> x;
            Range rr = r.copy();
            ConverterKey key = new ConverterKey("mse", d, in, rows, r.lo, r.step, r.codes, e, analogSigma);
            double[][] m = c.readouts.get(key, () -> DiscreteConversion.mse(dist, id, x -> 1, id, rr, e, analogSigma));
            b.discrete(w2, weight * in.cycleSum(), m, analogSigma);
            if (in.uMax() == 1 && in.cycleSum() > 1) {
                double cross = weight * weight * (in.cycleSum() * in.cycleSum() - in.cycleSumSq());
                double[] cov = c.readouts.get(new ConverterKey("cov", d, in, rows, r.lo, r.step, r.codes, e, analogSigma),
                        () -> DiscreteConversion.cycleCovariance(in, d, rows, rr, e, analogSigma));
                b.covariance(cross, cov);
            }
        } else {
            double quant;
            if (c.spec.adc().fullScale().equals("sigma")) {
                double lo = r.lo;
                double hi = r.hi();
                double clip = c.readouts.get(new ConverterKey("clip", d, in, rows, lo, r.step, r.codes, AdcErrors.NONE, 0),
                        () -> clippingMse(in, d, rows, lo, hi));
                quant = var > 0 ? r.step * r.step / 12 + clip : 0;
            } else {
                quant = exactConversion ? 0 : r.step * r.step / 12;
            }
            double span = r.codes * r.step;
            double pos = (mu - r.lo) / span;
            double nonlin = r.step * r.step * (e.inlLsb() * e.inlLsb() * bowSquare(pos, sd / span)
                    + 0.5 * e.dnlSigmaLsb() * e.dnlSigmaLsb());
            double bias = -r.step * e.inlLsb() * bowMean(pos, sd / span);
            b.continuous(w2, quant, nonlin, r.step * r.step * e.noiseLsb() * e.noiseLsb(), weight * in.cycleSum(), bias);
        }
        if (!c.calibrated()) {
            double off = e.offsetSigmaLsb() * r.step * in.cycleSum();
            double ey = mu * in.cycleSum() - r.mid() * in.cycleSum();
            double gain = e.gainSigma() * e.gainSigma() * (wholeVariance(in, d, rows) + ey * ey);
            b.offsetGain += weight * weight * (off * off + gain);
        }
    }

    /** Excess kurtosis of the row sum below which the clipping estimate is the normal one. */
    static final double KURTOSIS_NORMAL = 0.02;

    /** Most distinct term values the clipping estimate keeps; more are merged into equal-width bins. */
    static final int TERM_BINS = 128;

    /**
     * Mean squared clipping error of Z outside [lo, hi], from the saddlepoint tails of the sum of the
     * rows' terms u d ({@link SumTails}): exact in the way the tails of sparse slices (a high slice's digit
     * is rarely non-zero, then times a large input) and of bounded sums behave, which a normal misses. The
     * term distribution is kept to {@value #TERM_BINS} values (bins carry their mean and mass).
     */
    static double clippingMse(Inputs in, Digit d, int rows, double lo, double hi) {
        double mu = mean(in, d, rows);
        double var = variance(in, d, rows);
        if (var <= 0) {
            return 0;
        }
        double sd = Math.sqrt(var);
        double gauss = var * (Gaussians.tailMse((hi - mu) / sd) + Gaussians.tailMse((mu - lo) / sd));
        // excess kurtosis of the row sum, kappa_4(term) / (rows var(term)^2): near zero the normal is right
        double t2 = in.eu2() * d.sq();
        double t1 = in.eu() * d.mean();
        double t4 = 0;
        double t3 = 0;
        double u3 = 0;
        double u4 = 0;
        for (int u = 1; u <= in.uMax(); u++) {
            u3 += Math.pow(u, 3) * in.pOn() / in.uMax();
            u4 += Math.pow(u, 4) * in.pOn() / in.uMax();
        }
        for (int k = 0; k < d.size(); k++) {
            double v = d.offset() + d.lMin() + k;
            t3 += d.p(k) * v * v * v;
            t4 += d.p(k) * v * v * v * v;
        }
        t3 *= u3;
        t4 *= u4;
        double tv = t2 - t1 * t1;
        double kappa4 = t4 - 4 * t3 * t1 - 3 * t2 * t2 + 12 * t2 * t1 * t1 - 6 * Math.pow(t1, 4);
        if (Math.abs(kappa4) / (rows * tv * tv) < KURTOSIS_NORMAL) {
            return gauss;
        }
        int uMax = in.uMax();
        double tMin = Math.min(0, uMax * d.min());
        double tMax = Math.max(0, uMax * d.max());
        int bins = (int) Math.min(TERM_BINS, tMax - tMin + 1);
        double width = (tMax - tMin + 1) / bins;
        double[] mass = new double[bins];
        double[] moment = new double[bins];
        double pOff = 1 - in.pOn();
        add(mass, moment, tMin, width, 0, pOff);
        for (int u = 1; u <= uMax; u++) {
            double pu = in.pOn() / uMax;
            for (int k = 0; k < d.size(); k++) {
                add(mass, moment, tMin, width, u * (d.offset() + d.lMin() + k), pu * d.p(k));
            }
        }
        int n = 0;
        for (double m : mass) {
            if (m > 0) {
                n++;
            }
        }
        double[] v = new double[n];
        double[] q = new double[n];
        int at = 0;
        for (int i = 0; i < bins; i++) {
            if (mass[i] > 0) {
                v[at] = moment[i] / mass[i];
                q[at++] = mass[i];
            }
        }
        return new SumTails(v, q, rows).clippingMse(lo, hi);
    }

    private static void add(double[] mass, double[] moment, double tMin, double width, double t, double p) {
        int i = (int) Math.min(mass.length - 1, Math.floor((t - tMin) / width));
        mass[i] += p;
        moment[i] += p * t;
    }

    /**
     * The converter terms of the conversion families of one output, gathered before they enter the budget:
     * each family's error variance, and its mean error times its recombination weight, which adds
     * coherently over the cycles and slices of the output (a static threshold shifted onto the most
     * frequent value errs the same way in every conversion). Stages: quantisation and clipping alone, with
     * INL/DNL, with comparator noise; the budget gets their differences.
     */
    public static final class ConverterSum {
        private final double[] variance = new double[3];
        private final double[] mean = new double[3];
        /** Offset and gain error variance (without calibration). */
        double offsetGain;

        /** A family evaluated on its discrete distribution ({@link DiscreteConversion#mse}). */
        void discrete(double w2, double wMean, double[][] m, double analogSigma) {
            double a2 = analogSigma * analogSigma;
            for (int st = 0; st < 3; st++) {
                variance[st] += w2 * (m[st][0] - m[st][1] * m[st][1] - a2);
                mean[st] += wMean * m[st][1];
            }
        }

        /** Covariance of the errors of two cycles, with the weight of the cycle pairs of one output. */
        void covariance(double w, double[] cov) {
            for (int st = 0; st < 3; st++) {
                variance[st] += w * cov[st];
            }
        }

        /**
         * A family in the continuous picture: per-conversion variances of each effect (the nonlinearity's as a
         * mean square, of which {@code nonlinMean} is the mean error, weighted by {@code wMean} in the sum).
         */
        void continuous(double w2, double quant, double nonlin, double noise, double wMean, double nonlinMean) {
            double m2 = nonlinMean * nonlinMean;
            variance[0] += w2 * quant;
            variance[1] += w2 * (quant + nonlin - m2);
            variance[2] += w2 * (quant + nonlin - m2 + noise);
            mean[1] += wMean * nonlinMean;
            mean[2] += wMean * nonlinMean;
        }

        /** Adds the gathered terms to {@code b}. */
        public void flush(ErrorBudget b) {
            double t0 = Math.max(variance[0] + mean[0] * mean[0], 0);
            double t1 = Math.max(variance[1] + mean[1] * mean[1], t0);
            double t2 = Math.max(variance[2] + mean[2] * mean[2], t1);
            b.add(ErrorSource.ADC, t0);
            b.add(ErrorSource.ADC_NONLINEARITY, t1 - t0);
            b.add(ErrorSource.ADC_NOISE, t2 - t1);
            b.add(ErrorSource.ADC_OFFSET_GAIN, offsetGain);
            b.addStaticError(mean[2]);
        }
    }

    /**
     * Adds the converter terms of every slice of a linear read-out whose pair is subtracted in the analog
     * domain (one conversion per slice and cycle), after the budget's other sources (their size sets the
     * analog noise of a conversion, {@link #analogSigma}).
     */
    public static void addSliceConverters(TileContext c, int rows, ErrorBudget out) {
        addSliceConverters(c, rows, analogSigma(c, out, 1), out);
    }

    /** As {@link #addSliceConverters(TileContext, int, ErrorBudget)} with a given analog noise. */
    public static void addSliceConverters(TileContext c, int rows, double analogSigma, ErrorBudget out) {
        Inputs in = inputs(c);
        Range r = new Range();
        ConverterSum sum = new ConverterSum();
        for (int s = 0; s < c.mapping.slices(); s++) {
            addLinearConverter(c, in, difference(c, s), rows, c.mapping.sliceWeight(s), analogSigma, r, sum);
        }
        sum.flush(out);
    }

    /**
     * Steps finer than this many units of the signal, with no analog noise: discrete, averaged exactly over
     * the signal's lattice. With analog noise the uniform (step^2 / 12) picture is used: Gaussian noise of
     * sigma units damps the lattice's first Fourier component by exp(-2 pi^2 sigma^2) (0.29 at 0.25 units,
     * 0.007 at 0.5), and for steps of several units the lattice error averages to within (1 / step)^2 of it.
     * Below about a quarter unit of noise the uniform picture can miss the converter term by tens of percent
     * (the measured bound of AnalyticVsMonteCarloIT still holds for the whole budget); the exact average costs
     * tens of microseconds per distinct conversion, which a million-point sweep cannot pay per noise level.
     */
    static final double DISCRETE_STEP = 2;

    static boolean discreteCase(double analogSigma, Range r) {
        return analogSigma == 0 && r.step < DISCRETE_STEP;
    }

    /**
     * The analog noise of one conversion implied by the error sources already in {@code b}: their total
     * variance divided by the recombination weight of one conversion, sum_s 4^(b s) sum_k c_k^2 times the
     * converted nodes per slice. Exact when every source is per conversion (kT/C alone, say); for the
     * choice between the discrete and the continuous converter picture otherwise.
     */
    public static double analogSigma(TileContext c, ErrorBudget b, int nodes) {
        double w = 0;
        for (int s = 0; s < c.mapping.slices(); s++) {
            w += c.mapping.sliceWeight(s) * c.mapping.sliceWeight(s);
        }
        w *= inputs(c).cycleSumSq() * nodes;
        return Math.sqrt(b.totalVariance() / w);
    }

    /**
     * Adds the converter terms of one family of conversions of a nonlinear readout: the converter sees
     * v = f(s) of a node sum s = base · n + m, the digital side inverts f exactly ({@code inverse}), so each
     * converter error in v reaches s multiplied by ds/dv = {@code slope}(s). {@code r} is the range in v,
     * set by the caller. Discrete signals are treated exactly as in {@link #addConverterTerms}; otherwise
     * over a normal approximation of s: quantisation, clipping (in v), INL/DNL, comparator noise. Without
     * calibration: offset (coherent over the cycles) and gain.
     *
     * @param d the integer digit of a row (without the base)
     */
    public static void addNonlinearConverter(TileContext c, Inputs in, Digit d, double base, int rows,
            DoubleUnaryOperator f, DoubleUnaryOperator slope, DoubleUnaryOperator inverse, double weight,
            double analogSigma, Range r, ConverterSum b) {
        if (c.adc.ideal()) {
            return;
        }
        Digit shifted = d.shift(base);
        double mu = mean(in, shifted, rows);
        double sd = Math.sqrt(variance(in, shifted, rows));
        double w2 = weight * weight;
        double csq = in.cycleSumSq();
        double jSq = Gaussians.expectation(x -> sq(slope.applyAsDouble(x)), mu, sd);
        AdcErrors e = c.adcErrors;
        double[][] dist = analogSigma < 0.5 ? DiscreteConversion.distribution(in, d, base, rows) : null;
        if (dist != null) {
            b.discrete(w2 * csq, weight * in.cycleSum(),
                    DiscreteConversion.mse(dist, f, x -> 1 / slope.applyAsDouble(x), inverse, r, e, analogSigma),
                    analogSigma);
        } else {
            double mv = Gaussians.expectation(f, mu, sd);
            double sv = Math.sqrt(Math.max(Gaussians.expectation(x -> sq(f.applyAsDouble(x)), mu, sd) - mv * mv, 0));
            double span = r.codes * r.step;
            double quant = r.step * r.step / 12;
            if (c.spec.adc().fullScale().equals("sigma")) {
                quant += sv * sv * Gaussians.clippingMse(c.spec.adc().clipSigma());
            }
            double nonlin = r.step * r.step * (e.inlLsb() * e.inlLsb() * bowSquare((mv - r.lo) / span, sv / span)
                    + 0.5 * e.dnlSigmaLsb() * e.dnlSigmaLsb());
            double bias = -r.step * e.inlLsb() * bowMean((mv - r.lo) / span, sv / span)
                    * Math.sqrt(jSq);
            b.continuous(w2 * csq * jSq, quant, nonlin, r.step * r.step * e.noiseLsb() * e.noiseLsb(),
                    weight * in.cycleSum(), bias);
        }
        if (!c.calibrated()) {
            double mid = r.mid();
            double off = e.offsetSigmaLsb() * r.step;
            double gain = e.gainSigma() * e.gainSigma()
                    * Gaussians.expectation(x -> sq(slope.applyAsDouble(x) * (f.applyAsDouble(x) - mid)), mu, sd);
            double cs = in.cycleSum();
            b.offsetGain += w2 * (cs * cs * jSq * off * off + csq * gain);
        }
    }

    private static double sq(double x) {
        return x * x;
    }

    /** E[sin(pi p)] for p ~ N(m, s^2): sin(pi m) exp(-pi^2 s^2 / 2), the mean INL bow in units of its amplitude. */
    public static double bowMean(double m, double s) {
        return Math.sin(Math.PI * m) * Math.exp(-0.5 * Math.PI * Math.PI * s * s);
    }

    /**
     * E[sin^2(pi p)] for p ~ N(m, s^2): (1 - cos(2 pi m) exp(-2 pi^2 s^2)) / 2 — the mean square of the INL
     * bow (in units of its amplitude) over a signal at relative position m ± s in the range.
     */
    public static double bowSquare(double m, double s) {
        return 0.5 * (1 - Math.cos(2 * Math.PI * m) * Math.exp(-2 * Math.PI * Math.PI * s * s));
    }
}
