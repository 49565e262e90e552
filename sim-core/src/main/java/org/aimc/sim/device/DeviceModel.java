package org.aimc.sim.device;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The behaviour of one memory device technology with fixed parameters: what a cell stores and how it
 * misbehaves (design.md §3, physics.md §3-4). Conductances are in siemens, times in seconds since
 * programming. Each error comes in two forms: closed-form moments for the analytic tier and a sampler for
 * the behavioural tier; both describe the same distribution (tested).
 *
 * <p>Effects are applied in the order of physics.md §4: target, programming error (static, per chip
 * instance), drift / relaxation (static per device, grows with time), read noise (fresh per read).
 * Knob arguments scale an effect: 0 turns it off exactly.
 */
public interface DeviceModel {
    String kind();

    DeviceParams params();

    /**
     * Standard deviation of the static conductance error of a device programmed to {@code g} (programming
     * error; for SRAM the read-path mismatch), knob 1, in S.
     */
    double programmingSigma(double g);

    /**
     * Standard deviation of read noise per evaluation of a device at target {@code g}, time {@code t},
     * read-noise knob 1, when drift runs at knob {@code driftScale} (read noise of some devices scales with
     * the drifted conductance), in S.
     */
    double readSigma(double g, double t, double driftScale);

    /**
     * Moments of the drift / relaxation of a device programmed to {@code g}, at time {@code t} and drift
     * knob {@code scale}: {@code out[0]} = E[g(t)] - g (S), {@code out[1]} = Var[g(t)] excluding the
     * programming error (S^2). Writes {@code out[0..1]}.
     */
    void driftMoments(double g, double t, double scale, double[] out);

    /** Samples the programmed conductance of a device with target {@code g}. */
    double samplePrograms(double g, double knob, NormalizedGaussianSampler z);

    /**
     * Samples the conductance at time {@code t} of a device programmed to {@code gProgrammed} (target
     * {@code g}); the per-device drift draw uses {@code z}.
     */
    double sampleDrift(double g, double gProgrammed, double t, double scale, NormalizedGaussianSampler z);

    /** Samples one read of a device currently at {@code gNow} (target {@code g}). */
    double sampleRead(double g, double gNow, double t, double knob, NormalizedGaussianSampler z);
}
