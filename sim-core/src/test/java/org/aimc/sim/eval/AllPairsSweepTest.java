package org.aimc.sim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aimc.sim.TestSpecs;
import org.aimc.sim.device.Devices;
import org.aimc.sim.domain.Domains;
import org.aimc.sim.space.SweepPlan;
import org.junit.jupiter.api.Test;

/**
 * A sweep over every registered memory type x every compute domain (x the input encodings and converters
 * the domains need) runs, and every pair reports either numbers or the reason it cannot work. Iterates the
 * registries, so new kinds join automatically (test fixtures, {@code test-*}, aside).
 */
class AllPairsSweepTest {
    @Test
    void everyMemoryTimesEveryDomainGivesNumbersOrAReason() {
        List<String> domains = Domains.registry().ids().stream().filter(d -> !d.startsWith("test-")).toList();
        String axes = "  device.kind: " + Devices.registry().ids() + "\n  domain.kind: " + domains
                + "\n  dac.kind: [bit-serial, amplitude, pwm]\n  adc.kind: [sar, tdc]\n  mapping.bits_per_cell: [1, 2]";
        SweepPlan plan = TestSpecs.plan("  array: {rows: 128, cols: 128}", axes);
        List<Object[]> rows = LocalRunner.run(plan);
        assertEquals(plan.size(), rows.size());
        Map<String, String> pairs = new TreeMap<>();
        for (Object[] r : rows) {
            String pair = r[ResultColumns.indexOf("memory_type")] + " x " + r[ResultColumns.indexOf("compute_domain")];
            boolean feasible = (Boolean) r[ResultColumns.indexOf("feasible")];
            if (feasible) {
                assertNull(r[ResultColumns.indexOf("infeasible_reason")]);
                double e = (Double) r[ResultColumns.indexOf("energy_j")];
                double err = (Double) r[ResultColumns.indexOf("mvm_rel_error")];
                assertTrue(e > 0 && Double.isFinite(e), pair + " energy " + e);
                assertTrue(err > 0 && Double.isFinite(err), pair + " error " + err);
                assertNotNull(r[ResultColumns.indexOf("dominant_error_source")], pair);
                assertTrue((Double) r[ResultColumns.indexOf("latency_s")] > 0, pair);
                assertTrue((Double) r[ResultColumns.indexOf("tile_area_m2")] > 0, pair);
                pairs.put(pair, String.format("feasible: %.3g J, %.3g rel. error, dominant %s", e, err,
                        r[ResultColumns.indexOf("dominant_error_source")]));
            } else {
                String why = (String) r[ResultColumns.indexOf("infeasible_reason")];
                assertNotNull(why, pair);
                assertFalse(why.isBlank(), pair);
                assertNull(r[ResultColumns.indexOf("energy_j")]);
                pairs.putIfAbsent(pair, "infeasible here: " + why);
            }
        }
        // every pair is covered, and every domain works with some memory in some configuration
        assertEquals(Devices.registry().ids().size() * domains.size(), pairs.size());
        for (String d : domains) {
            assertTrue(pairs.entrySet().stream().anyMatch(e -> e.getKey().endsWith(" x " + d)
                    && e.getValue().startsWith("feasible")), d + " is never feasible: " + pairs);
        }
        pairs.forEach((k, v) -> System.out.println(k + ": " + v));
    }
}
