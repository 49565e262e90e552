package org.aimc.sim.numerics;

/** Normal-distribution functions used by the closed-form error budgets. */
public final class Gaussians {
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private Gaussians() {
    }

    /** Standard normal density. */
    public static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** Span and resolution of the table behind {@link #cdfFast}. */
    private static final double FAST_SPAN = 8;
    private static final int FAST_POINTS = 8192;
    private static final double[] FAST_TABLE = new double[FAST_POINTS + 1];

    static {
        for (int i = 0; i <= FAST_POINTS; i++) {
            FAST_TABLE[i] = cdf(-FAST_SPAN + 2 * FAST_SPAN * i / FAST_POINTS);
        }
    }

    /**
     * Φ(x) by linear interpolation in a table of {@link #cdf} over ±8 (absolute error below 2e-6): for inner
     * loops that need many evaluations at modest accuracy.
     */
    public static double cdfFast(double x) {
        if (x <= -FAST_SPAN) {
            return 0;
        }
        if (x >= FAST_SPAN) {
            return 1;
        }
        double u = (x + FAST_SPAN) * (FAST_POINTS / (2 * FAST_SPAN));
        int i = (int) u;
        double f = u - i;
        return FAST_TABLE[i] + f * (FAST_TABLE[i + 1] - FAST_TABLE[i]);
    }

    /** Standard normal CDF Φ(x), via {@link #erfc} (absolute error below 1.2e-7 · pdf scale). */
    public static double cdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2.0));
    }

    /**
     * Complementary error function, Chebyshev-fitted form of Numerical Recipes in C, 2nd ed., §6.2
     * ({@code erfcc}), fractional error below 1.2e-7 everywhere.
     */
    public static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }

    /**
     * Mean squared clipping error of a unit normal variable clipped at ±k:
     * E[(|Z| - k)^2; |Z| > k] = 2[(1 + k^2) Q(k) - k φ(k)], Q = 1 - Φ.
     */
    public static double clippingMse(double k) {
        double q = 0.5 * erfc(k / Math.sqrt(2.0));
        return Math.max(0.0, 2.0 * ((1.0 + k * k) * q - k * pdf(k)));
    }

    /**
     * E[exp(-a |Y|)] for Y ~ N(mu, sigma^2) (a folded normal's Laplace transform):
     * e^{-a mu + a^2 s^2/2} Φ(mu/s - a s) + e^{a mu + a^2 s^2/2} Φ(-mu/s - a s).
     */
    public static double foldedNormalLaplace(double a, double mu, double sigma) {
        if (sigma <= 0) {
            return Math.exp(-a * Math.abs(mu));
        }
        double h = 0.5 * a * a * sigma * sigma;
        double r = mu / sigma;
        return Math.exp(-a * mu + h) * cdf(r - a * sigma) + Math.exp(a * mu + h) * cdf(-r - a * sigma);
    }

    /**
     * One tail of the clipping error of a unit normal variable clipped at a: E[(Z - a)^2; Z > a] =
     * (1 + a^2) Q(a) - a φ(a), Q = 1 - Φ. Clipping a normal N(mu, s^2) to [lo, hi] has mean squared error
     * s^2 [tailMse((hi - mu)/s) + tailMse((mu - lo)/s)].
     */
    public static double tailMse(double a) {
        double q = 0.5 * erfc(a / Math.sqrt(2.0));
        return Math.max(0.0, (1.0 + a * a) * q - a * pdf(a));
    }

    /** Standard deviations covered on each side by {@link #expectation}. */
    static final double EXPECTATION_SPAN = 8;
    /** Simpson intervals of {@link #expectation} (even). */
    static final int EXPECTATION_INTERVALS = 256;

    /**
     * E[f(Y)] for Y ~ N(mu, sigma^2) by composite Simpson integration over mu ± 8 sigma (256 intervals):
     * for functions that are smooth on that range the error is far below the tolerances of the analytic tier.
     * f(mu) when sigma is 0.
     */
    public static double expectation(java.util.function.DoubleUnaryOperator f, double mu, double sigma) {
        if (sigma <= 0) {
            return f.applyAsDouble(mu);
        }
        int n = EXPECTATION_INTERVALS;
        double h = 2 * EXPECTATION_SPAN / n;
        double sum = 0;
        for (int k = 0; k <= n; k++) {
            double z = -EXPECTATION_SPAN + k * h;
            double w = k == 0 || k == n ? 1 : (k % 2 == 1 ? 4 : 2);
            sum += w * pdf(z) * f.applyAsDouble(mu + sigma * z);
        }
        return sum * h / 3;
    }
}
