package org.aimc.sim.nn;

import java.io.Serializable;

/**
 * The measurement plan of a tier-A calibration curve ({@link NoiseCalibration}): {@code points} values of
 * σ_rel spaced evenly in log from {@code sigmaMin} to {@code sigmaMax}, each evaluated with {@code seeds}
 * independent noise realisations, in batches of {@code batchSize}.
 *
 * @param sigmaMin  smallest σ_rel (> 0)
 * @param sigmaMax  largest σ_rel (> sigmaMin)
 * @param points    grid size (≥ 2)
 * @param seeds     noise realisations per grid point (≥ 1)
 * @param seed      key of the noise streams
 * @param batchSize inference batch size (the noise stream is consumed in batch order, so it is part of the key)
 */
public record CalibrationSettings(double sigmaMin, double sigmaMax, int points, int seeds, long seed, int batchSize)
        implements Serializable {
    public CalibrationSettings {
        if (!(sigmaMin > 0) || !(sigmaMax > sigmaMin) || Double.isInfinite(sigmaMax)) {
            throw new IllegalArgumentException("need 0 < sigma_min < sigma_max < infinity, got " + sigmaMin + ", "
                    + sigmaMax);
        }
        if (points < 2 || points > 10_000) {
            throw new IllegalArgumentException("points must be in [2, 10000], got " + points);
        }
        if (seeds < 1 || seeds > 10_000) {
            throw new IllegalArgumentException("seeds must be in [1, 10000], got " + seeds);
        }
        if (batchSize < 1 || batchSize > 1 << 16) {
            throw new IllegalArgumentException("batch_size must be in [1, 65536], got " + batchSize);
        }
    }

    /** σ_rel of grid point {@code i}: {@code sigmaMin · (sigmaMax / sigmaMin)^(i / (points - 1))}. */
    public double sigma(int i) {
        if (i == 0) {
            return sigmaMin;
        }
        if (i == points - 1) {
            return sigmaMax;
        }
        return sigmaMin * StrictMath.pow(sigmaMax / sigmaMin, (double) i / (points - 1));
    }

    /** Every setting as {@code key=value} lines in a fixed order. */
    public String canonicalText() {
        return "sigma_min=" + sigmaMin + "\nsigma_max=" + sigmaMax + "\npoints=" + points + "\nseeds=" + seeds
                + "\nseed=" + seed + "\nbatch_size=" + batchSize + "\n";
    }
}
