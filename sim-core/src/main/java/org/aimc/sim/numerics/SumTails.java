package org.aimc.sim.numerics;

/**
 * Tails of the sum Z of n independent draws of a discrete term t (values v_j with probabilities q_j), by
 * the saddlepoint approximation of Lugannani and Rice ("Saddle point approximation for the distribution of
 * the sum of independent random variables", Adv. Appl. Prob. 12, 1980): with the cumulant generating
 * function K(theta) = n log sum_j q_j e^(theta v_j), theta solving K'(theta) = z,
 * w = sqrt(2 (theta z - K(theta))), u = theta sqrt(K''(theta)):
 * P(Z &gt; z) ≈ 1 - Φ(w) + φ(w) (1/u - 1/w). Unlike a normal approximation it keeps the tails of sparse or
 * bounded terms (zero beyond n max v). Not thread-safe (it remembers the last saddlepoint to start the
 * next search).
 */
public final class SumTails {
    private final double[] v;
    private final double[] q;
    private final int n;
    private final double mean;
    private final double sd;
    private final double vMax;
    private final double vMin;
    /** Saddlepoint of the last {@link #upper} call, the start of the next (not part of the value). */
    private double lastTheta;

    /** The sum of {@code n} draws of the term with values {@code values} and probabilities {@code probs}. */
    public SumTails(double[] values, double[] probs, int n) {
        this.v = values.clone();
        this.q = probs.clone();
        this.n = n;
        double m = 0;
        double m2 = 0;
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (int j = 0; j < v.length; j++) {
            m += q[j] * v[j];
            m2 += q[j] * v[j] * v[j];
            if (q[j] > 0) {
                hi = Math.max(hi, v[j]);
                lo = Math.min(lo, v[j]);
            }
        }
        this.mean = n * m;
        this.sd = Math.sqrt(Math.max(n * (m2 - m * m), 0));
        this.vMax = hi;
        this.vMin = lo;
    }

    /** Writes K'(theta) / n and K''(theta) / n (tilted mean and variance of one term) into {@code out}. */
    private void tilted(double theta, double[] out) {
        double top = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < v.length; j++) {
            if (q[j] > 0) {
                top = Math.max(top, theta * v[j]);
            }
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int j = 0; j < v.length; j++) {
            if (q[j] == 0) {
                continue;
            }
            double w = q[j] * Math.exp(theta * v[j] - top);
            s0 += w;
            s1 += w * v[j];
            s2 += w * v[j] * v[j];
        }
        double m = s1 / s0;
        out[0] = m;
        out[1] = Math.max(s2 / s0 - m * m, 0);
        out[2] = top + Math.log(s0);
    }

    /**
     * P(Z &gt; z) for z above the mean (the upper tail); 0 at or beyond the largest possible sum. Normal
     * approximation within a fraction of a standard deviation of the mean, where the saddlepoint is flat.
     */
    public double upper(double z) {
        if (z >= n * vMax) {
            return 0;
        }
        if (sd == 0) {
            return z < mean ? 1 : 0;
        }
        double x = (z - mean) / sd;
        if (x < 0.1) {
            return 1 - Gaussians.cdf(x);
        }
        double target = z / n;
        double[] t = new double[3];
        // bracket and solve K'(theta) / n = target by safeguarded Newton
        double loT = 0;
        double hiT = Math.max(x / sd, lastTheta);
        tilted(hiT, t);
        while (t[0] < target) {
            loT = hiT;
            hiT *= 2;
            tilted(hiT, t);
            if (hiT > 1e300) {
                return 0;
            }
        }
        double theta = lastTheta > loT && lastTheta < hiT ? lastTheta : 0.5 * (loT + hiT);
        for (int it = 0; it < 100; it++) {
            tilted(theta, t);
            double f = t[0] - target;
            if (f > 0) {
                hiT = theta;
            } else {
                loT = theta;
            }
            double next = t[1] > 0 ? theta - f / t[1] : 0.5 * (loT + hiT);
            if (!(next > loT && next < hiT)) {
                next = 0.5 * (loT + hiT);
            }
            if (Math.abs(next - theta) <= 1e-9 * Math.max(1e-300, Math.abs(theta))) {
                theta = next;
                break;
            }
            theta = next;
        }
        lastTheta = theta;
        tilted(theta, t);
        double k = n * t[2];
        double w = Math.sqrt(Math.max(2 * (theta * z - k), 0));
        double u = theta * Math.sqrt(n * t[1]);
        if (w == 0 || u == 0) {
            return 1 - Gaussians.cdf(x);
        }
        double p = 0.5 * Gaussians.erfc(w / Math.sqrt(2)) + Gaussians.pdf(w) * (1 / u - 1 / w);
        return Math.min(Math.max(p, 0), 1);
    }

    /** Simpson intervals of {@link #clippingMse}. */
    static final int INTERVALS = 16;

    /**
     * E[(Z - hi)^2; Z &gt; hi] + E[(lo - Z)^2; Z &lt; lo] = integral of 2 (z - hi) P(Z &gt; z) over z &gt; hi,
     * and the mirror image below lo.
     */
    public double clippingMse(double lo, double hi) {
        return upperMse(hi) + new SumTails(negate(v), q, n).upperMse(-lo);
    }

    private static double[] negate(double[] a) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = -a[i];
        }
        return b;
    }

    private double upperMse(double h) {
        double zMax = n * vMax;
        if (h >= zMax || sd == 0) {
            return 0;
        }
        if (h <= mean) {
            // the range does not even cover the mean: fall back to the normal picture
            double a = (h - mean) / sd;
            return sd * sd * Gaussians.tailMse(a);
        }
        // the tail decays over ~ sd^2 / (h - mean) (normal) or faster; integrate 12 decay lengths
        double decay = sd * sd / (h - mean);
        double end = Math.min(zMax, h + 12 * Math.max(decay, sd * 1e-3));
        double step = (end - h) / INTERVALS;
        double sum = 0;
        for (int k = 0; k <= INTERVALS; k++) {
            double z = h + k * step;
            double w = k == 0 || k == INTERVALS ? 1 : (k % 2 == 1 ? 4 : 2);
            sum += w * 2 * (z - h) * upper(z);
        }
        return sum * step / 3;
    }

    public double mean() {
        return mean;
    }

    public double sd() {
        return sd;
    }

    /** Smallest possible term value. */
    public double termMin() {
        return vMin;
    }
}
