package org.aimc.sim.device;

/**
 * Shapes of cell I-V curves, as the ratio I(v) / (g v) normalised to 1 at the read voltage v_r at which a
 * device is programmed and verified (physics.md §4: "I = G V_0 sinh(V / V_0) (or polynomial) – only for
 * amplitude encoding").
 */
final class IvCurves {
    private IvCurves() {
    }

    /** sinh(s) / s, with its series near 0. */
    static double sinhc(double s) {
        double a = Math.abs(s);
        if (a < 1e-4) {
            return 1 + s * s / 6;
        }
        return Math.sinh(s) / s;
    }

    /** I = g v_0 sinh(v / v_0): (sinh(v/v_0)/(v/v_0)) / (sinh(v_r/v_0)/(v_r/v_0)). */
    static double sinh(double v, double vr, double v0) {
        return sinhc(v / v0) / sinhc(vr / v0);
    }

    /** (1 - e^-s) / s, with its series near 0. */
    static double expc(double s) {
        if (Math.abs(s) < 1e-6) {
            return 1 - s / 2;
        }
        return -Math.expm1(-s) / s;
    }

    /**
     * Subthreshold MOSFET drain dependence I ∝ 1 - exp(-v / V_T) (drain voltage v, thermal voltage V_T, the
     * gate bias fixed; Sze and Ng, Physics of Semiconductor Devices, 3rd ed., §6.2.4).
     */
    static double subthresholdDrain(double v, double vr, double thermalV) {
        return expc(v / thermalV) / expc(vr / thermalV);
    }

    /** Thermal voltage kT/q, V. */
    static double thermalVoltage(double temperatureK) {
        return Constants.K_B * temperatureK / Constants.Q;
    }
}
