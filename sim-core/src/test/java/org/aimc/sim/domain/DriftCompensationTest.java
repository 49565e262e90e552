package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimc.sim.TestSpecs;
import org.aimc.sim.space.SweepPlan;
import org.junit.jupiter.api.Test;

/**
 * Global drift compensation (aihwkit GlobalDriftCompensation, physics.md §3.2) on a sampled PCM tile one day
 * after programming, drift the only effect: the outputs fall by ~1/3 without it, and the rescale brings the
 * mean output back within 1 %.
 */
class DriftCompensationTest {
    static double[] tile(boolean compensate) {
        SweepPlan plan = TestSpecs.plan("  device: {kind: pcm}\n  dac: {kind: amplitude, bits: 4}\n"
                + "  adc: {kind: ideal}\n  array: {rows: 256, cols: 256}\n"
                + "  mapping: {weight_bits: 6, bits_per_cell: 2}\n"
                + "  operating: {time_s: 86400, drift_compensation: " + compensate + "}\n"
                + "  nonideal: {programming_noise: 0, read_noise: 0, drift: 1, ir_drop: none, stuck_at: 0, "
                + "nonlinearity: 0, temperature: 0}", "  adc.bits: [8]");
        TileContext c = SampledTile.context(plan, plan.space().decode(0));
        return SampledTile.run(c, 99, 128, 16);
    }

    @Test
    void compensationRestoresTheMeanOutputAfterADay() {
        double[] off = tile(false);
        double[] on = tile(true);
        double gainOff = off[2] / off[1];
        double gainOn = on[2] / on[1];
        double absOff = off[3] / off[4];
        double absOn = on[3] / on[4];
        System.out.printf("1 day: output gain %.4f without, %.4f with compensation; mean |y| ratio %.4f / %.4f%n",
                gainOff, gainOn, absOff, absOn);
        // (86420 / 20)^-0.05 ~ 0.66: drift pulls the outputs down by about a third
        assertTrue(gainOff < 0.75, "uncompensated gain " + gainOff);
        assertEquals(1.0, gainOn, 0.01);
        assertEquals(1.0, absOn, 0.01);
    }
}
