package org.aimc.sim.nn;

/**
 * Caller-owned buffers of one network's forward and backward passes for batches of up to
 * {@link #maxBatch()} examples: per layer the pre-activations {@code z}, the activations {@code a} (ReLU
 * of {@code z}, hidden layers only) and the back-propagated deltas. One workspace per thread.
 */
public final class Workspace {
    final int maxBatch;
    final double[][] z;
    final double[][] a;
    final double[][] delta;

    Workspace(Network net, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        this.maxBatch = maxBatch;
        int n = net.depth();
        z = new double[n][];
        a = new double[n][];
        delta = new double[n][];
        for (int l = 0; l < n; l++) {
            int size = Math.multiplyExact(maxBatch, net.layer(l).out());
            z[l] = new double[size];
            delta[l] = new double[size];
            a[l] = l < n - 1 ? new double[size] : z[l];
        }
    }

    /** The largest batch these buffers hold. */
    public int maxBatch() {
        return maxBatch;
    }

    /** The output layer's pre-activations (logits) of the last forward pass, row-major. Live array. */
    public double[] logits() {
        return z[z.length - 1];
    }

    /** Layer {@code l}'s pre-activations {@code z = engine(x) + b} of the last forward pass. Live array. */
    public double[] preActivations(int l) {
        return z[l];
    }

    /** Layer {@code l}'s output after its activation (ReLU; the logits for the last layer). Live array. */
    public double[] activations(int l) {
        return a[l];
    }

    /** {@code ∂L/∂logits}, to be filled before {@link Network#backward}. Live array. */
    public double[] outputGradient() {
        return delta[delta.length - 1];
    }
}
