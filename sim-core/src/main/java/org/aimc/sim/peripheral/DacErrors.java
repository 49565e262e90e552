package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * Error magnitudes of an input driver (physics.md §5.3). Amplitude DACs: the level of code k is
 * k + inl sin(pi k / k_max) + r_k LSB (0 for k = 0), with r_k drawn per chip, row and code, independent
 * N(0, dnl^2 / 2) so that the DNL has standard deviation {@code dnl}. Pulse-width drivers: a systematic
 * pulse-length error (rise/fall asymmetry) and a static per-row edge error lengthen every non-zero pulse;
 * each of the two edges jitters independently per evaluation.
 *
 * @param inlLsb         amplitude DAC: amplitude of the INL bow, LSB
 * @param dnlSigmaLsb    amplitude DAC: standard deviation of the DNL, LSB
 * @param edgeAsymmetryS pulse-width driver: systematic lengthening of a pulse, s
 * @param edgeMismatchS  pulse-width driver: standard deviation of the static per-row pulse-length error, s
 * @param jitterS        pulse-width driver: rms jitter of one edge, s
 */
public record DacErrors(double inlLsb, double dnlSigmaLsb, double edgeAsymmetryS, double edgeMismatchS,
        double jitterS) {
    public static final DacErrors NONE = new DacErrors(0, 0, 0, 0, 0);

    /** Reads whichever of the names of {@link AmplitudeDac} and {@link PwmDac} a kind defines. */
    public static DacErrors of(ParamValues v) {
        var m = v.asMap();
        return new DacErrors(m.getOrDefault("inl_lsb", 0.0), m.getOrDefault("dnl_sigma_lsb", 0.0),
                m.getOrDefault("edge_asymmetry_s", 0.0), m.getOrDefault("edge_mismatch_s", 0.0),
                m.getOrDefault("jitter_s", 0.0));
    }

    /** Static errors scaled by {@code mismatch}, jitter by {@code noise}. */
    public DacErrors scaled(double mismatch, double noise) {
        return new DacErrors(inlLsb * mismatch, dnlSigmaLsb * mismatch, edgeAsymmetryS * mismatch,
                edgeMismatchS * mismatch, jitterS * noise);
    }

    /** The amplitude-DAC schema. */
    static List<ParamDef> amplitudeParams() {
        return List.of(
                ParamDef.withDefault("inl_lsb", 0, 64, 0.5,
                        "typical: |INL| ~0.5 LSB for 4-8 b capacitive / R-2R row DACs [T]",
                        "amplitude of the INL bow, LSB"),
                ParamDef.withDefault("dnl_sigma_lsb", 0, 4, 0.2,
                        "typical: |DNL| < 0.5 LSB (monotonic), here sigma 0.2 LSB [T]",
                        "standard deviation of the DNL, LSB"));
    }

    /** The pulse-width-driver schema. */
    static List<ParamDef> pulseParams() {
        return List.of(
                ParamDef.withDefault("edge_asymmetry_s", -1e-9, 1e-9, 10e-12,
                        "typical: rise/fall mismatch of a word-line driver ~10 ps at 22 nm [T]",
                        "systematic lengthening of every non-zero pulse (rise/fall asymmetry), s"),
                ParamDef.withDefault("edge_mismatch_s", 0, 1e-9, 5e-12,
                        "typical: driver delay mismatch ~5 ps rms between rows [T]",
                        "standard deviation of the static per-row pulse-length error, s"),
                ParamDef.withDefault("jitter_s", 0, 1e-9, 1e-12,
                        "typical: ~1 ps rms edge jitter of on-chip clocked pulse generators [T]",
                        "rms jitter of one pulse edge, s"));
    }
}
