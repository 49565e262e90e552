package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * Error magnitudes of one ADC kind (physics.md §5.4), in LSB of the converter unless named otherwise.
 * Static errors are drawn once per chip instance and converter ({@link AdcInstance}); the comparator noise
 * is fresh per conversion.
 *
 * <p>Transfer of a converter with P = 2^B codes: the input position p = (v - lo) / step is scaled by the
 * gain error about mid-scale and shifted by the offset, p' = (p - P/2)(1 + gain) + P/2 + offset + noise;
 * the code is the number of thresholds t_k = k + inl sin(pi k / P) + r_k (k = 1..P-1) at or below p',
 * with r_k independent N(0, dnl^2 / 2) so that the differential nonlinearity t_(k+1) - t_k - 1 has standard
 * deviation {@code dnl}. The output is the centre of the code, lo + (code + 1/2) step.
 *
 * @param inlLsb         amplitude of the smooth INL bow (0 at both ends of the range), LSB
 * @param dnlSigmaLsb    standard deviation of the DNL, LSB
 * @param offsetSigmaLsb standard deviation of the offset, LSB
 * @param gainSigma      standard deviation of the relative gain error
 * @param noiseLsb       input-referred comparator noise, LSB rms
 */
public record AdcErrors(double inlLsb, double dnlSigmaLsb, double offsetSigmaLsb, double gainSigma, double noiseLsb) {
    public static final AdcErrors NONE = new AdcErrors(0, 0, 0, 0, 0);

    /** The parameter schema shared by ADC kinds, with a kind's defaults and their sources. */
    public static List<ParamDef> params(double inl, String inlSource, double dnl, String dnlSource, double offset,
            String offsetSource, double gain, String gainSource, double noise, String noiseSource) {
        return List.of(
                ParamDef.withDefault("inl_lsb", 0, 64, inl, inlSource, "amplitude of the INL bow, LSB"),
                ParamDef.withDefault("dnl_sigma_lsb", 0, 4, dnl, dnlSource, "standard deviation of the DNL, LSB"),
                ParamDef.withDefault("offset_sigma_lsb", 0, 256, offset, offsetSource,
                        "standard deviation of the converter offset, LSB"),
                ParamDef.withDefault("gain_sigma", 0, 0.5, gain, gainSource,
                        "standard deviation of the relative gain error"),
                ParamDef.withDefault("noise_lsb", 0, 16, noise, noiseSource,
                        "input-referred comparator noise, LSB rms"));
    }

    /** Reads the values of {@link #params}; a kind without parameters has no errors. */
    public static AdcErrors of(ParamValues v) {
        if (v.asMap().isEmpty()) {
            return NONE;
        }
        return new AdcErrors(v.get("inl_lsb"), v.get("dnl_sigma_lsb"), v.get("offset_sigma_lsb"), v.get("gain_sigma"),
                v.get("noise_lsb"));
    }

    /** Static errors scaled by {@code mismatch}, the comparator noise by {@code noise}. */
    public AdcErrors scaled(double mismatch, double noise) {
        return new AdcErrors(inlLsb * mismatch, dnlSigmaLsb * mismatch, offsetSigmaLsb * mismatch,
                gainSigma * mismatch, noiseLsb * noise);
    }

    /** True when no static nonlinearity perturbs the thresholds. */
    public boolean linear() {
        return inlLsb == 0 && dnlSigmaLsb == 0;
    }

    /** True when the converter is an exact quantiser. */
    public boolean exact() {
        return linear() && offsetSigmaLsb == 0 && gainSigma == 0 && noiseLsb == 0;
    }
}
