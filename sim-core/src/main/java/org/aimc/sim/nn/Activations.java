package org.aimc.sim.nn;

/** Element-wise activation functions and their derivatives, on caller-owned arrays. */
public final class Activations {
    private Activations() {
    }

    /** {@code a[i] = max(0, z[i])} for {@code i < n}. Overwrites {@code a} (which may be {@code z}). */
    public static void relu(double[] z, int n, double[] a) {
        for (int i = 0; i < n; i++) {
            double v = z[i];
            a[i] = v > 0 ? v : 0.0;
        }
    }

    /**
     * {@code dz[i] = da[i]} where {@code z[i] > 0}, else 0 (the ReLU derivative, taken as 0 at 0). Overwrites
     * the first {@code n} entries of {@code dz} (which may be {@code da}).
     */
    public static void reluBackward(double[] z, double[] da, int n, double[] dz) {
        for (int i = 0; i < n; i++) {
            dz[i] = z[i] > 0 ? da[i] : 0.0;
        }
    }
}
