package org.aimc.sim.peripheral;

import org.aimc.sim.cost.Technology;

/**
 * Successive-approximation ADC (physics.md §5.4): survey energy envelope per conversion, one bit decision
 * per clock, area of a binary capacitor DAC plus comparator and SAR logic.
 */
public final class SarAdc implements AdcKind {
    /** Unit capacitor of the capacitor DAC: typical ~1 fF MOM unit for column SARs [T]. */
    static final double UNIT_CAP_F = 1e-15;
    /** SAR logic per bit (register, control), NAND2 equivalents; typical [T]. */
    static final double LOGIC_GATES_PER_BIT = 30;
    /** Comparator with its latch, NAND2 equivalents; typical [T]. */
    static final double COMPARATOR_GATES = 50;
    /** Bit-cycle time at 22 nm: 1 ns (a 1 GHz internal SAR clock), scaled ∝ F; typical [T]. */
    static final double BIT_TIME_S_22NM = 1e-9;

    @Override
    public String id() {
        return "sar";
    }

    @Override
    public String description() {
        return "successive-approximation ADC, survey energy envelope (Walden / Schreier)";
    }

    @Override
    public double energyJ(int bits, Technology tech) {
        return Converters.surveyEnergyJ(bits);
    }

    @Override
    public double conversionTimeS(int bits, Technology tech) {
        return bits * BIT_TIME_S_22NM * (tech.featureM() / 22e-9);
    }

    @Override
    public double areaM2(int bits, Technology tech) {
        double caps = Math.scalb(1.0, bits) * UNIT_CAP_F / Technology.MOM_CAP_F_PER_M2;
        return caps + tech.gatesArea(COMPARATOR_GATES + LOGIC_GATES_PER_BIT * bits);
    }
}
