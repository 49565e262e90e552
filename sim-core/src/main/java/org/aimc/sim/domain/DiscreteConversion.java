package org.aimc.sim.domain;

import java.util.function.DoubleUnaryOperator;
import org.aimc.sim.numerics.GaussHermite;
import org.aimc.sim.numerics.Gaussians;
import org.aimc.sim.peripheral.AdcErrors;

/**
 * Converter error of a signal whose values are discrete on the converter's scale (analytic tier). When the
 * analog path adds little noise, a conversion sees s = base · n + m exactly — n rows on and m the sum of
 * their integer digits — and the uniform-error picture of quantisation fails: values sit at fixed places
 * in their codes, a threshold moved by the INL bow flips every value near it. Here the error is averaged
 * over the exact distribution of s (n binomial, m the n-fold convolution of the digit distribution; or,
 * for multi-level inputs, the rows-fold convolution of the distribution of u · d), over a Gaussian input
 * noise (the analog noise of the conversion and the comparator noise) and over the random threshold
 * errors (independent per threshold), with the converter transfer of {@link org.aimc.sim.peripheral.AdcErrors}.
 */
final class DiscreteConversion {
    /** Probabilities below this are dropped from the distributions. */
    static final double TINY = 1e-14;
    /** Largest number of support points evaluated; beyond it the caller uses the continuous formulas. */
    static final int MAX_POINTS = 60_000;

    private DiscreteConversion() {
    }

    /**
     * The support and probabilities of s for one conversion, or null when it has more than
     * {@link #MAX_POINTS} points (or the inputs are multi-level with a non-zero base).
     */
    static double[][] distribution(Readouts.Inputs in, Readouts.Digit d, double base, int rows) {
        if (in.uMax() == 1) {
            return gated(in.pOn(), d, base, rows);
        }
        if (base != 0) {
            return null;
        }
        // single-row term t = u d, u = 0 with probability 1 - pOn, else uniform on 1..uMax
        int uMax = in.uMax();
        int tMin = (int) Math.min(0, uMax * d.min());
        int tMax = (int) Math.max(0, uMax * d.max());
        if ((long) (tMax - tMin + 1) * rows > 4L * MAX_POINTS) {
            return null;
        }
        double[] t = new double[tMax - tMin + 1];
        t[-tMin] += 1 - in.pOn();
        for (int u = 1; u <= uMax; u++) {
            for (int k = 0; k < d.size(); k++) {
                t[(int) (u * (d.lMin() + k)) - tMin] += in.pOn() / uMax * d.p(k);
            }
        }
        Pmf sum = Pmf.power(new Pmf(t, tMin), rows);
        if (sum == null || sum.p.length > MAX_POINTS) {
            return null;
        }
        return sum.table(0, 0);
    }

    /** Bit-serial inputs: n ~ Binomial(rows, pOn), m the n-fold sum of the digit. */
    private static double[][] gated(double pOn, Readouts.Digit d, double base, int rows) {
        double[] pn = binomial(rows, pOn);
        int nLo = 0;
        while (nLo < rows && pn[nLo] < TINY) {
            nLo++;
        }
        int nHi = rows;
        while (nHi > nLo && pn[nHi] < TINY) {
            nHi--;
        }
        Pmf digit = new Pmf(digitTable(d), d.lMin());
        Pmf m = Pmf.power(digit, nLo);
        if (m == null) {
            return null;
        }
        if (base == 0) {
            // the value is m alone: merge the counts into one distribution
            int top = d.lMin() + d.size() - 1;
            int lo = Math.min(Math.min(nLo * d.lMin(), nHi * d.lMin()), 0);
            int hi = Math.max(Math.max(nLo * top, nHi * top), 0);
            if (hi - lo + 1 > MAX_POINTS) {
                return null;
            }
            double[] acc = new double[hi - lo + 1];
            for (int n = nLo; n <= nHi; n++) {
                if (n > nLo) {
                    m = m.times(digit);
                }
                for (int k = 0; k < m.p.length; k++) {
                    acc[m.min + k - lo] += pn[n] * m.p[k];
                }
            }
            return new Pmf(acc, lo).table(0, 0);
        }
        java.util.List<double[]> parts = new java.util.ArrayList<>();
        int count = 0;
        for (int n = nLo; n <= nHi; n++) {
            if (n > nLo) {
                m = m.times(digit);
            }
            double[][] t = m.table(base * n, pn[n]);
            count += t[0].length;
            if (count > MAX_POINTS) {
                return null;
            }
            parts.add(t[0]);
            parts.add(t[1]);
        }
        double[] v = new double[count];
        double[] p = new double[count];
        int at = 0;
        for (int k = 0; k < parts.size(); k += 2) {
            System.arraycopy(parts.get(k), 0, v, at, parts.get(k).length);
            System.arraycopy(parts.get(k + 1), 0, p, at, parts.get(k).length);
            at += parts.get(k).length;
        }
        return new double[][] {v, p};
    }

