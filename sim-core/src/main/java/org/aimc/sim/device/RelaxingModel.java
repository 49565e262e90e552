package org.aimc.sim.device;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Behaviour shared by devices whose programmed state relaxes toward a rest conductance (FeFET
 * depolarisation, ECRAM open-circuit relaxation): programming g_p = max(0, g + sigma(g) Z), relaxation
 * g(t) = g_rest + (g_p - g_rest) D with the retained fraction D of {@link Relaxation}, and multiplicative
 * read noise g_r = g(t) (1 + sigma_r Z). A subclass supplies sigma(g) and the mean lost fraction a(t).
 */
abstract class RelaxingModel implements DeviceModel {
    final DeviceParams p;
    final double rest;
    final double spread;
    final double readRel;

    /**
     * @param restFraction position of the rest state in the window, (g_rest - g_min) / (g_max - g_min)
     * @param spread       relative device-to-device spread of the lost fraction
     * @param readRel      relative read-noise sigma
     */
    RelaxingModel(DeviceParams p, double restFraction, double spread, double readRel) {
        this.p = p;
        this.rest = p.gMinS + restFraction * (p.gMaxS - p.gMinS);
        this.spread = spread;
        this.readRel = readRel;
    }

    /** Mean fraction of the distance to the rest state lost by time t, at knob 1. */
    abstract double lostFraction(double t);

    @Override
    public DeviceParams params() {
        return p;
    }

    @Override
    public void moments(double g, double t, double prog, double read, double drift, DeviceMoments out) {
        double[] m = new double[2];
        out.clampedProgramming(g, prog * programmingSigma(g), m);
        double[] r = new double[2];
        Relaxation.moments(m[0], m[1], rest, drift * lostFraction(t), spread, r);
        out.driftMean = r[0] - m[0];
        out.driftVar = (r[1] - r[0] * r[0]) - out.programmingVar;
        double sr = read * readRel;
        out.readVar = sr * sr * r[1];
    }

    @Override
    public double samplePrograms(double g, double knob, NormalizedGaussianSampler z) {
        return Math.max(0, g + knob * programmingSigma(g) * z.sample());
    }

    @Override
    public double sampleDrift(double g, double gProgrammed, double t, double s, NormalizedGaussianSampler z) {
        return Relaxation.sample(gProgrammed, rest, s * lostFraction(t), spread, z);
    }

    @Override
    public double sampleRead(double g, double gNow, double t, double knob, NormalizedGaussianSampler z) {
        return gNow * (1 + knob * readRel * z.sample());
    }
}
