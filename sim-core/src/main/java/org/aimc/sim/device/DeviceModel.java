package org.aimc.sim.device;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The behaviour of one memory device technology with fixed parameters: what a cell stores and how it
 * misbehaves (design.md §3, physics.md §3-4). Conductances are in siemens, times in seconds since
 * programming. Each error comes in two forms: closed-form moments for the analytic tier and a sampler for
 * the behavioural tier; both describe the same distribution (tested).
 *
 * <p>Effects are applied in the order of physics.md §4: target, programming error (static, per chip
 * instance), stuck-at faults (static, per chip instance: a stuck device sits at g_min or g_max instead of its
 * programmed value and from then on drifts and is read like a device programmed there), drift / relaxation
 * (static per device, grows with time), read noise (fresh per read), I-V nonlinearity (at evaluation, for
 * amplitude-encoded voltages).
 * Temperature enters through {@link #atTemperature}, which returns the device as it behaves at another
 * temperature. Knob arguments scale an effect: 0 turns it off exactly.
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

    /**
     * Ratio of the cell current at voltage {@code v} to the linear g v for a device programmed to target
     * {@code g}, normalised so that it is 1 at the read voltage (the device is programmed and verified there):
     * I(v) = g v ivFactor(g, v). 1 for an ohmic cell. Knob 1; see {@link #current} for other knobs.
     */
    default double ivFactor(double g, double v) {
        return 1;
    }

    /**
     * False when {@link #ivFactor} does not depend on the conductance {@code g} (the same value for every g at
     * a given v), so callers may evaluate it once per voltage. True (the safe answer) by default.
     */
    default boolean ivFactorDependsOnConductance() {
        return true;
    }

    /**
     * Cell current at voltage {@code v} of a device programmed to target {@code g} and now at conductance
     * {@code gNow}, with the nonlinearity scaled by {@code knob}: I = gNow v (1 + knob (ivFactor(g, v) - 1)).
     */
    default double current(double g, double gNow, double v, double knob) {
        if (knob == 0) {
            return gNow * v;
        }
        return gNow * v * (1 + knob * (ivFactor(g, v) - 1));
    }

    /**
     * This device as it behaves at temperature T_ref + knob (temperatureK - T_ref), T_ref being the
     * temperature its preset describes: the programmed targets stay those set at T_ref, and what the
     * temperature changes (conductance, drift rate, noise) shows in the moments and samplers of the returned
     * model. The default returns this model unchanged: the kind does not model temperature (its Javadoc says
     * so).
     */
    default DeviceModel atTemperature(double temperatureK, double knob) {
        return this;
    }

    /**
     * Draws the stuck-at state of one device once per chip instance: -1 stuck at g_min, +1 stuck at g_max, 0
     * healthy, with the preset's rates scaled by {@code knob} ({@link DeviceParams#stuckAtGMin}). Draws one
     * uniform number when a rate is non-zero, none otherwise.
     */
    default int sampleStuck(double knob, UniformRandomProvider r) {
        double p0 = params().stuckAtGMin(knob);
        double p1 = params().stuckAtGMax(knob);
        if (p0 + p1 == 0) {
            return 0;
        }
        double u = r.nextDouble();
        return u < p0 ? -1 : u < p0 + p1 ? 1 : 0;
    }

    /** The conductance of a device in stuck-at state {@code state} (-1: g_min, +1: g_max). */
    default double stuckConductance(int state) {
        return state < 0 ? params().gMinS : params().gMaxS;
    }
}