    private static double[] digitTable(Readouts.Digit d) {
        double[] t = new double[d.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = d.p(k);
        }
        return t;
    }

    /** P(n) of a binomial distribution, by logs. */
    static double[] binomial(int n, double p) {
        double[] out = new double[n + 1];
        if (p <= 0 || p >= 1) {
            out[p <= 0 ? 0 : n] = 1;
            return out;
        }
        double lp = Math.log(p);
        double lq = Math.log1p(-p);
        double lc = 0;
        for (int k = 0; k <= n; k++) {
            if (k > 0) {
                lc += Math.log((double) (n - k + 1) / k);
            }
            out[k] = Math.exp(lc + k * lp + (n - k) * lq);
        }
        return out;
    }

    /** A probability table over consecutive integers from {@code min}. */
    static final class Pmf {
        final double[] p;
        final int min;

        Pmf(double[] p, int min) {
            this.p = p;
            this.min = min;
        }

        static final Pmf ONE = new Pmf(new double[] {1}, 0);

        /** The distribution of the sum of independent draws of this and {@code o}, tails below TINY trimmed. */
        Pmf times(Pmf o) {
            double[] r = new double[p.length + o.p.length - 1];
            for (int i = 0; i < p.length; i++) {
                double a = p[i];
                if (a == 0) {
                    continue;
                }
                for (int j = 0; j < o.p.length; j++) {
                    r[i + j] += a * o.p[j];
                }
            }
            int lo = 0;
            int hi = r.length - 1;
            while (lo < hi && r[lo] < TINY * 1e-3) {
                lo++;
            }
            while (hi > lo && r[hi] < TINY * 1e-3) {
                hi--;
            }
            return new Pmf(java.util.Arrays.copyOfRange(r, lo, hi + 1), min + o.min + lo);
        }

        /** The n-fold sum by binary powering, or null when it grows beyond {@link #MAX_POINTS}. */
        static Pmf power(Pmf x, int n) {
            Pmf result = ONE;
            Pmf base = x;
            int k = n;
            while (k > 0) {
                if ((k & 1) == 1) {
                    result = result.times(base);
                }
                k >>= 1;
                if (k > 0) {
                    base = base.times(base);
                }
                if (result.p.length > MAX_POINTS || base.p.length > MAX_POINTS) {
                    return null;
                }
            }
            return result;
        }

        /** {values shift + integer, probabilities scaled by w} of the entries above TINY / w. */
        double[][] table(double shift, double w) {
            double scale = w == 0 ? 1 : w;
            int n = 0;
            for (double q : p) {
                if (q * scale >= TINY) {
                    n++;
                }
            }
            double[] v = new double[n];
            double[] q = new double[n];
            int at = 0;
            for (int k = 0; k < p.length; k++) {
                if (p[k] * scale >= TINY) {
                    v[at] = shift + min + k;
                    q[at++] = p[k] * scale;
                }
            }
            return new double[][] {v, q};
        }
    }

    /** Nodes of the input-noise average when random thresholds need the dynamic programme. */
    static final GaussHermite NOISE_RULE = new GaussHermite(6);

    /**
     * Mean squared error of the digital estimate of s, E[(g(centre of code) - s)^2], over the distribution
     * {@code dist} of s, for the converter seeing v = f(s) on range {@code r}: with Gaussian input noise of
     * {@code analogSigma} (in units of s, entering before f) plus the comparator noise, and thresholds
     * k + inl sin(pi k / P) + N(0, dnl^2 / 2). Returns, for {ideal thresholds without comparator noise,
     * with INL/DNL, with INL/DNL and comparator noise}, the mean squared error at [stage][0] and the mean
     * error at [stage][1] (which adds coherently over the conversions of one output).
     */
    static double[][] mse(double[][] dist, DoubleUnaryOperator f, DoubleUnaryOperator slope, DoubleUnaryOperator g,
            Readouts.Range r, AdcErrors e, double analogSigma) {
        double[][] out = new double[3][2];
        Quantiser[] q = Quantiser.stages(r, e, g);
        double[] vals = dist[0];
        double[] prob = dist[1];
        double[] m = new double[2];
        for (int stage = 0; stage < 3; stage++) {
            double cmp = stage == 2 ? e.noiseLsb() : 0;
            double total = 0;
            double bias = 0;
            for (int i = 0; i < vals.length; i++) {
                double s = vals[i];
                double p = (f.applyAsDouble(s) - r.lo) / r.step;
                double sa = analogSigma * Math.abs(slope.applyAsDouble(s)) / r.step;
                q[stage].moments(p, s, Math.sqrt(sa * sa + cmp * cmp), m);
                total += prob[i] * m[0];
                bias += prob[i] * m[1];
            }
            out[stage][0] = total;
            out[stage][1] = bias;
        }
        return out;
    }

