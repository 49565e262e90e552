package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

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
 * @param overrides     values of the converter kind's error parameters ({@code adc.<name>}), by name
 */
public record AdcSpec(String kind, int bits, int columnsPerAdc, String fullScale, double clipSigma,
        SortedMap<String, Double> overrides) implements Serializable {
    public static final List<String> FULL_SCALE = List.of("sigma", "max");

    public AdcSpec {
        Checks.nonBlank("kind", kind);
        Checks.intIn("bits", bits, 1, 16);
        Checks.intIn("columns_per_adc", columnsPerAdc, 1, 1024);
        Checks.oneOf("full_scale", fullScale, FULL_SCALE);
        Checks.positive("clip_sigma", clipSigma, 100);
        overrides = Collections.unmodifiableSortedMap(new TreeMap<>(overrides == null ? Map.of() : overrides));
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            Checks.finiteIn(e.getKey(), e.getValue(), -Double.MAX_VALUE, Double.MAX_VALUE);
        }
    }

    /** A converter with its kind's default error parameters. */
    public AdcSpec(String kind, int bits, int columnsPerAdc, String fullScale, double clipSigma) {
        this(kind, bits, columnsPerAdc, fullScale, clipSigma, new TreeMap<>());
    }

    public AdcSpec withOverride(String name, double value) {
        TreeMap<String, Double> m = new TreeMap<>(overrides);
        m.put(name, value);
        return new AdcSpec(kind, bits, columnsPerAdc, fullScale, clipSigma, m);
    }

    public AdcSpec withKind(String v) {
        return new AdcSpec(v, bits, columnsPerAdc, fullScale, clipSigma, overrides);
    }

    public AdcSpec withBits(int v) {
        return new AdcSpec(kind, v, columnsPerAdc, fullScale, clipSigma, overrides);
    }

    public AdcSpec withColumnsPerAdc(int v) {
        return new AdcSpec(kind, bits, v, fullScale, clipSigma, overrides);
    }

    public AdcSpec withFullScale(String v) {
        return new AdcSpec(kind, bits, columnsPerAdc, v, clipSigma, overrides);
    }

    public AdcSpec withClipSigma(double v) {
        return new AdcSpec(kind, bits, columnsPerAdc, fullScale, v, overrides);
    }
}
