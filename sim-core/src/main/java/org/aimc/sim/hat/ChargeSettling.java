package org.aimc.sim.hat;

/**
 * Differentiable RC settling of a charge-domain column (physics.md §2.2, §5.5, §8.2): the bit line of
 * capacitance C connects the cells to the integrator's virtual ground through the integrator's input
 * resistance R_in. Row i drives the line through its conductance q_i (level units, ΔG = 1) while its pulse
 * lasts, 0 &le; θ &lt; τ_i (time in units of the input LSB T). With ν the line voltage over V_r the
 * line obeys the ODE
 * <pre>
 *   β dν/dθ = S(θ) - ν (S(θ) + γ),   S(θ) = Σ_{i: τ_i &gt; θ} q_i,   β = C / (T ΔG),  γ = 1 / (R_in ΔG)
 * </pre>
 * and the integrator collects {@code Z = γ ∫_0^Θ ν dθ} over the window Θ (in units of V_r ΔG T, so an ideal
 * readout, β → 0 and γ → ∞, gives Z = Σ_i q_i τ_i). Charge still on the line at the end of the window is
 * lost, and the line voltage eats into every cell's drive: a data-dependent compression (the sum of the
 * conductances on sets the time constant and the divider ratio) the physical training model lets the
 * weights compensate.
 *
 * <p>Solution: the pulse ends are events; between events S is constant and the ODE is solved exactly,
 * {@code ν(θ) = ν∞ + (ν_k - ν∞) e^{-α(θ - e_k)}}, α = (S + γ) / β, ν∞ = S / (S + γ) (an exponential
 * integrator, exact for this linear ODE, with event handling at the pulse ends). Gradients by reverse-mode
 * differentiation of that recursion: ∂Z/∂S_k per interval (so ∂Z/∂q_i sums the intervals row i is on) and
 * the adjoint ∂Z/∂ν at every event, from which extending row i's pulse at its end gives
 * {@code ∂Z/∂τ_i = q_i (1 - ν(τ_i)) / β · ∂Z/∂ν(τ_i)} (the right derivative when pulses end together; 0 for
 * a pulse that fills the window). Not thread-safe (scratch buffers).
 */
public final class ChargeSettling {
    private final double beta;
    private final double gamma;
    private final double window;
    private double[] nu = new double[0];
    private double[] adj = new double[0];

    /**
     * @param beta   C / (T ΔG) (> 0)
     * @param gamma  1 / (R_in ΔG) (> 0)
     * @param window integration window in LSB units, Θ
     */
    public ChargeSettling(double beta, double gamma, double window) {
        if (!(beta > 0) || Double.isInfinite(beta) || !(gamma > 0) || Double.isInfinite(gamma) || !(window > 0)) {
            throw new IllegalArgumentException("need beta > 0, gamma > 0 and window > 0, all finite; got " + beta + ", "
                    + gamma + ", " + window);
        }
        this.beta = beta;
        this.gamma = gamma;
        this.window = window;
    }

    public double window() {
        return window;
    }

    /**
     * The integrated charge of one column: intervals k = 0..K between the event times {@code e[0..K)}
     * (ascending, in (0, Θ)), interval k from e[k-1] (0 for k = 0) to e[k] (Θ for k = K) with conductance on
     * {@code s[k]}. Keeps ν at every interval start for {@link #backward} (the next call overwrites it).
     */
    public double forward(double[] e, int events, double[] s) {
        ensure(events + 2);
        double v = 0;
        double z = 0;
        double start = 0;
        for (int k = 0; k <= events; k++) {
            double end = k < events ? e[k] : window;
            double h = end - start;
            nu[k] = v;
            double sk = s[k];
            double inf = sk / (sk + gamma);
            double alpha = (sk + gamma) / beta;
            double one = -Math.expm1(-alpha * h);
            double f = one / alpha;
            z += gamma * (inf * h + (v - inf) * f);
            v = inf + (v - inf) * (1 - one);
            start = end;
        }
        nu[events + 1] = v;
        return z;
    }

    /**
     * Gradients of the last {@link #forward} scaled by {@code dz}: adds {@code dz ∂Z/∂s[k]} to {@code ds[k]} for
     * k = 0..K and writes {@code ∂Z/∂ν} at the start of every interval into the adjoint kept for
     * {@link #pulseSlope}.
     */
    public void backward(double[] e, int events, double[] s, double dz, double[] ds) {
        double a = 0;
        for (int k = events; k >= 0; k--) {
            double start = k == 0 ? 0 : e[k - 1];
            double end = k < events ? e[k] : window;
            double h = end - start;
            double sk = s[k];
            double inf = sk / (sk + gamma);
            double dInf = gamma / ((sk + gamma) * (sk + gamma));
            double vk = nu[k];
            double alpha = (sk + gamma) / beta;
            double one = -Math.expm1(-alpha * h);
            double ex = 1 - one;
            double f = one / alpha;
            double dfda = (h * ex - f) / alpha;
            double gInf = gamma * (h - f) + a * one;
            double gAlpha = gamma * (vk - inf) * dfda - a * (vk - inf) * h * ex;
            ds[k] += dz * (gInf * dInf + gAlpha / beta);
            a = gamma * f + a * ex;
            adj[k] = a;
        }
    }

    /**
     * ∂Z/∂τ of a row with conductance {@code q} whose pulse ends at the start of interval {@code k} (k = 0 for
     * a zero-width pulse), after {@link #backward} with dz = 1: q (1 - ν_k) / β · ∂Z/∂ν_k, exact to first order
     * in the extension (the row's drive is linear in q). Returns 0 for k = K + 1 (a pulse that fills the
     * window).
     */
    public double pulseSlope(double q, int k, int events) {
        if (k > events) {
            return 0;
        }
        return q * (1 - nu[k]) / beta * adj[k];
    }

    private void ensure(int n) {
        if (nu.length < n) {
            nu = new double[n];
            adj = new double[n];
        }
    }
}
