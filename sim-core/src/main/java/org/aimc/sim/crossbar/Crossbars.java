package org.aimc.sim.crossbar;

import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;

/** Random crossbars for checks against SPICE and for benchmarks. */
public final class Crossbars {
    /** Lowest conductance of the default draw: rram.yaml (neurram preset) g_min_s = 1 uS [S]. */
    public static final double DEFAULT_G_MIN_S = 1e-6;
    /** Highest conductance of the default draw: rram.yaml (neurram preset) g_max_s = 40 uS [S]. */
    public static final double DEFAULT_G_MAX_S = 40e-6;
    /** Largest input of linear cells: rram.yaml read_voltage_v = 0.2 V [T]. */
    public static final double DEFAULT_V_MAX_LINEAR_V = 0.2;
    /**
     * Largest input of 1S1R cells: 1.5 V, so that with the default selector (V0 = 0.1 V, I0 = 100 nA) the
     * cells span off (below ~0.4 V) to well on.
     */
    public static final double DEFAULT_V_MAX_SELECTOR_V = 1.5;

    private Crossbars() {
    }

    /** The default largest input voltage for a crossbar of this access structure. */
    public static double defaultMaxInputV(CrossbarSpec spec) {
        return spec.linear() ? DEFAULT_V_MAX_LINEAR_V : DEFAULT_V_MAX_SELECTOR_V;
    }

    /**
     * Conductances uniform in [gMin, gMax] and inputs uniform in [0, vMax], every line terminated; a pure
     * function of the arguments (stream keyed by {@code seed}, purpose DATA).
     */
    public static CrossbarCase random(CrossbarSpec spec, double gMinS, double gMaxS, double vMaxV, long seed) {
        if (!(gMinS >= 0) || !(gMaxS >= gMinS) || !Double.isFinite(gMaxS)) {
            throw new CrossbarException("conductance range [" + gMinS + ", " + gMaxS + "] S: need 0 <= g_min <= g_max");
        }
        if (!(vMaxV >= 0) || !Double.isFinite(vMaxV)) {
            throw new CrossbarException("largest input voltage " + vMaxV + " V: need a finite value >= 0");
        }
        UniformRandomProvider rng = KeyedRandom.stream(seed, 0, Purpose.DATA, 0);
        int m = spec.rows();
        int n = spec.cols();
        double[] g = new double[m * n];
        for (int k = 0; k < g.length; k++) {
            g[k] = gMinS + (gMaxS - gMinS) * rng.nextDouble();
        }
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            v[i] = vMaxV * rng.nextDouble();
        }
        return new CrossbarCase(Crossbar.of(spec, g), v);
    }

    /** {@link #random(CrossbarSpec, double, double, double, long)} with the defaults of this class. */
    public static CrossbarCase random(CrossbarSpec spec, long seed) {
        return random(spec, DEFAULT_G_MIN_S, DEFAULT_G_MAX_S, defaultMaxInputV(spec), seed);
    }
}
