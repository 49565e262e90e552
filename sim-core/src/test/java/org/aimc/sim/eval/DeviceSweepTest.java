package org.aimc.sim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.aimc.sim.TestSpecs;
import org.aimc.sim.device.Devices;
import org.aimc.sim.space.SweepPlan;
import org.junit.jupiter.api.Test;

/** Sweeps over all seven memory types (issue 3 acceptance) through the local runner. */
class DeviceSweepTest {
    static final List<String> KINDS = List.of("sram", "rram", "pcm", "fefet", "mram", "flash", "ecram");
    static final String AXIS = "  device.kind: " + KINDS + "\n";
    static final List<String> DEVICE_ERRORS = List.of("err_programming", "err_read_noise", "err_drift",
            "err_stuck_at", "err_nonlinearity");

    static double d(Object[] row, String col) {
        return (Double) row[ResultColumns.indexOf(col)];
    }

    static Object v(Object[] row, String col) {
        return row[ResultColumns.indexOf(col)];
    }

    @Test
    void theSevenKindsAreRegistered() {
        assertEquals(Set.copyOf(KINDS), Set.copyOf(Devices.registry().ids()));
    }

    @Test
    void everyDeviceHasDeviceErrorWithKnobsOnAndExactlyNoneWithKnobsOff() {
        String base = "  dac: {kind: amplitude}\n  adc: {kind: ideal}\n  nonideal: {ir_drop: none, stuck_at: 1, "
                + "circuit_mismatch: 0, circuit_noise: 0}\n";
        List<Object[]> on = LocalRunner.run(TestSpecs.plan(base, AXIS));
        List<Object[]> off = LocalRunner.run(TestSpecs.plan(TestSpecs.IDEAL_BASE + "  dac: {kind: amplitude}\n", AXIS));
        assertEquals(KINDS.size(), on.size());
        for (int i = 0; i < KINDS.size(); i++) {
            Object[] a = on.get(i);
            Object[] b = off.get(i);
            assertEquals(KINDS.get(i), v(a, "memory_type"));
            assertEquals(true, v(a, "feasible"));
            double device = 0;
            for (String c : DEVICE_ERRORS) {
                device += d(a, c) * d(a, c);
            }
            assertTrue(d(a, "mvm_rel_error") > 0, KINDS.get(i));
            assertEquals(d(a, "mvm_rel_error"), Math.sqrt(device), 1e-12, "only device sources with an ideal ADC");
            assertEquals(0.0, d(b, "mvm_rel_error"), 0.0, KINDS.get(i) + " knobs off");
            for (String c : DEVICE_ERRORS) {
                assertEquals(0.0, d(b, c), 0.0, KINDS.get(i) + " " + c);
            }
            // the device's key parameters are columns
            assertTrue(d(a, "device_g_max_s") > d(a, "device_g_min_s"));
            assertTrue(d(a, "device_read_power_w") > 0);
            assertEquals(d(a, "device_stuck_at_g_min_rate") > 0, d(a, "err_stuck_at") > 0, KINDS.get(i));
        }
    }

    @Test
    void eachDeviceKnobAloneTurnsOnOnlyItsOwnSource() {
        String[][] knobs = {{"programming_noise", "err_programming"}, {"read_noise", "err_read_noise"},
            {"stuck_at", "err_stuck_at"}, {"nonlinearity", "err_nonlinearity"}};
        for (String[] k : knobs) {
            List<Object[]> rows = LocalRunner.run(TestSpecs.plan(TestSpecs.IDEAL_BASE + "  dac: {kind: amplitude}\n",
                    AXIS + "  nonideal." + k[0] + ": [1]"));
            for (Object[] r : rows) {
                for (String c : DEVICE_ERRORS) {
                    if (!c.equals(k[1])) {
                        assertEquals(0.0, d(r, c), 0.0, v(r, "memory_type") + ": " + k[0] + " alone gives " + c);
                    }
                }
                assertEquals(d(r, k[1]), d(r, "mvm_rel_error"), 1e-15);
            }
        }
    }

    /** Temperature acts on the kinds that model it (SRAM read current, MRAM TMR, flash subthreshold) only. */
    @Test
    void temperatureChangesOnlyTheKindsThatModelIt() {
        String base = "  dac: {kind: amplitude}\n  adc: {kind: ideal}\n"
                + "  operating: {drift_compensation: false}\n"
                + "  nonideal: {ir_drop: none, circuit_mismatch: 0, circuit_noise: 0}\n";
        List<Object[]> rows = LocalRunner.run(TestSpecs.plan(base, AXIS + "  operating.temperature_k: [300, 350]\n"
                + "  nonideal.temperature: [0, 1]"));
        Set<String> modelled = Set.of("sram", "mram", "flash");
        for (int i = 0; i < KINDS.size(); i++) {
            double ref = d(rows.get(4 * i), "mvm_rel_error");
            assertEquals(ref, d(rows.get(4 * i + 1), "mvm_rel_error"), 0, "temperature knob at 300 K = T_ref");
            assertEquals(ref, d(rows.get(4 * i + 2), "mvm_rel_error"), 0, "knob 0 at 350 K");
            double hot = d(rows.get(4 * i + 3), "mvm_rel_error");
            assertEquals(modelled.contains(KINDS.get(i)), hot != ref, KINDS.get(i) + ": " + ref + " -> " + hot);
        }
    }
}
