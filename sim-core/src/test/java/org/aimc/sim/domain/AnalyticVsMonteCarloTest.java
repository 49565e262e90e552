package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytic error budget of every domain against the tier-B simulator on a 256 x 256 tile (RRAM, 8-bit
 * inputs and weights, 2-bit cells, or 1-bit cells where the domain gates capacitors) at the domain's
 * default settings, all nonidealities on: the relative MVM error sqrt(sum e^2 / sum y^2) over several chip
 * instances agrees within 10 %. {@link AnalyticVsMonteCarloIT} switches each nonideality on alone.
 */
class AnalyticVsMonteCarloTest {
    static final String[] DOMAINS = {"current", "charge", "charge-redistribution", "capacitive-division",
        "resistive-division", "time"};

    static String base(String domain) {
        String dac = domain.equals("charge") ? "pwm" : "bit-serial";
        String adc = domain.equals("time") ? "tdc" : "sar";
        String bpc = domain.equals("charge-redistribution") || domain.equals("capacitive-division") ? "1" : "2";
        return "  device: {kind: rram}\n  domain: {kind: " + domain + "}\n  array: {rows: 256, cols: 256}\n"
                + "  dac: {kind: " + dac + ", bits: 8}\n  adc: {kind: " + adc + ", bits: 8}\n"
                + "  mapping: {weight_bits: 8, bits_per_cell: " + bpc + ", signed: differential}\n";
    }

    static Stream<Arguments> defaults() {
        return Arrays.stream(DOMAINS).map(d -> Arguments.of(d, "default", new String[0], 4));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("defaults")
    void analyticMatchesMonteCarlo(String domain, String what, String[] settings, int chips) {
        check(domain, what, settings, chips);
    }

    /**
     * Local weight multiplexing (4 stored weights per compute capacitor): both tiers see one evaluation of
     * the 64 compute rows on a column wired past all 256 storage rows.
     */
    @ParameterizedTest(name = "{0} weights_per_compute_cell=4")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"charge-redistribution", "capacitive-division"})
    void analyticMatchesMonteCarloWithWeightMultiplexing(String domain) {
        check(domain, "k=4", new String[] {"array.weights_per_compute_cell=4"}, 4);
    }

    /** Compares the two tiers on one point; returns {analytic, Monte-Carlo}. */
    static double[] check(String domain, String what, String[] settings, int chips) {
        Tiles.Point p = Tiles.point(base(domain), settings);
        ErrorBudget b = p.budget();
        double analytic = b.relativeError();
        double[] mc = Tiles.monteCarlo(p, chips, 64, 20260101L);
        double measured = Math.sqrt(mc[0] / mc[1]);
        StringBuilder parts = new StringBuilder();
        for (ErrorSource s : ErrorSource.values()) {
            if (b.variance(s) > 0) {
                parts.append(' ').append(s.id()).append('=').append(String.format("%.3g", b.relativeError(s)));
            }
        }
        System.out.printf("| %s | %s | %.5f | %.5f | %+.1f%% |%s%n", domain, what, analytic, measured,
                100 * (measured / analytic - 1), parts);
        assertEquals(analytic, measured, 0.10 * analytic, domain + " " + what + ": analytic " + analytic
                + " vs Monte-Carlo " + measured);
        return new double[] {analytic, measured};
    }
}
