package org.aimc.sim.device;

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

    public DeviceMoments clear() {
        programmingMean = 0;
        programmingVar = 0;
        driftMean = 0;
        driftVar = 0;
        readVar = 0;
        return this;
    }
}
