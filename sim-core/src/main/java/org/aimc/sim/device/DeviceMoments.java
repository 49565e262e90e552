package org.aimc.sim.device;

import org.aimc.sim.numerics.ClampedNormal;

/**
 * Closed-form error moments of one device programmed to a target conductance, for the analytic tier, in
 * S and S^2. A caller-owned output of {@link DeviceModel#moments}: programming is the static error present
 * right after programming; drift is what time adds to it (mean shift and extra variance); read is the
 * variance of one read around the device's current value.
 */
public final class DeviceMoments {
    /** E[g_programmed] - g. */
    public double programmingMean;
    /** Var[g_programmed]. */
    public double programmingVar;
    /** E[g(t)] - E[g_programmed]. */
    public double driftMean;
    /** Var[g(t)] - Var[g_programmed]. */
    public double driftVar;
    /** Variance of one read around g(t), averaged over the programmed and drifted state. */
    public double readVar;

    /**
     * Clears this and sets the programming moments of g_p = max(0, g + sigma Z), Z standard normal; writes
     * E[g_p] to {@code m[0]} and E[g_p^2] to {@code m[1]}. Modifies this and {@code m}.
     */
    public DeviceMoments clampedProgramming(double g, double sigma, double[] m) {
        clear();
        ClampedNormal.moments(g, sigma, m);
        programmingMean = m[0] - g;
        programmingVar = Math.max(m[1] - m[0] * m[0], 0);
        return this;
    }

    public DeviceMoments clear() {
        programmingMean = 0;
        programmingVar = 0;
        driftMean = 0;
        driftVar = 0;
        readVar = 0;
        return this;
    }
}
