package org.aimc.datasets;

import org.aimc.sim.nn.DoubleExamples;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Small deterministic data sets for tests: a pure function of their arguments, drawn from
 * {@code KeyedRandom} streams with {@link Purpose#DATA}.
 */
public final class SyntheticData {
    /** Dataset id of {@link #blobs}. */
    public static final String BLOBS_ID = "synthetic-blobs";

    private SyntheticData() {
    }

    /**
     * Gaussian blobs: class c has a centre {@code μ_c ~ N(0, separation² I)}; example i has label
     * {@code i mod classes} and features {@code μ_label + N(0, I)}. Larger {@code separation} makes the
     * classes easier to tell apart (the Bayes error falls roughly as Q(separation / √2) per pair).
     * Centres come from {@code KeyedRandom.stream(seed, 0, DATA, 0)}, the examples of a set with
     * {@code split} s from {@code stream(seed, 0, DATA, 1 + s)}, so sets of different splits share centres
     * and differ in their examples.
     *
     * @param seed       key of the draws
     * @param split      0 for a training set, 1 for a test set (any non-negative number)
     * @param n          number of examples
     * @param features   vector length
     * @param classes    number of classes (≥ 2)
     * @param separation standard deviation of the centres in units of the within-class spread
     */
    public static DoubleExamples blobs(long seed, int split, int n, int features, int classes, double separation) {
        if (split < 0 || n < 1 || features < 1 || classes < 2 || !(separation > 0) || Double.isInfinite(separation)) {
            throw new IllegalArgumentException("need split >= 0, n >= 1, features >= 1, classes >= 2, separation > 0;"
                    + " got " + split + ", " + n + ", " + features + ", " + classes + ", " + separation);
        }
        NormalizedGaussianSampler c = ZigguratSampler.NormalizedGaussian.of(
                KeyedRandom.stream(seed, 0, Purpose.DATA, 0));
        double[] centres = new double[classes * features];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = separation * c.sample();
        }
        UniformRandomProvider rng = KeyedRandom.stream(seed, 0, Purpose.DATA, 1L + split);
        NormalizedGaussianSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[n * features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            for (int k = 0; k < features; k++) {
                x[i * features + k] = centres[y[i] * features + k] + z.sample();
            }
        }
        return new DoubleExamples(x, y, features, classes);
    }

    /**
     * A train/test split of {@link #blobs} (split 0 and 1), identified in cache keys by its parameters.
     */
    public static DataSplit blobSplit(long seed, int trainSize, int testSize, int features, int classes,
            double separation) {
        return new DataSplit(BLOBS_ID, blobs(seed, 0, trainSize, features, classes, separation),
                blobs(seed, 1, testSize, features, classes, separation),
                "blobs=seed:" + seed + ",train:" + trainSize + ",test:" + testSize + ",features:" + features
                        + ",classes:" + classes + ",separation:" + separation + "\n");
    }
}
