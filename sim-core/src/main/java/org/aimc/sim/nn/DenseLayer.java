package org.aimc.sim.nn;

import java.util.Arrays;

/**
 * A fully connected layer {@code z = x · W + b}: weights {@code W} with one row per input and one column
 * per output (stored row-major, {@code weights()[k * out + j]}, the orientation of a crossbar tile whose
 * rows are driven by the inputs and whose columns sum the outputs) and a bias per output.
 *
 * <p>The parameter arrays are live: the optimizer updates them in place. A layer is not thread-safe while
 * it is being trained; for concurrent inference give each thread its own {@link Workspace}.
 */
public final class DenseLayer {
    private final int in;
    private final int out;
    private final double[] weights;
    private final double[] bias;

    /** A layer with all weights and biases zero. */
    public DenseLayer(int in, int out) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("a dense layer needs in >= 1 and out >= 1, got " + in + " x " + out);
        }
        this.in = in;
        this.out = out;
        this.weights = new double[Math.multiplyExact(in, out)];
        this.bias = new double[out];
    }

    /** A layer with copies of the given weights ({@code in * out}, row k = input k) and biases ({@code out}). */
    public DenseLayer(int in, int out, double[] weights, double[] bias) {
        this(in, out);
        if (weights.length != this.weights.length) {
            throw new IllegalArgumentException("weights: expected " + this.weights.length + " values (" + in + " x "
                    + out + "), got " + weights.length);
        }
        if (bias.length != out) {
            throw new IllegalArgumentException("bias: expected " + out + " values, got " + bias.length);
        }
        for (double v : weights) {
            requireFinite(v, "weights");
        }
        for (double v : bias) {
            requireFinite(v, "bias");
        }
        System.arraycopy(weights, 0, this.weights, 0, weights.length);
        System.arraycopy(bias, 0, this.bias, 0, out);
    }

    private static void requireFinite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + ": every value must be finite, got " + v);
        }
    }

    /** Fan-in: the number of inputs (MVM rows). */
    public int in() {
        return in;
    }

    /** Fan-out: the number of outputs (MVM columns). */
    public int out() {
        return out;
    }

    /** The live weight array, {@code in * out} values, row-major with row k for input k. */
    public double[] weights() {
        return weights;
    }

    /** The live bias array, {@code out} values. */
    public double[] bias() {
        return bias;
    }

    /** {@code W[input, output]}. */
    public double weight(int input, int output) {
        return weights[input * out + output];
    }

    /**
     * {@code z = engine(x) + b} for a batch. Overwrites the first {@code batch * out} entries of {@code z};
     * reads {@code x}.
     *
     * @param engine the product (exact, or a hardware model)
     * @param index  this layer's index in its network, passed to the engine
     */
    public void forward(MvmEngine engine, int index, double[] x, int batch, double[] z) {
        engine.multiply(index, this, x, batch, z);
        for (int b = 0; b < batch; b++) {
            int o = b * out;
            for (int j = 0; j < out; j++) {
                z[o + j] += bias[j];
            }
        }
    }

    /**
     * Gradients of a batch through this layer given {@code dz = ∂L/∂z}: {@code dW = xᵀ dz},
     * {@code db = Σ_b dz[b]} and, when {@code dx} is not null, {@code dx = dz Wᵀ}. Overwrites {@code dW}
     * ({@code in * out}), {@code db} ({@code out}) and the first {@code batch * in} entries of {@code dx};
     * reads {@code x} and {@code dz}. The backward pass always uses the exact weights (for a hardware engine
     * in the forward pass this is the straight-through estimator).
     */
    public void backward(double[] x, double[] dz, int batch, double[] dW, double[] db, double[] dx) {
        Kernels.multiplyTransA(x, batch, in, dz, out, dW);
        Arrays.fill(db, 0, out, 0.0);
        for (int b = 0; b < batch; b++) {
            int o = b * out;
            for (int j = 0; j < out; j++) {
                db[j] += dz[o + j];
            }
        }
        if (dx != null) {
            Kernels.multiplyTransB(dz, batch, out, weights, in, dx);
        }
    }

    /** A deep copy. */
    public DenseLayer copy() {
        return new DenseLayer(in, out, weights, bias);
    }
}
