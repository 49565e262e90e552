package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analytic error budget of the current domain against the tier-B simulator ({@link TileSimulator}):
 * random weights and inputs from the point's data statistics, devices programmed, drifted and read by
 * sampling, optional global drift compensation from a reference read, the converter, and the relative error
 * sqrt(sum e^2 / sum y^2) measured over the tile, for every memory, both input encodings, both signed
 * mappings, times from 1 s to a day, with and without compensation and with an ideal or a 6-bit SAR ADC.
 * Device-origin errors and quantisation only (circuit knobs off); the circuit sources are covered by
 * {@link AnalyticVsMonteCarloIT}.
 */
class CurrentDomainMonteCarloTest {
    /** Chip instances pooled into one estimate (static errors need many devices to average). */
    static final int CHIPS = 3;

    @ParameterizedTest(name = "{0} {1} {2} t={3} comp={4} adc={5}")
    @CsvSource({
        "pcm,   bit-serial, differential, 3600,  true,  ideal",
        "pcm,   amplitude,  differential, 86400, true,  ideal",
        "pcm,   amplitude,  differential, 86400, false, ideal",
        "rram,  bit-serial, differential, 1,     true,  ideal",
        "rram,  amplitude,  offset,       86400, true,  ideal",
        "sram,  bit-serial, differential, 1,     true,  ideal",
        "rram,  bit-serial, differential, 1,     true,  sar",
        "pcm,   amplitude,  differential, 3600,  true,  sar",
        "fefet, bit-serial, differential, 86400, true,  ideal",
        "mram,  bit-serial, offset,       3600,  true,  ideal",
        "flash, bit-serial, differential, 86400, false, ideal",
        "ecram, bit-serial, differential, 86400, true,  ideal",
    })
    void analyticMatchesMonteCarlo(String kind, String dac, String signed, double t, boolean comp, String adc) {
        Tiles.Point p = Tiles.point("  device: {kind: " + kind + "}\n  dac: {kind: " + dac + ", bits: 4}\n"
                + "  adc: {kind: " + adc + ", bits: 6}\n  array: {rows: 128, cols: 256}\n"
                + "  mapping: {weight_bits: 6, bits_per_cell: 2, signed: " + signed + "}\n"
                + "  operating: {time_s: " + t + ", drift_compensation: " + comp + "}\n"
                + "  nonideal: {ir_drop: none, circuit_mismatch: 0, circuit_noise: 0}\n  data: {weights: uniform}");
        ErrorBudget b = p.budget();
        double analytic = b.relativeError();
        double[] mc = Tiles.monteCarlo(p, CHIPS, 24, 20260101L);
        double measured = Math.sqrt(mc[0] / mc[1]);
        System.out.printf("%s %s %s t=%s comp=%s adc=%s: analytic %.5f, Monte-Carlo %.5f (%+.1f%%)%n", kind, dac,
                signed, t, comp, adc, analytic, measured, 100 * (measured / analytic - 1));
        assertEquals(analytic, measured, 0.05 * analytic, "analytic " + analytic + " vs Monte-Carlo " + measured
                + " (ADC part " + b.relativeError(ErrorSource.ADC) + ")");
    }
}
