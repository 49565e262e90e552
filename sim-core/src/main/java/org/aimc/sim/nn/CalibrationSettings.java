package org.aimc.sim.nn;

import java.io.Serializable;

/**
 * The measurement plan of a tier-A calibration curve ({@link NoiseCalibration}): {@code points} values of
 * σ_rel spaced evenly in log from {@code sigmaMin} to {@code sigmaMax}, each evaluated with {@code seeds}
 * independent noise realisations, in batches of {@code batchSize}; then, for each value δ of {@code offsets}, the
 * same network with a static offset of δ times the clean output RMS on every output of every hidden layer, at
 * every other σ of the grid ({@link #offsetSigmaIndices}) with {@code offsetSeeds} realisations each (the
 * offset rows of the curve, {@link org.aimc.sim.accuracy.CalibrationCurve#estimate(double, double)}).
 *
 * @param sigmaMin  smallest σ_rel (> 0)
 * @param sigmaMax  largest σ_rel (> sigmaMin)
 * @param points    grid size (≥ 2)
 * @param seeds     noise realisations per grid point (≥ 1)
 * @param seed      key of the noise streams
 * @param batchSize inference batch size (the noise stream is consumed in batch order, so it is part of the key)
 * @param offsets   relative offsets δ of the offset rows (non-zero, finite, strictly increasing; empty: none)
 * @param offsetSeeds noise realisations per point of an offset row (≥ 1)
 */
public record CalibrationSettings(double sigmaMin, double sigmaMax, int points, int seeds, long seed, int batchSize,
        java.util.List<Double> offsets, int offsetSeeds) implements Serializable {
    /** Settings without offset rows. */
    public CalibrationSettings(double sigmaMin, double sigmaMax, int points, int seeds, long seed, int batchSize) {
        this(sigmaMin, sigmaMax, points, seeds, seed, batchSize, java.util.List.of(), 1);
    }

    public CalibrationSettings {
        offsets = java.util.List.copyOf(offsets);
        for (int i = 0; i < offsets.size(); i++) {
            double d = offsets.get(i);
            if (!Double.isFinite(d) || d == 0 || (i > 0 && !(d > offsets.get(i - 1)))) {
                throw new IllegalArgumentException("offsets must be finite, non-zero and strictly increasing, got "
                        + offsets);
            }
        }
        if (offsetSeeds < 1 || offsetSeeds > 10_000) {
            throw new IllegalArgumentException("offset_seeds must be in [1, 10000], got " + offsetSeeds);
        }
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

    /** The grid indices of the σ values of an offset row: every other one, the last included. */
    public int[] offsetSigmaIndices() {
        int n = (points + 1) / 2 + (points % 2 == 0 ? 1 : 0);
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = Math.min(2 * k, points - 1);
        }
        return out;
    }

    /** Every setting as {@code key=value} lines in a fixed order (the offset lines only when there are offsets). */
    public String canonicalText() {
        String base = "sigma_min=" + sigmaMin + "\nsigma_max=" + sigmaMax + "\npoints=" + points + "\nseeds=" + seeds
                + "\nseed=" + seed + "\nbatch_size=" + batchSize + "\n";
        return offsets.isEmpty() ? base : base + "offsets=" + offsets + "\noffset_seeds=" + offsetSeeds + "\n";
    }
}
