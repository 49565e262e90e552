package org.aimc.sim.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

class GaussiansTest {
    @Test
    void cdfMatchesTabulatedValues() {
        // Abramowitz & Stegun, Table 26.1
        assertEquals(0.5, Gaussians.cdf(0), 1e-7);
        assertEquals(0.8413447461, Gaussians.cdf(1), 2e-7);
        assertEquals(0.9772498681, Gaussians.cdf(2), 2e-7);
        assertEquals(0.0013498980, Gaussians.cdf(-3), 2e-8);
    }

    @Test
    void clippingErrorMatchesNumericalIntegration() {
        for (double k : new double[] {0.5, 1, 2, 3, 4}) {
            // 2 ∫_k^∞ (z - k)^2 φ(z) dz by the midpoint rule
            double h = 1e-4;
            double s = 0;
            for (double z = k + h / 2; z < k + 12; z += h) {
                s += (z - k) * (z - k) * Gaussians.pdf(z) * h;
            }
            assertEquals(2 * s, Gaussians.clippingMse(k), 1e-6 + 1e-5 * s);
        }
    }

    @Test
    void foldedNormalLaplaceMatchesSampling() {
        UniformRandomProvider r = KeyedRandom.stream(3, 0, Purpose.DATA, 0);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(r);
        double mu = 0.06;
        double sd = 0.045;
        double a = 8;
        int n = 400000;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.exp(-a * Math.abs(mu + sd * z.sample()));
        }
        assertEquals(s / n, Gaussians.foldedNormalLaplace(a, mu, sd), 1e-3);
    }

    @Test
    void clampedNormalMomentsMatchSampling() {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(
                KeyedRandom.stream(4, 0, Purpose.DATA, 0));
        double[] m = new double[2];
        for (double mu : new double[] {-1, 0, 0.5, 3}) {
            int n = 400000;
            double s1 = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                double x = Math.max(0, mu + z.sample());
                s1 += x;
                s2 += x * x;
            }
            ClampedNormal.moments(mu, 1, m);
            assertEquals(s1 / n, m[0], 0.01);
            assertEquals(s2 / n, m[1], 0.02 * Math.max(1, m[1]));
        }
        ClampedNormal.moments(0, 1, m);
        assertEquals(Math.sqrt(1 / (2 * Math.PI)), m[0], 1e-7);
        assertEquals(0.5, m[1], 1e-7);
    }
}
