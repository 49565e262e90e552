package org.aimc.sim.nn;

/**
 * Examples whose features are unsigned bytes (image pixels), presented as {@code scale * (byte & 0xFF)}:
 * with {@code scale = 1/255} a pixel becomes an intensity in [0, 1]. Stored compactly (one byte per
 * feature), so the 60,000 Fashion-MNIST training images take 47 MB, not 376 MB.
 */
public final class ByteExamples extends LabelledExamples {
    private final byte[] pixels;
    private final double scale;

    /**
     * @param pixels   {@code labels.length * features} bytes, example-major; copied
     * @param labels   class of each example, in {@code [0, classes)}; copied
     * @param features bytes per example
     * @param classes  number of classes
     * @param scale    factor from an unsigned byte to the feature value (positive, finite)
     */
    public ByteExamples(byte[] pixels, int[] labels, int features, int classes, double scale) {
        super(labels, features, classes, pixels.length, "bytes");
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
        }
        this.pixels = pixels.clone();
        this.scale = scale;
    }

    @Override
    public void copyFeatures(int i, double[] dst, int offset) {
        int d = features();
        int o = i * d;
        for (int k = 0; k < d; k++) {
            dst[offset + k] = (pixels[o + k] & 0xFF) * scale;
        }
    }

    /** The raw unsigned byte of feature {@code k} of example {@code i}, in [0, 255]. */
    public int raw(int i, int k) {
        return pixels[i * features() + k] & 0xFF;
    }

    /** The factor from a raw byte to the feature value. */
    public double scale() {
        return scale;
    }
}
