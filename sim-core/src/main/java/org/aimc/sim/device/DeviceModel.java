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
     * error; for SRAM the read-path mismatch), knob 1, in S, before any clipping to physical values.
     */
    double programmingSigma(double g);

    /**
     * Closed-form moments of every device effect for a device with target {@code g} at time {@code t},
     * with the knobs given (0 turns an effect off exactly). They describe the same distribution as the
     * samplers below, including clipping at zero conductance and the interplay of the effects. Overwrites
     * {@code out}.
     */
    void moments(double g, double t, double progKnob, double readKnob, double driftKnob, DeviceMoments out);

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
