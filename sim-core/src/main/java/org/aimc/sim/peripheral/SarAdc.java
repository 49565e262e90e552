package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.spec.ParamDef;

/**
 * Successive-approximation ADC (physics.md §5.4, architecture template): per conversion B comparator
 * decisions (the comparator's offset is a common offset of all codes, so its input pair is sized for noise,
 * LSB/2 rms), the switching of a binary-weighted capacitor DAC, 1.33 · 2^B C_u V_ref^2 on average for
 * conventional switching (Y.-Z. Liu et al., IEEE JSSC 45(4), 2010, Table I: 1363.3 C_u V^2 at 10 b), and
 * the SAR register and control ({@value #LOGIC_OPS_PER_BIT} full-adder-bit energies per bit), V_ref = V_DD;
 * at least the survey envelope ({@link Converters#surveyFloorJ}). At 22 nm, 0.8 V, 8 b this is ~0.35 pJ
 * (Walden 1.4 fJ/step), inside the 1-5 fJ/step of good SARs (physics.md §5.4). One bit decision per clock,
 * area of the capacitor DAC plus comparator and SAR logic. Errors: capacitor-DAC mismatch
 * shows as INL/DNL, the comparator sets offset and transition noise.
 */
public final class SarAdc implements AdcKind {
    /** Unit capacitor of the capacitor DAC: typical ~1 fF MOM unit for column SARs [T]. */
    static final double UNIT_CAP_F = 1e-15;
    /**
     * SAR register and control energy per bit decision, in full-adder-bit energies: 2 (a register bit and
     * its control toggling per cycle; typical [T]).
     */
    static final double LOGIC_OPS_PER_BIT = 2;
    /** Average switching energy of a binary capacitor DAC per 2^B C_u V^2 (Liu et al. 2010, Table I). */
    static final double DAC_SWITCHING = 1363.3 / 1024;
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
        double template = bits * (Converters.comparatorJ(tech, Converters.lsbV(bits, tech) / 2, false) + LOGIC_OPS_PER_BIT * tech.addBitEnergyJ())
                + dacSwitchingJ(ownDacCapF(bits), tech);
        return Math.max(template, Converters.surveyFloorJ(bits));
    }

    /** Total capacitance of this converter's own capacitor DAC at {@code bits}, F: 2^B C_u. */
    public static double ownDacCapF(int bits) {
        return Math.scalb(1.0, bits) * UNIT_CAP_F;
    }

    /**
     * Average switching energy of one conversion on a capacitor DAC of total capacitance {@code dacCapF}
     * with conventional switching, J: 1.33 C_DAC V_DD^2 (Liu et al. 2010, Table I, as {@link #energyJ}).
     */
    public static double dacSwitchingJ(double dacCapF, Technology tech) {
        return DAC_SWITCHING * dacCapF * tech.vddV() * tech.vddV();
    }

    @Override
    public double conversionTimeS(int bits, Technology tech) {
        return bits * Converters.clockS(tech);
    }

    @Override
    public double areaM2(int bits, Technology tech) {
        double caps = ownDacCapF(bits) / Technology.MOM_CAP_F_PER_M2;
        return caps + tech.gatesArea(Converters.COMPARATOR_GATES + LOGIC_GATES_PER_BIT * bits);
    }
}
