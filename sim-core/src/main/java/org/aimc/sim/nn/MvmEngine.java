package org.aimc.sim.nn;

/**
 * The matrix-vector products of a network's forward pass. {@link Network#forward} asks its engine for
 * every dense layer's product, so a caller can replace the exact digital product by a model of hardware:
 * weights programmed onto tiles, converters, domain behaviour (tier-B inference), or injected error (the
 * tier-A calibration, hardware-aware training). The bias and the activation stay digital and are applied
 * by the layer after the product.
 *
 * <p>Batches are row-major: row {@code b} of {@code x} is the input vector of sample {@code b}. An engine
 * may hold state (a noise stream, programmed tiles); unless it says otherwise it is not thread-safe and
 * its results depend on the order of calls (a network evaluates its layers in order, batches in the order
 * the caller gives them).
 */
@FunctionalInterface
public interface MvmEngine {
    /** The exact product in double precision, {@link DigitalMvm#INSTANCE}. */
    MvmEngine DIGITAL = DigitalMvm.INSTANCE;

    /**
     * Computes the product of a batch of input vectors with a layer's weight matrix:
     * {@code y[b * out + j] ≈ Σ_k x[b * in + k] · W[k, j]} for {@code b < batch}, where {@code in} and
     * {@code out} are the layer's fan-in and fan-out and {@code W} its weights (bias excluded).
     *
     * @param layer index of the layer in its network (0 = first)
     * @param dense the layer, whose weights are the matrix
     * @param x     {@code batch * in} inputs; not modified
     * @param batch number of input vectors
     * @param y     output; its first {@code batch * out} entries are overwritten
     */
    void multiply(int layer, DenseLayer dense, double[] x, int batch, double[] y);
}
