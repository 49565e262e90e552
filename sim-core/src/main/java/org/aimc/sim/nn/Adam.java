package org.aimc.sim.nn;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1):
 * {@code m ← β1 m + (1-β1) g}, {@code v ← β2 v + (1-β2) g²},
 * {@code θ ← θ - η m̂ / (√v̂ + ε)} with {@code m̂ = m / (1-β1^t)}, {@code v̂ = v / (1-β2^t)} at step
 * {@code t = 1, 2, ...}.
 */
public final class Adam implements Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double[][] m;
    private double[][] v;
    private long steps;

    /**
     * @param beta1   decay of the first moment, in [0, 1) (paper default 0.9)
     * @param beta2   decay of the second moment, in [0, 1) (paper default 0.999)
     * @param epsilon added to √v̂, positive (paper default 1e-8)
     */
    public Adam(double beta1, double beta2, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be positive and finite, got " + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void step(double[][] params, double[][] grads, double learningRate) {
        m = OptimizerState.shaped(m, params, grads);
        v = OptimizerState.shaped(v, params, grads);
        steps++;
        double c1 = 1.0 - StrictMath.pow(beta1, steps);
        double c2 = 1.0 - StrictMath.pow(beta2, steps);
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i];
            double[] g = grads[i];
            double[] mi = m[i];
            double[] vi = v[i];
            for (int k = 0; k < p.length; k++) {
                double gk = g[k];
                double mk = beta1 * mi[k] + (1.0 - beta1) * gk;
                double vk = beta2 * vi[k] + (1.0 - beta2) * gk * gk;
                mi[k] = mk;
                vi[k] = vk;
                p[k] -= learningRate * (mk / c1) / (Math.sqrt(vk / c2) + epsilon);
            }
        }
    }

    @Override
    public long steps() {
        return steps;
    }
}
