package org.aimc.sim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aimc.sim.TestSpecs;
import org.aimc.sim.space.SweepPlan;
import org.junit.jupiter.api.Test;

/** A NaN or infinity computed by any model becomes a failed point with its reason, never a stored value. */
class NumericalGuardTest {
    @Test
    void nanBecomesAFailedPointNamingTheColumn() {
        SweepPlan p = TestSpecs.plan("  domain: {kind: test-nan}", "  domain.nan: [0, 1]");
        List<Object[]> rows = LocalRunner.run(p);
        assertEquals(true, rows.get(0)[ResultColumns.indexOf("feasible")]);
        Object[] bad = rows.get(1);
        assertEquals(false, bad[ResultColumns.indexOf("feasible")]);
        String reason = (String) bad[ResultColumns.indexOf("infeasible_reason")];
        assertTrue(reason.startsWith("numerical failure: column energy_j computed NaN"), reason);
        assertNull(bad[ResultColumns.indexOf("energy_j")]);
        assertEquals(1L, bad[ResultColumns.indexOf("point_index")]);
    }

    @Test
    void rowsRejectNonFiniteValuesDirectly() {
        ResultRow r = new ResultRow();
        r.putInt(1).putString("s").putString("h").putLong(0).putString("m").putString("d").putString("p").putInt(1)
                .putInt(1).putString("1T1R");
        assertThrows(ResultRow.NonFinite.class, () -> r.putDouble(Double.POSITIVE_INFINITY));
    }
}
