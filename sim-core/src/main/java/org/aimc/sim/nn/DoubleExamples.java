package org.aimc.sim.nn;

/** Examples with double-precision features (synthetic sets, tests). */
public final class DoubleExamples extends LabelledExamples {
    private final double[] x;

    /**
     * @param x        {@code labels.length * features} values, example-major; copied
     * @param labels   class of each example, in {@code [0, classes)}; copied
     * @param features values per example
     * @param classes  number of classes
     */
    public DoubleExamples(double[] x, int[] labels, int features, int classes) {
        super(labels, features, classes, x.length, "values");
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("features must be finite, got " + v);
            }
        }
        this.x = x.clone();
    }

    @Override
    public void copyFeatures(int i, double[] dst, int offset) {
        int d = features();
        System.arraycopy(x, i * d, dst, offset, d);
    }
}
