package org.aimc.sim.device;

import java.util.List;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Resistive RAM (HfOx 1T1R) with the conductance-spread model aihwkit fits to NeuRRAM (Wan et al.,
 * Nature 608, 2022): {@code ReRamWan2022NoiseModel}, a 4th-order polynomial in x = g/g_max with µS
 * coefficients at a reference g_max of 40 µS, given at 1 s, 1 day and 2 days after programming
 * (physics.md §3.3).
 *
 * <p>Deliberate choices, stated because aihwkit differs: the coefficients are rescaled by g_max / 40 µS
 * (the stored aihwkit version applies them unscaled whatever g_max is, physics.md §3.3 "Surprise");
 * the 1 s spread is the programming error; the growth of the spread beyond 1 s is relaxation (the drift
 * knob), interpolated linearly in ln t between the fits and held at its 2-day value later (no fit exists
 * beyond 2 days). Read noise is additive with sigma = read_noise_rel · g_max (aihwkit's advice of ~1 %
 * short-term read noise, {@code w_noise = 0.01}).
 *
 * <p>I-V nonlinearity: I = g V_0 sinh(V / V_0) with one V_0 for every state (physics.md §4); stuck-at faults
 * use the preset's rates. Not modelled: temperature (the Wan fits are room-temperature data; the temperature
 * knob has no effect).
 */
public final class RramDevice implements DeviceKind {
    static final double G_REF_S = 40e-6;
    /** ReRamWan2022NoiseModel polynomials (µS, powers of x) at 1 s, 1 day, 2 days. */
    static final double[][] COEFF_US = {
        {0.348, 16.030, -43.853, 45.393, -16.815},
        {0.701, 22.086, -50.773, 47.095, -16.458},
        {0.782, 20.274, -43.507, 37.062, -11.934}};
    static final double[] FIT_TIMES_S = {1, 86400, 172800};

    @Override
    public String id() {
        return "rram";
    }

    @Override
    public String description() {
        return "resistive RAM (HfOx 1T1R), NeuRRAM spread fits of aihwkit ReRamWan2022NoiseModel";
    }

    @Override
    public List<ParamDef> parameters() {
        return DeviceParams.with(
                ParamDef.required("read_noise_rel", 0, 1, "additive read-noise sigma as a fraction of g_max"),
                ParamDef.required("iv_v0_v", 1e-3, 100, "characteristic voltage V_0 of the sinh I-V, V"));
    }

    @Override
    public DeviceModel create(ParamValues v) {
        return new Model(new DeviceParams(v), v.get("read_noise_rel"), v.get("iv_v0_v"));
    }

    static double poly(double[] c, double x) {
        return c[0] + x * (c[1] + x * (c[2] + x * (c[3] + x * c[4])));
    }

    static final class Model implements DeviceModel {
        private final DeviceParams p;
        private final double readRel;
        private final double scale;
        private final double v0;

        Model(DeviceParams p, double readRel, double v0) {
            this.p = p;
            this.readRel = readRel;
            this.scale = p.gMaxS / G_REF_S;
            this.v0 = v0;
        }

        @Override
        public double ivFactor(double g, double v) {
            return IvCurves.sinh(v, p.readVoltageV, v0);
        }

        @Override
        public boolean ivFactorDependsOnConductance() {
            return false;
        }

        @Override
        public String kind() {
            return "rram";
        }

        @Override
        public DeviceParams params() {
            return p;
        }

        /** Spread (S) of the fit at time t since programming, interpolated in ln t. */
        double spread(double g, double t) {
            double x = Math.min(Math.max(g / p.gMaxS, 0), 1);
            if (t <= FIT_TIMES_S[0]) {
                return sigmaAt(0, x);
            }
            for (int k = 1; k < FIT_TIMES_S.length; k++) {
                if (t <= FIT_TIMES_S[k]) {
                    double f = Math.log(t / FIT_TIMES_S[k - 1]) / Math.log(FIT_TIMES_S[k] / FIT_TIMES_S[k - 1]);
                    return (1 - f) * sigmaAt(k - 1, x) + f * sigmaAt(k, x);
                }
            }
            return sigmaAt(FIT_TIMES_S.length - 1, x);
        }

        private double sigmaAt(int k, double x) {
            return Math.max(poly(COEFF_US[k], x), 0) * 1e-6 * scale;
        }

        @Override
        public double programmingSigma(double g) {
            return spread(g, 0);
        }

        /** Additive Gaussian effects: no clipping, no means. */
        @Override
        public void moments(double g, double t, double prog, double read, double drift, DeviceMoments out) {
            double s0 = spread(g, 0);
            out.programmingMean = 0;
            out.programmingVar = prog * prog * s0 * s0;
            out.driftMean = 0;
            out.driftVar = relaxationVar(g, t, drift);
            double sr = read * readRel * p.gMaxS;
            out.readVar = sr * sr;
        }

        /** Growth of the spread beyond its 1 s value, at drift knob {@code s}, S^2. */
        double relaxationVar(double g, double t, double s) {
            double s0 = spread(g, 0);
            double st = spread(g, t);
            return s * s * Math.max(st * st - s0 * s0, 0);
        }

        @Override
        public double samplePrograms(double g, double knob, NormalizedGaussianSampler z) {
            return g + knob * programmingSigma(g) * z.sample();
        }

        @Override
        public double sampleDrift(double g, double gProgrammed, double t, double s, NormalizedGaussianSampler z) {
            return gProgrammed + Math.sqrt(relaxationVar(g, t, s)) * z.sample();
        }

        @Override
        public double sampleRead(double g, double gNow, double t, double knob, NormalizedGaussianSampler z) {
            return gNow + knob * readRel * p.gMaxS * z.sample();
        }
    }
}
