package org.aimc.sim.nn;

/**
 * Stochastic gradient descent with heavy-ball momentum, in the form PyTorch's {@code torch.optim.SGD} uses
 * (dampening 0, no Nesterov): {@code v ← μ v + g}, {@code θ ← θ - η v}, with {@code v = 0} before the first
 * step. With {@code μ = 0} it is plain SGD, {@code θ ← θ - η g}.
 */
public final class Sgd implements Optimizer {
    private final double momentum;
    private double[][] velocity;
    private long steps;

    /** @param momentum μ in [0, 1) */
    public Sgd(double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
    }

    @Override
    public void step(double[][] params, double[][] grads, double learningRate) {
        velocity = OptimizerState.shaped(velocity, params, grads);
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i];
            double[] g = grads[i];
            double[] v = velocity[i];
            for (int k = 0; k < p.length; k++) {
                double vk = momentum * v[k] + g[k];
                v[k] = vk;
                p[k] -= learningRate * vk;
            }
        }
        steps++;
    }

    @Override
    public long steps() {
        return steps;
    }
}
