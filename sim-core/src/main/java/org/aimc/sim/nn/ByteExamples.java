package org.aimc.sim.nn;

/**
 * Examples whose features are unsigned bytes (image pixels), presented as {@code scale * (byte & 0xFF)}:
 * with {@code scale = 1/255} a pixel becomes an intensity in [0, 1]. Stored compactly (one byte per
 * feature), so the 60,000 Fashion-MNIST training images take 47 MB, not 376 MB.
 */
public final class ByteExamples implements Examples {
    private final byte[] pixels;
    private final int[] labels;
    private final int features;
    private final int classes;
    private final double scale;

    /**
     * @param pixels   {@code labels.length * features} bytes, example-major; copied
     * @param labels   class of each example, in {@code [0, classes)}; copied
     * @param features bytes per example
     * @param classes  number of classes
     * @param scale    factor from an unsigned byte to the feature value (positive, finite)
     */
    public ByteExamples(byte[] pixels, int[] labels, int features, int classes, double scale) {
        if (features < 1 || classes < 2) {
            throw new IllegalArgumentException("need features >= 1 and classes >= 2, got " + features + ", " + classes);
        }
        if ((long) labels.length * features != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels of " + features + " features need "
                    + (long) labels.length * features + " bytes, got " + pixels.length);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
        }
        DoubleExamples.checkLabels(labels, classes);
        this.pixels = pixels.clone();
        this.labels = labels.clone();
        this.features = features;
        this.classes = classes;
        this.scale = scale;
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
        int o = i * features;
        for (int k = 0; k < features; k++) {
            dst[offset + k] = (pixels[o + k] & 0xFF) * scale;
        }
    }

    /** The raw unsigned byte of feature {@code k} of example {@code i}, in [0, 255]. */
    public int raw(int i, int k) {
        return pixels[i * features + k] & 0xFF;
    }

    /** The factor from a raw byte to the feature value. */
    public double scale() {
        return scale;
    }
}
