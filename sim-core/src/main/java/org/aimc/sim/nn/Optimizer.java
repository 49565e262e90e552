package org.aimc.sim.nn;

/**
 * A first-order update rule. It keeps its state (momenta) per parameter array, matched by position in the
 * arrays it is given, so every call must pass the same arrays in the same order.
 */
public interface Optimizer {
    /**
     * One update of every {@code params[i]} from its gradient {@code grads[i]} with step size
     * {@code learningRate}. Modifies {@code params} and this optimizer's state; reads {@code grads}.
     */
    void step(double[][] params, double[][] grads, double learningRate);

    /** Number of steps taken. */
    long steps();
}
