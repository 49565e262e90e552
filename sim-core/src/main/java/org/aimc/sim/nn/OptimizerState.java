package org.aimc.sim.nn;

/** Shape checks and lazy allocation of per-parameter optimizer state. */
final class OptimizerState {
    private OptimizerState() {
    }

    /**
     * Returns {@code state}, or zero arrays shaped like {@code params} when it is null. Throws when the
     * parameter and gradient arrays do not match each other or the existing state.
     */
    static double[][] shaped(double[][] state, double[][] params, double[][] grads) {
        if (params.length != grads.length) {
            throw new IllegalArgumentException(params.length + " parameter arrays but " + grads.length + " gradients");
        }
        for (int i = 0; i < params.length; i++) {
            if (params[i].length != grads[i].length) {
                throw new IllegalArgumentException("parameter array " + i + " has " + params[i].length
                        + " values but its gradient " + grads[i].length);
            }
        }
        if (state == null) {
            double[][] s = new double[params.length][];
            for (int i = 0; i < params.length; i++) {
                s[i] = new double[params[i].length];
            }
            return s;
        }
        if (state.length != params.length) {
            throw new IllegalArgumentException("the optimizer was used with " + state.length
                    + " parameter arrays, now " + params.length);
        }
        for (int i = 0; i < params.length; i++) {
            if (state[i].length != params[i].length) {
                throw new IllegalArgumentException("parameter array " + i + " changed size from " + state[i].length
                        + " to " + params[i].length);
            }
        }
        return state;
    }
}
