package org.aimc.sim.hat;

/**
 * Differentiable resistive division of one gated node (physics.md §2.5): the cells whose input bit is 1
 * tie the undriven node to V_r through their conductances, a load G_L ties it to ground, so the node settles
 * at Millman's ratio {@code v = S / (S + λ)} with {@code S = Σ_i u_i q_i} the connected conductance and λ
 * the load, both in level units (q = G'/ΔG' = b + l for a cell at level l over the grid's base b). The
 * digital side turns v back into an estimate z of S, either exactly ({@code λ v / (1 - v)}, no error) or
 * with the tangent of the divider at the node's design-time mean sum s0 (a linear read-out):
 * <pre>
 *   z(v) = s0 + (v - v(s0)) (s0 + λ)² / λ,    dz/dS = (s0 + λ)² / (S + λ)²
 * </pre>
 * whose curvature compresses large sums and expands small ones: the data-dependent denominator the
 * physical training model lets the weights compensate. The tier-B tile of {@code resistive-division} forms
 * the same ratio and the same read-out (tested equal with the noise off); the digital offset b Σu is removed
 * by the caller.
 */
public final class MillmanDivider {
    private final double load;
    private final boolean invert;

    /**
     * @param load   λ = G_L / ΔG' (> 0)
     * @param invert true when the digital side inverts the ratio exactly
     */
    public MillmanDivider(double load, boolean invert) {
        if (!(load > 0) || Double.isInfinite(load)) {
            throw new IllegalArgumentException("load must be positive and finite, got " + load);
        }
        this.load = load;
        this.invert = invert;
    }

    public double load() {
        return load;
    }

    public boolean inverts() {
        return invert;
    }

    /** The node voltage over V_r for connected conductance {@code s}: s / (s + λ). */
    public double ratio(double s) {
        return s / (s + load);
    }

    /** The digital estimate z of the node sum {@code s} for a read-out centred at {@code centre} (s0). */
    public double estimate(double s, double centre) {
        return estimateFromRatio(ratio(s), centre);
    }

    /** The digital estimate z of a node at voltage ratio {@code v} (what the converter read) for centre s0. */
    public double estimateFromRatio(double v, double centre) {
        if (invert) {
            double vc = Math.min(v, 1 - 1e-15);
            return load * vc / (1 - vc);
        }
        double k = centre + load;
        return centre + (v - ratio(centre)) * k * k / load;
    }

    /** dz/ds of {@link #estimate} at {@code s}. */
    public double slope(double s, double centre) {
        if (invert) {
            return 1;
        }
        double k = (centre + load) / (s + load);
        return k * k;
    }
}
