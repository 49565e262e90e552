package org.aimc.sim.nn;

/** Caller-owned gradient buffers of a network: per layer {@code ∂L/∂W} and {@code ∂L/∂b}. */
public final class Gradients {
    final double[][] dW;
    final double[][] db;

    /** Zero gradients shaped like {@code net}'s parameters. */
    public Gradients(Network net) {
        int n = net.depth();
        dW = new double[n][];
        db = new double[n][];
        for (int l = 0; l < n; l++) {
            dW[l] = new double[net.layer(l).weights().length];
            db[l] = new double[net.layer(l).out()];
        }
    }

    /** {@code ∂L/∂W} of layer {@code l}, laid out as {@link DenseLayer#weights()}. Live array. */
    public double[] weights(int l) {
        return dW[l];
    }

    /** {@code ∂L/∂b} of layer {@code l}. Live array. */
    public double[] bias(int l) {
        return db[l];
    }

    /** The gradient arrays in the order of {@link Network#parameters()}: W0, b0, W1, b1, ... (live). */
    public double[][] arrays() {
        double[][] r = new double[2 * dW.length][];
        for (int l = 0; l < dW.length; l++) {
            r[2 * l] = dW[l];
            r[2 * l + 1] = db[l];
        }
        return r;
    }
}
