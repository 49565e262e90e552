package org.aimc.sim.device;

import org.aimc.sim.numerics.ClampedNormal;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Relaxation of a programmed conductance toward a rest value: g(t) = g_rest + (g_p - g_rest) D, where the
 * retained fraction D = max(0, 1 - a (1 + c Z)) is drawn once per device (Z standard normal, independent of
 * the programming error), a = a(t) is the mean lost fraction and c its device-to-device spread. Used for
 * FeFET depolarisation and ECRAM open-circuit relaxation; the moments below are exact for the sampler.
 */
final class Relaxation {
    private Relaxation() {
    }

    /**
     * Moments of g(t) from those of g_p. Writes {@code out[0]} = E[g(t)], {@code out[1]} = E[g(t)^2].
     *
     * @param m1 E[g_p]
     * @param m2 E[g_p^2]
     * @param a  mean lost fraction at time t (0 = no relaxation)
     * @param c  relative spread of the lost fraction
     */
    static void moments(double m1, double m2, double rest, double a, double c, double[] out) {
        if (a == 0) {
            out[0] = m1;
            out[1] = m2;
            return;
        }
        double[] d = new double[2];
        ClampedNormal.moments(1 - a, a * c, d);
        double dev1 = m1 - rest;
        double dev2 = m2 - 2 * rest * m1 + rest * rest;
        out[0] = rest + dev1 * d[0];
        out[1] = rest * rest + 2 * rest * dev1 * d[0] + dev2 * d[1];
    }

    /** Samples g(t) for a device at {@code gp}, drawing its retained fraction from {@code z}. */
    static double sample(double gp, double rest, double a, double c, NormalizedGaussianSampler z) {
        if (a == 0) {
            return gp;
        }
        double d = Math.max(0, 1 - a * (1 + c * z.sample()));
        return rest + (gp - rest) * d;
    }
}