    /**
     * A converter transfer for the averages: thresholds t_k = k + bow_k (k = 1..P-1) with independent random
     * parts of spread sigmaT, and the digital value of each code's centre. Not thread-safe (scratch).
     */
    static final class Quantiser {
        final int codes;
        final double[] t;
        final double[] centre;
        final double sigmaT;
        final double[] dp;

        Quantiser(int codes, double[] t, double[] centre, double sigmaT) {
            this.codes = codes;
            this.t = t;
            this.centre = centre;
            this.sigmaT = sigmaT;
            this.dp = new double[codes + 1];
        }

        /** The three stages of {@link #mse}: ideal thresholds, then INL/DNL (the third adds noise only). */
        static Quantiser[] stages(Readouts.Range r, AdcErrors e, DoubleUnaryOperator g) {
            int codes = r.codes;
            double[] ideal = new double[codes];
            double[] bowed = new double[codes];
            for (int k = 1; k < codes; k++) {
                ideal[k] = k;
                bowed[k] = k + e.inlLsb() * Math.sin(Math.PI * k / codes);
            }
            double[] centre = new double[codes];
            for (int k = 0; k < codes; k++) {
                centre[k] = g.applyAsDouble(r.lo + (k + 0.5) * r.step);
            }
            double sigmaT = e.dnlSigmaLsb() / Math.sqrt(2);
            return new Quantiser[] {new Quantiser(codes, ideal, centre, 0), new Quantiser(codes, bowed, centre, sigmaT),
                new Quantiser(codes, bowed, centre, sigmaT)};
        }

        /** The code of position x with the mean thresholds (monotonic: the bow's slope is far below 1). */
        int code(double x) {
            int c = x < 0 ? 0 : x >= codes ? codes - 1 : (int) x;
            while (c > 0 && x < t[c]) {
                c--;
            }
            while (c < codes - 1 && x >= t[c + 1]) {
                c++;
            }
            return c;
        }

        /**
         * E[(centre(c) - s)^2] and E[centre(c) - s] for input position p with Gaussian noise sp (LSB). Without
         * random thresholds, exactly: code c occurs for p + noise in [t_c, t_c+1). With them, by Gauss–Hermite
         * over the noise and a dynamic programme over the thresholds near the input. Writes {@code out}.
         */
        void moments(double p, double s, double sp, double[] out) {
            if (sigmaT == 0) {
                if (sp == 0) {
                    double e = centre[code(p)] - s;
                    out[0] = e * e;
                    out[1] = e;
                    return;
                }
                int cLo = code(p - 7 * sp);
                int cHi = code(p + 7 * sp);
                double acc = 0;
                double mean = 0;
                double below = cLo == 0 ? 0 : Gaussians.cdfFast((t[cLo] - p) / sp);
                for (int c = cLo; c <= cHi; c++) {
                    double upTo = c == codes - 1 ? 1 : Gaussians.cdfFast((t[c + 1] - p) / sp);
                    double pc = upTo - below;
                    below = upTo;
                    double e = centre[c] - s;
                    acc += pc * e * e;
                    mean += pc * e;
                }
                out[0] = acc;
                out[1] = mean;
                return;
            }
            if (sp == 0) {
                codeMse(p, s, out);
                return;
            }
            double acc = 0;
            double mean = 0;
            for (int j = 0; j < NOISE_RULE.size(); j++) {
                codeMse(p + sp * NOISE_RULE.node(j), s, out);
                acc += NOISE_RULE.weight(j) * out[0];
                mean += NOISE_RULE.weight(j) * out[1];
            }
            out[0] = acc;
            out[1] = mean;
        }

