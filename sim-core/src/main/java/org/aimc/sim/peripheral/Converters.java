package org.aimc.sim.peripheral;

import org.aimc.sim.cost.Technology;

/**
 * Converter figures of merit and circuit constants shared by the ADC kinds (physics.md §5.4).
 *
 * <p>Every converter kind computes its energy per conversion from its architecture template (comparator
 * decisions, capacitor-DAC switching, oscillator or delay-line stages, counters: C V^2 terms with node-scaled
 * capacitances, physics.md §5.4 table) and takes at least the survey envelope ({@link #surveyFloorJ}): the
 * Walden bound of the best designs at low resolution and the Schreier thermal-noise bound, 4x per bit, at
 * high resolution. Templates scale with node and supply; the thermal bound does not (kT/C sets it).
 */
public final class Converters {
    /** Schreier figure of merit (dB) of the thermal-noise-limited regime: 185 dB (physics.md §5.4) [T]. */
    public static final double FOM_SCHREIER_DB = 185;

    /**
     * Minimum-size transistor terminals a dynamic (StrongARM) latch switches per decision besides its input
     * pair: ~10 transistors with gate and drain, 20 terminals of {@link Technology#gateCapF}; typical [T].
     */
    static final double LATCH_TERMINALS = 20;

    /**
     * Pelgrom coefficient of threshold mismatch, V·m: 2 mV·µm (physics.md §3.4: A_VT ~1-3 mV·µm in recent
     * nodes [?]); sizes the input pair of offset-limited comparators.
     */
    static final double A_VT_V_M = 2e-3 * 1e-6;

    /** Dynamic comparator with its latch and clocking, NAND2 equivalents; typical [T]. */
    static final double COMPARATOR_GATES = 50;

    /**
     * Walden figure of merit of the best converters of the survey, J per step: 1 fJ/step, the envelope that
     * the best low-speed SARs reach (B. Murmann, ADC Performance Survey 1997-2024, Walden FoM scatter; physics.md
     * §5.4 and ref. 32 give 1-5 fJ/step for good SARs) [T]. A floor for every architecture.
     */
    public static final double FOM_WALDEN_BEST_J = 1e-15;

    private Converters() {
    }

    /**
     * Energy of one comparator decision, J: V_DD^2 (C_latch + 2 C_in), the latch's minimum devices plus an
     * input pair sized for the decision's accuracy {@code sigmaV} (V): noise-limited, C_in = k T / sigma^2
     * (kT/C, physics.md §5.6), or — when {@code offsetLimited}, for converters whose comparator offsets are
     * the DNL (flash) — offset-limited, W L = (A_VT / sigma)^2 at C_ox = (1 fF/µm) / F, whichever is larger.
     */
    static double comparatorJ(Technology tech, double sigmaV, boolean offsetLimited) {
        double cNoise = tech.kT() / (sigmaV * sigmaV);
        double cIn = cNoise;
        if (offsetLimited) {
            double wl = (A_VT_V_M / sigmaV) * (A_VT_V_M / sigmaV);
            cIn = Math.max(cIn, Technology.GATE_CAP_F_PER_M / tech.featureM() * wl);
        }
        double v = tech.vddV();
        return v * v * (LATCH_TERMINALS * tech.gateCapF() + 2 * cIn);
    }

    /** One LSB of a {@code bits}-bit converter spanning the supply, V. */
    static double lsbV(int bits, Technology tech) {
        return tech.vddV() / Math.scalb(1.0, bits);
    }

    /** Converter clock period at the node and supply of {@code tech}, s: the macro clock. */
    static double clockS(Technology tech) {
        return tech.clockS();
    }

    /**
     * The survey envelope at {@code bits}: max(FoM_W,best 2^B, 0.75 · 4^B · 10^(-FoM_S/10)), J. Every
     * converter kind's energy is at least this.
     */
    public static double surveyFloorJ(int bits) {
        return Math.max(FOM_WALDEN_BEST_J * Math.scalb(1.0, bits), THERMAL_J * Math.scalb(1.0, 2 * bits));
    }

    /** The Schreier thermal-noise bound alone, J: 0.75 · 4^B · 10^(-FoM_S/10). */
    public static double thermalFloorJ(int bits) {
        return THERMAL_J * Math.scalb(1.0, 2 * bits);
    }

    /** 0.75 · 10^(-FoM_S/10), J: the thermal-noise-limited energy per 4^ENOB. */
    private static final double THERMAL_J = 0.75 * Math.pow(10, -FOM_SCHREIER_DB / 10);
}
