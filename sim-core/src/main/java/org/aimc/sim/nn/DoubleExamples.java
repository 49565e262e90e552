package org.aimc.sim.nn;

/** Examples with double-precision features (synthetic sets, tests). */
public final class DoubleExamples implements Examples {
    private final double[] x;
    private final int[] labels;
    private final int features;
    private final int classes;

    /**
     * @param x        {@code labels.length * features} values, example-major; copied
     * @param labels   class of each example, in {@code [0, classes)}; copied
     * @param features values per example
     * @param classes  number of classes
     */
    public DoubleExamples(double[] x, int[] labels, int features, int classes) {
        if (features < 1 || classes < 2) {
            throw new IllegalArgumentException("need features >= 1 and classes >= 2, got " + features + ", " + classes);
        }
        if ((long) labels.length * features != x.length) {
            throw new IllegalArgumentException(labels.length + " labels of " + features + " features need "
                    + (long) labels.length * features + " values, got " + x.length);
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("features must be finite, got " + v);
            }
        }
        checkLabels(labels, classes);
        this.x = x.clone();
        this.labels = labels.clone();
        this.features = features;
        this.classes = classes;
    }

    static void checkLabels(int[] labels, int classes) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label of example " + i + " is " + labels[i] + ", outside [0, "
                        + classes + ")");
            }
        }
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    @Override
    public void copyFeatures(int i, double[] dst, int offset) {
        System.arraycopy(x, i * features, dst, offset, features);
    }
}
