package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimc.sim.TestSpecs;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.PointSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3 acceptance: for every memory type at its default preset and the default design point (every device
 * knob at 1, one hour after programming, global drift compensation), the analytic relative MVM error from
 * device effects matches a Monte-Carlo 256 x 256 tile within 5 %. Inputs are amplitude-encoded so that the
 * I-V nonlinearity takes part; the ADC is ideal and IR drop off, so every error in the tile is a device effect.
 */
class DeviceMonteCarloTest {
    static final int VECTORS = 32;
    static final int CHIPS = 2;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sram", "rram", "pcm", "fefet", "mram", "flash", "ecram"})
    void analyticDeviceErrorMatchesAMonteCarloTile(String kind) {
        SweepPlan plan = TestSpecs.plan("  device: {kind: " + kind + "}\n  dac: {kind: amplitude}\n"
                + "  adc: {kind: ideal}\n  array: {rows: 256, cols: 256}\n  nonideal: {ir_drop: none}", "  adc.bits: [8]");
        PointSpec p = plan.space().decode(0);
        TileContext c = SampledTile.context(plan, p);
        ErrorBudget b = SampledTile.analytic(c);
        assertEquals(0, b.variance(ErrorSource.ADC) + b.variance(ErrorSource.IR_DROP), 0, "device effects only");
        double analytic = b.relativeError();
        assertTrue(analytic > 0);
        double measured = SampledTile.relativeError(c, 777L, CHIPS, 256, VECTORS);
        System.out.printf("%s: analytic %.5f (prog %.4f, stuck %.4f, drift %.4f, read %.4f, nonlinearity %.4f), "
                + "Monte-Carlo %.5f (%+.1f%%)%n", kind, analytic, b.relativeError(ErrorSource.PROGRAMMING),
                b.relativeError(ErrorSource.STUCK_AT), b.relativeError(ErrorSource.DRIFT),
                b.relativeError(ErrorSource.READ_NOISE), b.relativeError(ErrorSource.NONLINEARITY), measured,
                100 * (measured / analytic - 1));
        assertEquals(analytic, measured, 0.05 * analytic);
    }
}
