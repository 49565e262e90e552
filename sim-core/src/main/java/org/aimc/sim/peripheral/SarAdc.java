package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.spec.ParamDef;

/**
 * Successive-approximation ADC (physics.md §5.4): survey energy envelope per conversion, one bit decision
 * per clock, area of a binary capacitor DAC plus comparator and SAR logic. Errors: capacitor-DAC mismatch
 * shows as INL/DNL, the comparator sets offset and transition noise.
 */
public final class SarAdc implements AdcKind {
    /** Unit capacitor of the capacitor DAC: typical ~1 fF MOM unit for column SARs [T]. */
    static final double UNIT_CAP_F = 1e-15;
    /** SAR logic per bit (register, control), NAND2 equivalents; typical [T]. */
    static final double LOGIC_GATES_PER_BIT = 30;

    static final List<ParamDef> PARAMS = AdcErrors.params(
            0.5, "typical: |INL| < 0.5-1 LSB quoted for 6-10 b column SARs of CIM macros [T]",
            0.2, "typical: |DNL| < 0.5 LSB (no missing codes) for 6-10 b SARs, here sigma 0.2 LSB [T]",
            1.0, "typical: comparator offset of a few mV, ~1 LSB at 8 b on a ~0.5 V range [T]",
            0.005, "typical: capacitor-DAC gain error ~0.5 % between converter instances [T]",
            0.3, "typical: input-referred comparator noise 0.3-0.5 LSB rms in energy-efficient SARs [T]");

    @Override
    public String id() {
        return "sar";
    }

    @Override
    public String description() {
        return "successive-approximation ADC, survey energy envelope (Walden / Schreier)";
    }

    @Override
    public List<ParamDef> parameters() {
        return PARAMS;
    }

    @Override
    public double energyJ(int bits, Technology tech) {
        return Converters.surveyEnergyJ(bits);
    }

    @Override
    public double conversionTimeS(int bits, Technology tech) {
        return bits * Converters.clockS(tech);
    }

    @Override
    public double areaM2(int bits, Technology tech) {
        double caps = Math.scalb(1.0, bits) * UNIT_CAP_F / Technology.MOM_CAP_F_PER_M2;
        return caps + tech.gatesArea(Converters.COMPARATOR_GATES + LOGIC_GATES_PER_BIT * bits);
    }
}
