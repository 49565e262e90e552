package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.List;

/**
 * Column readout converter.
 *
 * @param kind          an ADC kind id ({@code sar}, {@code ideal}, ...)
 * @param bits          resolution, 1..16
 * @param columnsPerAdc columns sharing one converter through a multiplexer, 1..1024
 * @param fullScale     how the input range is set: {@code sigma} (clip at {@code clipSigma} standard
 *                      deviations of the column signal for the data statistics) or {@code max} (the
 *                      largest possible column value: no clipping, coarse steps)
 * @param clipSigma     clipping level in standard deviations for {@code sigma}
 */
public record AdcSpec(String kind, int bits, int columnsPerAdc, String fullScale, double clipSigma)
        implements Serializable {
    public static final List<String> FULL_SCALE = List.of("sigma", "max");

    public AdcSpec {
        Checks.nonBlank("kind", kind);
        Checks.intIn("bits", bits, 1, 16);
        Checks.intIn("columns_per_adc", columnsPerAdc, 1, 1024);
        Checks.oneOf("full_scale", fullScale, FULL_SCALE);
        Checks.positive("clip_sigma", clipSigma, 100);
    }

    public AdcSpec withKind(String v) {
        return new AdcSpec(v, bits, columnsPerAdc, fullScale, clipSigma);
    }

    public AdcSpec withBits(int v) {
        return new AdcSpec(kind, v, columnsPerAdc, fullScale, clipSigma);
    }

    public AdcSpec withColumnsPerAdc(int v) {
        return new AdcSpec(kind, bits, v, fullScale, clipSigma);
    }

    public AdcSpec withFullScale(String v) {
        return new AdcSpec(kind, bits, columnsPerAdc, v, clipSigma);
    }

    public AdcSpec withClipSigma(double v) {
        return new AdcSpec(kind, bits, columnsPerAdc, fullScale, v);
    }
}
