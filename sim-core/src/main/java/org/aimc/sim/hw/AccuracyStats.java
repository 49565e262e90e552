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
        double[] s = CalibrationCurve.sampleStatistics(accuracies);
        return new AccuracyStats(accuracies.length, s[0], s[1], s[2], s[3]);
    }

    /** Half width of the 95% interval (before clipping). */
    public double halfWidth() {
        return chips > 1 ? CalibrationCurve.studentT975(chips - 1) * std / Math.sqrt(chips) : 0;
    }
}
