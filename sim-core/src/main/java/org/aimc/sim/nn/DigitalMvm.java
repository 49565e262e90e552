package org.aimc.sim.nn;

/**
 * The exact product of a dense layer in double precision, the reference every hardware engine is compared
 * with. Stateless and thread-safe; results are bit-for-bit reproducible (fixed summation order).
 */
public final class DigitalMvm implements MvmEngine {
    /** The single instance. */
    public static final DigitalMvm INSTANCE = new DigitalMvm();

    private DigitalMvm() {
    }

    @Override
    public void multiply(int layer, DenseLayer dense, double[] x, int batch, double[] y) {
        Kernels.multiply(x, batch, dense.in(), dense.weights(), dense.out(), y);
    }
}
