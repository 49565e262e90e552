package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.spec.ParamDef;

/**
 * Flash ADC (physics.md §5.4): 2^B - 1 comparators against a reference ladder decide in one clock;
 * energy (2^B - 1) E_cmp plus the thermometer encoder, area ~2^B comparators. Each comparator's offset is a
 * threshold error (the DNL), so its input pair is sized for an offset of LSB/4 (Pelgrom). Independent comparator
 * offsets make each threshold an independent draw (the DNL); the ladder's gradient gives a small bow.
 * Fits 2-5 b (the XNOR-SRAM macro's 11-level column flash, physics.md §2.5).
 */
public final class FlashAdc implements AdcKind {
    /** Ladder tap and its switch per threshold, NAND2 equivalents; typical [T]. */
    static final double TAP_GATES = 4;
    /** Thermometer-to-binary encoder per threshold (ROM / Wallace), NAND2 equivalents; typical [T]. */
    static final double ENCODER_GATES_PER_LEVEL = 3;

    static final List<ParamDef> PARAMS = AdcErrors.params(
            0.25, "typical: resistor-ladder gradient error, |INL| ~0.25 LSB for 3-5 b flashes [T]",
            0.3, "typical: comparator offsets ~0.2-0.3 LSB rms dominate a flash's DNL [T]",
            0.5, "typical: common offset of the ladder and comparators ~0.5 LSB [T]",
            0.005, "typical: ladder reference gain error ~0.5 % [T]",
            0.2, "typical: comparator noise ~0.2 LSB rms at 3-5 b [T]");

    @Override
    public String id() {
        return "flash";
    }

    @Override
    public String description() {
        return "flash ADC: 2^B - 1 comparators against a reference ladder, one clock";
    }

    @Override
    public List<ParamDef> parameters() {
        return PARAMS;
    }

    @Override
    public double energyJ(int bits, Technology tech) {
        double levels = Math.scalb(1.0, bits) - 1;
        return Math.max(levels * (Converters.comparatorJ(tech, Converters.lsbV(bits, tech) / 4, true) + ENCODER_GATES_PER_LEVEL * tech.addBitEnergyJ()),
                Converters.surveyFloorJ(bits));
    }

    @Override
    public double conversionTimeS(int bits, Technology tech) {
        return Converters.clockS(tech);
    }

    @Override
    public double areaM2(int bits, Technology tech) {
        double levels = Math.scalb(1.0, bits) - 1;
        return tech.gatesArea(levels * (Converters.COMPARATOR_GATES + TAP_GATES + ENCODER_GATES_PER_LEVEL));
    }
}
