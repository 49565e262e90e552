package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.spec.ParamDef;

/**
 * Current-controlled-oscillator ADC (physics.md §5.4; IBM HERMES-Core's 256 column CCOs at 4 µm pitch,
 * physics.md ref. 10): the column signal sets a ring oscillator's frequency and a counter counts its
 * periods over a window of 2^B periods at full scale. Energy per conversion: 2^B periods of a
 * {@value #RING_STAGES}-stage ring (each stage charging C_stage to V_DD) plus two counter toggles per period
 * on average. The oscillator's current-to-frequency curvature is the INL bow; the counter has no DNL.
 */
public final class CcoAdc implements AdcKind {
    /** Ring stages; a short ring is typical for compact CCO ADCs [T]. */
    static final int RING_STAGES = 5;
    /** Capacitance switched per ring stage at 22 nm: 1 fF, typical gate + wire load [T], scaled ∝ F. */
    static final double STAGE_CAP_F_22NM = 1e-15;
    /** Ring stage, NAND2 equivalents; typical [T]. */
    static final double STAGE_GATES = 2;
    /** Counter per bit, NAND2 equivalents; typical [T]. */
    static final double COUNTER_GATES_PER_BIT = 12;

    static final List<ParamDef> PARAMS = AdcErrors.params(
            1.5, "typical: current-to-frequency curvature of a CCO, 1-2 LSB INL at 8 b [T]",
            0.05, "typical: a counter has no missing codes, |DNL| << 0.1 LSB [T]",
            1.0, "typical: oscillator free-running frequency offset ~1 LSB [T]",
            0.01, "typical: oscillator gain (Hz per A) spread ~1 % between columns [T]",
            0.3, "typical: accumulated phase noise ~0.3 LSB rms over the window [T]");

    @Override
    public String id() {
        return "cco";
    }

    @Override
    public String description() {
        return "current-controlled-oscillator ADC: a counter counts ring periods over a fixed window";
    }

    @Override
    public List<ParamDef> parameters() {
        return PARAMS;
    }

    @Override
    public double energyJ(int bits, Technology tech) {
        double periods = Math.scalb(1.0, bits);
        double ring = RING_STAGES * STAGE_CAP_F_22NM * (tech.featureM() / 22e-9) * tech.vddV() * tech.vddV();
        return Math.max(periods * (ring + 2 * tech.addBitEnergyJ()), Converters.surveyFloorJ(bits));
    }

    @Override
    public double conversionTimeS(int bits, Technology tech) {
        return Math.scalb(1.0, bits) * Converters.clockS(tech);
    }

    @Override
    public double areaM2(int bits, Technology tech) {
        return tech.gatesArea(RING_STAGES * STAGE_GATES + COUNTER_GATES_PER_BIT * bits);
    }
}
