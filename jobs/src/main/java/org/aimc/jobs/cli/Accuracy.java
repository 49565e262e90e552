package org.aimc.jobs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.aimc.datasets.Calibration;
import org.aimc.datasets.DatasetException;
import org.aimc.datasets.Recipes;
import org.aimc.sim.accuracy.CalibrationCurve;
import org.aimc.sim.space.SweepPlan;

/**
 * The tier-A accuracy surrogate of a sweep: its workload's calibration curve, read from the cache or (the
 * first time) built by training the reference network and measuring accuracy under injected MVM error.
 * Built on the driver before any output is written; executors receive its text.
 */
final class Accuracy {
    private Accuracy() {
    }

    /** The curve, or null when not wanted or when the workload has no data set to calibrate on. */
    static CalibrationCurve curve(SweepPlan plan, boolean skip, String cacheDir, PrintStream console) {
        String workload = plan.spec().workload().id();
        if (skip) {
            return null;
        }
        if (!Recipes.ids().contains(workload)) {
            console.printf("[accuracy] workload %s has no data set or calibration recipe here (known: %s); "
                    + "accuracy_est stays null%n", workload, Recipes.ids());
            return null;
        }
        try {
            CalibrationCurve c = Calibration.loadOrBuild(workload, Path.of(cacheDir),
                    msg -> console.println("[accuracy] " + msg));
            console.printf("[accuracy] %s: calibration curve %s (digital accuracy %.4f, %d points)%n", workload,
                    c.specHash().substring(0, Math.min(12, c.specHash().length())), c.digitalAccuracy(),
                    c.points().size());
            return c;
        } catch (DatasetException e) {
            throw new UserError(e.getMessage() + " (or run with --no-accuracy)");
        }
    }
}
