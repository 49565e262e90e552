package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The global drift compensation factor alpha_0 / alpha(t) (physics.md §3.2: mean |w| read right after
 * programming over mean |w| read at time t): the analytic one (folded-normal means over each weight's random
 * spread, {@link org.aimc.sim.accuracy.DeviceErrorStats}) against the one a sampled tile measures
 * ({@link ProgrammedArray}), for a device whose drift shrinks the weights (PCM), one whose relaxation only
 * widens them (RRAM), and no drift (the factor is 1 exactly).
 */
class CompensationFactorTest {
    @ParameterizedTest(name = "{0} {1} t={2} drift={3}")
    @CsvSource({
        "pcm,  differential, 86400,    1",
        "pcm,  offset,       31536000, 1",
        "rram, differential, 86400,    1",
        "rram, differential, 86400,    0",
        "fefet, differential, 3600,    1",
    })
    void analyticMatchesSampled(String kind, String signed, double t, double drift) {
        Tiles.Point p = Tiles.point("  device: {kind: " + kind + "}\n  array: {rows: 256, cols: 256}\n"
                + "  mapping: {weight_bits: 6, bits_per_cell: 2, signed: " + signed + "}\n"
                + "  operating: {time_s: " + t + ", drift_compensation: true}\n"
                + "  nonideal: {programming_noise: 1, read_noise: 0, drift: " + drift + "}\n");
        double analytic = p.c().deviceErrors.compensation;
        double sampled = 0;
        int chips = 4;
        for (int chip = 0; chip < chips; chip++) {
            int[][] w = Tiles.weights(p.c(), 256, 256, 30 + chip);
            sampled += ProgrammedArray.program(p.c(), p.c().device, w, new ChipKey(5, 0, chip)).compensation / chips;
        }
        System.out.printf("%s %s t=%s drift=%s: compensation analytic %.5f, sampled %.5f%n", kind, signed, t, drift,
                analytic, sampled);
        if (drift == 0) {
            assertEquals(1.0, analytic, 0.0);
            assertEquals(1.0, sampled, 0.0);
        } else {
            assertEquals(sampled, analytic, 0.005 * sampled);
        }
    }
}
