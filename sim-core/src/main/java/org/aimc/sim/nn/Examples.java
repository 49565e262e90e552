package org.aimc.sim.nn;

/**
 * A labelled classification data set held in memory: {@link #size()} examples, each a vector of
 * {@link #features()} numbers and a class in {@code [0, classes())}. Implementations are immutable.
 */
public interface Examples {
    /** Number of examples. */
    int size();

    /** Length of each feature vector. */
    int features();

    /** Number of classes; labels are in {@code [0, classes())}. */
    int classes();

    /** The class of example {@code i}. */
    int label(int i);

    /** Writes the features of example {@code i} into {@code dst[offset, offset + features())}. */
    void copyFeatures(int i, double[] dst, int offset);

    /**
     * Copies {@code count} examples into a row-major batch: example {@code indices[from + r]} becomes row
     * {@code r} of {@code x} (first {@code count * features()} entries overwritten) and its class
     * {@code labels[r]} (first {@code count} entries overwritten).
     */
    default void gather(int[] indices, int from, int count, double[] x, int[] labels) {
        int d = features();
        for (int r = 0; r < count; r++) {
            int i = indices[from + r];
            copyFeatures(i, x, r * d);
            labels[r] = label(i);
        }
    }

    /** Copies examples {@code [from, from + count)} in order into a batch, as {@link #gather}. */
    default void range(int from, int count, double[] x, int[] labels) {
        int d = features();
        for (int r = 0; r < count; r++) {
            copyFeatures(from + r, x, r * d);
            labels[r] = label(from + r);
        }
    }

    /** The first {@code n} examples, as a view of this set. */
    default Examples head(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("n must be in [0, " + size() + "], got " + n);
        }
        Examples all = this;
        return new Examples() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public int features() {
                return all.features();
            }

            @Override
            public int classes() {
                return all.classes();
            }

            @Override
            public int label(int i) {
                return all.label(i);
            }

            @Override
            public void copyFeatures(int i, double[] dst, int offset) {
                all.copyFeatures(i, dst, offset);
            }
        };
    }
}
