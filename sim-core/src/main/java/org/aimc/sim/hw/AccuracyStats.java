package org.aimc.sim.hw;

import java.io.Serializable;
import org.aimc.sim.accuracy.CalibrationCurve;

/**
 * Accuracy over chip instances: mean, sample standard deviation and the Student-t 95% confidence interval
 * of the mean, {@code mean ± t(0.975, n - 1) · std / √n} ({@link CalibrationCurve#studentT975}), clipped to
 * [0, 1]; a single chip gives a zero-width interval.
 *
 * @param chips number of chip instances
 */
public record AccuracyStats(int chips, double mean, double std, double ci95Low, double ci95High)
        implements Serializable {
    public AccuracyStats {
        if (chips < 1) {
            throw new IllegalArgumentException("chips must be >= 1, got " + chips);
        }
    }

    /** The statistics of per-chip accuracies. */
    public static AccuracyStats of(double[] accuracies) {
        int n = accuracies.length;
        if (n < 1) {
            throw new IllegalArgumentException("need at least one chip's accuracy");
        }
        double mean = 0;
        for (double a : accuracies) {
            mean += a;
        }
        mean /= n;
        double ss = 0;
        for (double a : accuracies) {
            ss += (a - mean) * (a - mean);
        }
        double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        double half = n > 1 ? CalibrationCurve.studentT975(n - 1) * std / Math.sqrt(n) : 0;
        return new AccuracyStats(n, mean, std, Math.max(0, mean - half), Math.min(1, mean + half));
    }

    /** Half width of the 95% interval (before clipping). */
    public double halfWidth() {
        return chips > 1 ? CalibrationCurve.studentT975(chips - 1) * std / Math.sqrt(chips) : 0;
    }
}
