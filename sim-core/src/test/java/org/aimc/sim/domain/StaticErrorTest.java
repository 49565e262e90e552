package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The budget's static error ({@link ErrorBudget#staticError}: the mean error every output shares, mostly the
 * converters' systematic INL bow, which the two-point column calibration near the ends of the range leaves in
 * the middle) against the tier-B simulator: the mean of the measured errors over every column, input vector and
 * chip instance of {@link AnalyticVsMonteCarloTest}'s tiles, at 6-bit converters where it matters (on
 * fashion-mlp tier B it is 60-70 % of a 6-bit point's error energy). The two agree within 15 % of the static
 * error plus three standard errors of the measured mean, and the static error's square never exceeds the
 * converter variances it is part of.
 */
class StaticErrorTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"current", "charge", "charge-redistribution", "capacitive-division", "resistive-division",
        "time"})
    void staticErrorIsTheMeanErrorOfTheSimulatedTile(String domain) {
        Tiles.Point p = Tiles.point(AnalyticVsMonteCarloTest.base(domain).replace("bits: 8}\n  mapping",
                "bits: 6}\n  mapping"), new String[0]);
        ErrorBudget b = p.budget();
        double m = b.staticError();
        double converters = 0;
        for (ErrorSource s : new ErrorSource[] {ErrorSource.ADC, ErrorSource.ADC_NONLINEARITY, ErrorSource.ADC_NOISE}) {
            converters += b.variance(s);
        }
        assertTrue(m * m <= converters * (1 + 1e-9), domain + ": static error " + m + " exceeds the converter "
                + "error " + Math.sqrt(converters));
        double[] mc = Tiles.monteCarloMean(p, 3, 64, 20261129L);
        double rms = Math.sqrt(b.totalVariance());
        System.out.printf("| %s | static %.4g | measured mean %.4g ± %.2g | error rms %.4g |%n", domain, m, mc[0], mc[1],
                rms);
        assertEquals(m, mc[0], 0.15 * Math.abs(m) + 3 * mc[1] + 0.02 * rms, domain + ": analytic static error " + m
                + " vs measured mean " + mc[0] + " ± " + mc[1]);
    }
}