        /**
         * Over the random thresholds at input position x: those well below x all count, those well above
         * none, the uncertain ones near x by a dynamic programme over their independent outcomes.
         */
        private void codeMse(double x, double s, double[] out) {
            double reach = 6 * sigmaT;
            int kLo = Math.max(1, (int) Math.floor(x - reach));
            int kHi = Math.min(codes - 1, (int) Math.ceil(x + reach));
            if (kLo > kHi) {
                double e = centre[x < 1 ? 0 : codes - 1] - s;
                out[0] = e * e;
                out[1] = e;
                return;
            }
            int base = kLo - 1; // thresholds 1..kLo-1 lie below x with certainty
            int n = kHi - kLo + 1;
            java.util.Arrays.fill(dp, 0, n + 1, 0);
            dp[0] = 1;
            for (int k = kLo; k <= kHi; k++) {
                double q = Gaussians.cdfFast((x - t[k]) / sigmaT);
                int used = k - kLo;
                for (int j = used + 1; j >= 1; j--) {
                    dp[j] = dp[j] * (1 - q) + dp[j - 1] * q;
                }
                dp[0] *= 1 - q;
            }
            double acc = 0;
            double mean = 0;
            for (int j = 0; j <= n; j++) {
                if (dp[j] == 0) {
                    continue;
                }
                double e = centre[Math.min(codes - 1, base + j)] - s;
                acc += dp[j] * e * e;
                mean += dp[j] * e;
            }
            out[0] = acc;
            out[1] = mean;
        }
    }

    /**
     * Covariance of the errors of two cycles of one bit-serial input vector (linear readout), for the three
     * stages of {@link #mse}: the cycles share the digits of the column and the rows whose input is not
     * zero. With bits k and l of an input that is uniform over 1..x_max both 1 with probability alpha / 2,
     * the two sums are Z_k = A + B and Z_l = A + B' with A the rows on in both cycles, B and B' the rows on
     * in one only (independent, as binomial counts over many rows), so
     * E[e(Z_k) e(Z_l)] = sum_a P(a) (sum_b P(b) e(a + b))^2 with e the mean error of a value (random
     * thresholds and noise averaged, as they are independent between conversions or small). Returns
     * cov[stage] = that - E[e]^2, or zeros when the distributions are too large.
     */
    static double[] cycleCovariance(Readouts.Inputs in, Readouts.Digit d, int rows, Readouts.Range r, AdcErrors e,
            double analogSigma) {
        double[] cov = new double[3];
        double half = in.pOn() / 2;
        // A (rows on in both cycles) and B (on in one only) have the same distribution
        double[][] a = gated(half, d, 0, rows);
        if (a == null) {
            return cov;
        }
        double[][] b = a;
        int aMin = (int) Math.round(min(a[0]));
        int aMax = (int) Math.round(max(a[0]));
        int bMin = (int) Math.round(min(b[0]));
        int bMax = (int) Math.round(max(b[0]));
        double[] pa = dense(a, aMin, aMax);
        double[] pb = dense(b, bMin, bMax);
        if ((long) pa.length * pb.length > 4L * MAX_POINTS * 10) {
            return cov;
        }
        int zMin = aMin + bMin;
        int zMax = aMax + bMax;
        double[][] values = new double[2][zMax - zMin + 1];
        for (int z = zMin; z <= zMax; z++) {
            values[0][z - zMin] = z;
            values[1][z - zMin] = 1;
        }
        double[][] err = meanErrors(values, r, e, analogSigma);
        for (int st = 0; st < 3; st++) {
            double mu = 0;
            double cross = 0;
            for (int i = 0; i < pa.length; i++) {
                if (pa[i] == 0) {
                    continue;
                }
                double g = 0;
                for (int j = 0; j < pb.length; j++) {
                    g += pb[j] * err[st][i + j + aMin + bMin - zMin];
                }
                cross += pa[i] * g * g;
                mu += pa[i] * g;
            }
            cov[st] = cross - mu * mu;
        }
        return cov;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double[] dense(double[][] t, int lo, int hi) {
        double[] p = new double[hi - lo + 1];
        for (int i = 0; i < t[0].length; i++) {
            p[(int) Math.round(t[0][i]) - lo] += t[1][i];
        }
        return p;
    }

    /**
     * Mean error of each value of {@code values} (a linear readout) for the three stages, with the random
     * threshold errors averaged into their mean, the bow (they are independent between thresholds, so they
     * hardly move the mean error of a value, and what they add to the covariance is second order).
     */
    private static double[][] meanErrors(double[][] values, Readouts.Range r, AdcErrors e, double analogSigma) {
        double[][] out = new double[3][values[0].length];
        Quantiser[] q = Quantiser.stages(r, new AdcErrors(e.inlLsb(), 0, 0, 0, e.noiseLsb()), x -> x);
        double[] m = new double[2];
        double sa = analogSigma / r.step;
        for (int st = 0; st < 3; st++) {
            double cmp = st == 2 ? e.noiseLsb() : 0;
            double sp = Math.sqrt(sa * sa + cmp * cmp);
            for (int i = 0; i < values[0].length; i++) {
                double s = values[0][i];
                q[st].moments((s - r.lo) / r.step, s, sp, m);
                out[st][i] = m[1];
            }
        }
        return out;
    }
}
