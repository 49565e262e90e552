package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.spec.ParamDef;

/**
 * Single-slope (ramp) ADC (physics.md §5.4): a ramp and a counter shared by all columns, one continuous
 * comparator and a B-bit latch per column; 2^B clock steps per conversion. Per column energy: the
 * comparator's bias over the 2^B steps plus the latch write; the shared ramp and counter are amortised
 * over the columns and not counted. The ramp is monotonic (tiny DNL); its curvature is the INL bow.
 */
public final class RampAdc implements AdcKind {
    /**
     * Bias of a column comparator, A: 1 µA; typical for column-parallel single-slope converters [T]. Its
     * energy per ramp step is I_bias V_DD t_clk.
     */
    static final double COMPARATOR_BIAS_A = 1e-6;
    /** Continuous comparator, NAND2 equivalents; typical [T]. */
    static final double COMPARATOR_GATES = 40;
    /** Latch per bit, NAND2 equivalents; typical [T]. */
    static final double LATCH_GATES_PER_BIT = 6;

    static final List<ParamDef> PARAMS = AdcErrors.params(
            1.0, "typical: ramp-generator curvature, ~1 LSB INL for 8-10 b single-slope converters [T]",
            0.05, "typical: a monotonic ramp gives |DNL| well below 0.1 LSB [T]",
            1.0, "typical: column comparator offset ~1 LSB at 8 b [T]",
            0.005, "typical: column-to-column gain spread ~0.5 % from comparator delay [T]",
            0.3, "typical: comparator noise ~0.3 LSB rms [T]");

    @Override
    public String id() {
        return "ramp";
    }

    @Override
    public String description() {
        return "single-slope ADC: shared ramp and counter, a comparator and latch per column, 2^B steps";
    }

    @Override
    public List<ParamDef> parameters() {
        return PARAMS;
    }

    @Override
    public double energyJ(int bits, Technology tech) {
        double steps = Math.scalb(1.0, bits);
        return Math.max(steps * COMPARATOR_BIAS_A * tech.vddV() * Converters.clockS(tech) + bits * tech.addBitEnergyJ(),
                Converters.surveyFloorJ(bits));
    }

    @Override
    public double conversionTimeS(int bits, Technology tech) {
        return Math.scalb(1.0, bits) * Converters.clockS(tech);
    }

    @Override
    public double areaM2(int bits, Technology tech) {
        return tech.gatesArea(COMPARATOR_GATES + LATCH_GATES_PER_BIT * bits);
    }
}
