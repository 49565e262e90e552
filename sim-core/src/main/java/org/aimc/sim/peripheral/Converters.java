package org.aimc.sim.peripheral;

/** Converter figures of merit shared by the ADC kinds (physics.md §5.4). */
public final class Converters {
    /**
     * Walden figure of merit of a good column SAR, J per conversion step: 5 fJ. The best reported SARs reach
     * 2.2-4.4 fJ/step (B. Jonsson's ADC survey updates 2011-2013, converterpassion.wordpress.com, from
     * B. Murmann's ADC survey data); physics.md §5.4 gives 1-5 fJ/step for good SARs [T].
     */
    public static final double FOM_WALDEN_J = 5e-15;

    /** Schreier figure of merit (dB) of the thermal-noise-limited regime: 185 dB (physics.md §5.4) [T]. */
    public static final double FOM_SCHREIER_DB = 185;

    private Converters() {
    }

    /**
     * Survey energy envelope of one conversion at resolution {@code enob}:
     * max(FoM_W 2^ENOB, 0.75 · 4^ENOB · 10^(-FoM_S/10)) — Walden-limited at low resolution, thermal-noise
     * limited (4x per bit) at high resolution (physics.md §5.4).
     */
    public static double surveyEnergyJ(double enob) {
        double walden = FOM_WALDEN_J * Math.pow(2, enob);
        double thermal = THERMAL_J * Math.pow(4, enob);
        return Math.max(walden, thermal);
    }

    /** {@link #surveyEnergyJ} at an integer resolution, without pow. */
    public static double surveyEnergyJ(int bits) {
        double walden = FOM_WALDEN_J * Math.scalb(1.0, bits);
        double thermal = THERMAL_J * Math.scalb(1.0, 2 * bits);
        return Math.max(walden, thermal);
    }

    /** 0.75 · 10^(-FoM_S/10), J: the thermal-noise-limited energy per 4^ENOB. */
    private static final double THERMAL_J = 0.75 * Math.pow(10, -FOM_SCHREIER_DB / 10);
}
