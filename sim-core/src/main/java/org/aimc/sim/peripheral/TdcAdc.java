package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.spec.ParamDef;

/**
 * Time-to-digital converter (physics.md §5.4, §2.6): a delay line of 2^B taps sampled by the stop edge;
 * energy 2^B C_stage V_DD^2 (the start edge runs through the line) plus the thermometer encoder, area a
 * delay stage and a flip-flop per tap. The measurement runs while the edge propagates; the conversion time
 * here is the read-out of the sampled line (one clock). Delay-stage mismatch is the DNL, its accumulation
 * the INL.
 */
public final class TdcAdc implements AdcKind {
    /** Capacitance switched per delay stage at 22 nm: 1 fF, typical [T], scaled ∝ F. */
    static final double STAGE_CAP_F_22NM = 1e-15;
    /** Delay stage plus sampling flip-flop per tap, NAND2 equivalents; typical [T]. */
    static final double TAP_GATES = 8;

    static final List<ParamDef> PARAMS = AdcErrors.params(
            0.5, "typical: accumulated delay-line mismatch, ~0.5 LSB INL at 6-8 b [T]",
            0.25, "typical: stage delay mismatch ~0.2-0.3 LSB rms DNL [T]",
            0.5, "typical: start/stop path skew ~0.5 LSB [T]",
            0.01, "typical: stage delay spread over PVT between converters ~1 % [T]",
            0.3, "typical: sampling-flip-flop metastability window and jitter ~0.3 LSB rms [T]");

    @Override
    public String id() {
        return "tdc";
    }

    @Override
    public String description() {
        return "time-to-digital converter: a 2^B-tap delay line sampled by the stop edge";
    }

    @Override
    public boolean convertsTime() {
        return true;
    }

    @Override
    public List<ParamDef> parameters() {
        return PARAMS;
    }

    @Override
    public double energyJ(int bits, Technology tech) {
        double taps = Math.scalb(1.0, bits);
        double stage = STAGE_CAP_F_22NM * (tech.featureM() / 22e-9) * tech.vddV() * tech.vddV();
        return Math.max(taps * stage + bits * tech.addBitEnergyJ(), Converters.surveyFloorJ(bits));
    }

    @Override
    public double conversionTimeS(int bits, Technology tech) {
        return Converters.clockS(tech);
    }

    @Override
    public double areaM2(int bits, Technology tech) {
        return tech.gatesArea(Math.scalb(1.0, bits) * TAP_GATES);
    }
}
