package org.aimc.sim.eval;

import java.util.ArrayList;
import java.util.List;
import org.aimc.sim.space.SweepPlan;

/** Sequential evaluation of a sweep in one thread: the reference a Spark run must equal. */
public final class LocalRunner {
    private LocalRunner() {
    }

    /** Rows of points [from, to) in index order. */
    public static List<Object[]> run(SweepPlan plan, long from, long to) {
        return run(new Evaluator(plan), from, to);
    }

    /** Every row of the sweep, with accuracy estimated through {@code curve} (may be null). */
    public static List<Object[]> run(SweepPlan plan, org.aimc.sim.accuracy.CalibrationCurve curve) {
        return run(new Evaluator(plan, curve), 0, plan.size());
    }

    /** Rows of points [from, to) of {@code ev}'s sweep in index order. */
    public static List<Object[]> run(Evaluator ev, long from, long to) {
        ResultRow row = new ResultRow();
        List<Object[]> out = new ArrayList<>((int) Math.min(to - from, 1 << 20));
        for (long i = from; i < to; i++) {
            out.add(ev.evaluate(i, row).toObjects());
        }
        return out;
    }

    /** Every row of the sweep. */
    public static List<Object[]> run(SweepPlan plan) {
        return run(plan, 0, plan.size());
    }
}
