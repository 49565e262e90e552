package org.aimc.sim.nn;

/**
 * An engine that passes another engine's products through and accumulates, per layer, the mean square of
 * the outputs it produced: {@code E[y²]} over every sample and every output column seen so far. Over a
 * data set with the exact engine this is the signal power the {@code mvm_rel_error} column compares the
 * error to. Not thread-safe.
 */
public final class MvmPowerMeter implements MvmEngine {
    private final MvmEngine inner;
    private final double[] sumSquares;
    private final long[] counts;

    /** @param layers number of layers of the network it will see */
    public MvmPowerMeter(MvmEngine inner, int layers) {
        this.inner = inner;
        this.sumSquares = new double[layers];
        this.counts = new long[layers];
    }

    @Override
    public void multiply(int layer, DenseLayer dense, double[] x, int batch, double[] y) {
        inner.multiply(layer, dense, x, batch, y);
        int n = batch * dense.out();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += y[i] * y[i];
        }
        sumSquares[layer] += s;
        counts[layer] += n;
    }

    /** E[y²] of layer {@code l}'s outputs so far. */
    public double meanSquare(int l) {
        if (counts[l] == 0) {
            throw new IllegalStateException("layer " + l + " has produced no outputs yet");
        }
        return sumSquares[l] / counts[l];
    }

    /** sqrt(E[y²]) of every layer. */
    public double[] rms() {
        double[] r = new double[sumSquares.length];
        for (int l = 0; l < r.length; l++) {
            r[l] = Math.sqrt(meanSquare(l));
        }
        return r;
    }
}
