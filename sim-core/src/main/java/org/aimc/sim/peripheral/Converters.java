package org.aimc.sim.peripheral;

import org.aimc.sim.cost.Technology;

/** Converter figures of merit and circuit constants shared by the ADC kinds (physics.md §5.4). */
public final class Converters {
    /**
     * Walden figure of merit of a good column SAR, J per conversion step: 5 fJ. The best reported SARs reach
     * 2.2-4.4 fJ/step (B. Jonsson's ADC survey updates 2011-2013, converterpassion.wordpress.com, from
     * B. Murmann's ADC survey data); physics.md §5.4 gives 1-5 fJ/step for good SARs [T].
     */
    public static final double FOM_WALDEN_J = 5e-15;

    /** Schreier figure of merit (dB) of the thermal-noise-limited regime: 185 dB (physics.md §5.4) [T]. */
    public static final double FOM_SCHREIER_DB = 185;

    /**
     * Energy of one decision of a dynamic (StrongARM-latch) comparator at 22 nm and 0.8 V: 15 fJ; typical
     * 10-50 fJ per decision in 28-65 nm CMOS [T]. Scaled ∝ F V^2 (charge of node capacitances ∝ F).
     */
    static final double COMPARATOR_J_22NM_0V8 = 15e-15;

    /** Dynamic comparator with its latch and clocking, NAND2 equivalents; typical [T]. */
    static final double COMPARATOR_GATES = 50;

    /**
     * Converter clock at 22 nm: 1 ns (1 GHz), scaled ∝ F; typical for column converters in CIM macros [T].
     * One SAR bit cycle, one flash or ramp step, one counter period.
     */
    static final double CLOCK_S_22NM = 1e-9;

    private Converters() {
    }

    /** Energy of one comparator decision at the node and supply of {@code tech}, J. */
    static double comparatorJ(Technology tech) {
        double v = tech.vddV() / 0.8;
        return COMPARATOR_J_22NM_0V8 * (tech.featureM() / 22e-9) * v * v;
    }

    /** Converter clock period at the node of {@code tech}, s. */
    static double clockS(Technology tech) {
        return CLOCK_S_22NM * (tech.featureM() / 22e-9);
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
