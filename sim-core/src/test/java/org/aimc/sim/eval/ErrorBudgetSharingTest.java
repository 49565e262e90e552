package org.aimc.sim.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aimc.sim.TestSpecs;
import org.aimc.sim.domain.DomainModel;
import org.aimc.sim.domain.Domains;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.PointSpec;
import org.aimc.sim.spec.SpecPaths;
import org.junit.jupiter.api.Test;

/**
 * The evaluator shares an error budget among points that differ only in paths their domain says the
 * budget does not read ({@link DomainModel#errorsDependOn}). Every such answer is checked here: changing
 * the path leaves every error column unchanged.
 */
class ErrorBudgetSharingTest {
    static final Map<String, List<Object>> ALTERNATIVES = Map.of(
            "adc.columns_per_adc", List.of(1, 8),
            "array.cols", List.of(128, 512),
            "operating.node_nm", List.of(14.0, 65.0),
            "operating.vdd_v", List.of(0.7, 1.1));

    static Object[] errors(Object[] row) {
        List<Object> out = new ArrayList<>();
        List<Column> cols = ResultColumns.all();
        for (int i = 0; i < cols.size(); i++) {
            String n = cols.get(i).name();
            if (n.startsWith("err_") || n.equals("mvm_rel_error") || n.equals("snr_db") || n.equals("feasible")) {
                out.add(row[i]);
            }
        }
        return out.toArray();
    }

    @Test
    void everyPathADomainIgnoresLeavesItsBudgetUnchanged() {
        int checked = 0;
        for (String domain : Domains.registry().ids()) {
            if (domain.startsWith("test-")) {
                continue;
            }
            for (String device : List.of("rram", "pcm", "sram")) {
                for (String ir : List.of("analytic", "segmented")) {
                    for (String dac : List.of("bit-serial", "amplitude", "pwm")) {
                        SweepPlan plan = TestSpecs.plan("  device: {kind: " + device + "}\n  domain: {kind: " + domain
                                + "}\n  dac: {kind: " + dac + ", bits: 4}\n  array: {rows: 64, cols: 256}\n"
                                + "  nonideal: {ir_drop: " + ir + "}", "  adc.bits: [6]");
                        PointSpec base = plan.space().decode(0);
                        DomainModel dm = Domains.registry().require(domain).create(SweepPlan.domainParams(base.domain()));
                        Evaluator ev = new Evaluator(plan);
                        for (Map.Entry<String, List<Object>> e : ALTERNATIVES.entrySet()) {
                            if (dm.errorsDependOn(e.getKey(), base)) {
                                continue;
                            }
                            SpecPaths.Path path = SpecPaths.resolve(e.getKey());
                            Object[] a = ev.evaluate(0, path.set(base, e.getValue().get(0)), new ResultRow()).toObjects();
                            Object[] b = ev.evaluate(0, path.set(base, e.getValue().get(1)), new ResultRow()).toObjects();
                            if (!(Boolean) a[ResultColumns.indexOf("feasible")]) {
                                continue;
                            }
                            assertArrayEquals(errors(a), errors(b), domain + " " + device + " " + ir + " " + dac + ": "
                                    + e.getKey() + " changes the budget");
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 20, "checked " + checked);
    }

    @Test
    void sharedBudgetsGiveTheSameRowsAsFreshOnes() {
        SweepPlan plan = TestSpecs.plan("  device: {kind: pcm}",
                "  array.cols: [128, 256]\n  adc.columns_per_adc: [1, 4]\n  operating.vdd_v: [0.7, 0.9]\n  adc.bits: [4, 8]");
        Evaluator shared = new Evaluator(plan);
        for (long i = 0; i < plan.size(); i++) {
            Object[] viaCache = shared.evaluate(i);
            Object[] fresh = new Evaluator(plan).evaluate(i, plan.space().decode(i), new ResultRow()).toObjects();
            assertArrayEquals(fresh, viaCache, "point " + i);
        }
        assertEquals(16, plan.size());
    }
}
