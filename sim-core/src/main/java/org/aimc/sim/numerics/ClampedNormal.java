package org.aimc.sim.numerics;

/** Moments of a normal variable clipped below at zero: X = max(0, Y), Y ~ N(mu, sigma^2). */
public final class ClampedNormal {
    private ClampedNormal() {
    }

    /**
     * E[X] = mu Φ(a) + sigma φ(a) and E[X^2] = (mu^2 + sigma^2) Φ(a) + mu sigma φ(a), a = mu / sigma.
     * Writes {@code out[0]} = E[X], {@code out[1]} = E[X^2].
     */
    public static void moments(double mu, double sigma, double[] out) {
        if (sigma <= 0) {
            double x = Math.max(0, mu);
            out[0] = x;
            out[1] = x * x;
            return;
        }
        double a = mu / sigma;
        double cdf = Gaussians.cdf(a);
        double pdf = Gaussians.pdf(a);
        out[0] = mu * cdf + sigma * pdf;
        out[1] = (mu * mu + sigma * sigma) * cdf + mu * sigma * pdf;
    }
}
