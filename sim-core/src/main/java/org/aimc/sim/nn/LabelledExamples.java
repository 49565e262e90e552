package org.aimc.sim.nn;

/** The labels and sizes shared by the in-memory {@link Examples} implementations. */
abstract class LabelledExamples implements Examples {
    private final int[] labels;
    private final int features;
    private final int classes;

    /**
     * @param labels      class of each example, in {@code [0, classes)}; copied
     * @param features    values per example
     * @param classes     number of classes
     * @param storedSize  length of the feature storage, which must be {@code labels.length * features}
     * @param storedUnits what the storage holds, for the error message ("bytes", "values")
     */
    LabelledExamples(int[] labels, int features, int classes, long storedSize, String storedUnits) {
        if (features < 1 || classes < 2) {
            throw new IllegalArgumentException("need features >= 1 and classes >= 2, got " + features + ", " + classes);
        }
        if ((long) labels.length * features != storedSize) {
            throw new IllegalArgumentException(labels.length + " labels of " + features + " features need "
                    + (long) labels.length * features + " " + storedUnits + ", got " + storedSize);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label of example " + i + " is " + labels[i] + ", outside [0, "
                        + classes + ")");
            }
        }
        this.labels = labels.clone();
        this.features = features;
        this.classes = classes;
    }

    @Override
    public final int size() {
        return labels.length;
    }

    @Override
    public final int features() {
        return features;
    }

    @Override
    public final int classes() {
        return classes;
    }

    @Override
    public final int label(int i) {
        return labels[i];
    }
}
