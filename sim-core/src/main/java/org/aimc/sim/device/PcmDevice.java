package org.aimc.sim.device;

import java.util.List;
import org.aimc.sim.numerics.Gaussians;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Phase-change memory with the statistical model of IBM aihwkit's {@code PCMLikeNoiseModel}
 * ({@code src/aihwkit/inference/noise/pcm.py}; fit to measured PCM devices, Nandakumar et al., ICECS 2019),
 * as restated in physics.md §3.2. Coefficients are in µS at the reference g_max of 25 µS and scale with the
 * preset's g_max.
 */
public final class PcmDevice implements DeviceKind {
    /** aihwkit PCMLikeNoiseModel: programming-noise polynomial in x = g/g_max, µS at g_max = 25 µS. */
    static final double[] PROG_COEFF_US = {0.26348, 1.9650, -1.1731};
    static final double G_REF_S = 25e-6;

    @Override
    public String id() {
        return "pcm";
    }

    @Override
    public String description() {
        return "phase-change memory (GST-type, 1T1R), aihwkit PCMLikeNoiseModel statistics";
    }

    @Override
    public List<ParamDef> parameters() {
        return DeviceParams.with(
                ParamDef.required("t0_s", 1e-9, 1e6, "time after programming at which drift starts, s"),
                ParamDef.required("t_read_s", 1e-12, 1, "duration of one read (sets the 1/f noise low cut-off), s"));
    }

    @Override
    public DeviceModel create(ParamValues v) {
        return new Model(new DeviceParams(v), v.get("t0_s"), v.get("t_read_s"));
    }

    static final class Model implements DeviceModel {
        private final DeviceParams p;
        private final double t0;
        private final double tRead;
        private final double scale;

        Model(DeviceParams p, double t0, double tRead) {
            this.p = p;
            this.t0 = t0;
            this.tRead = tRead;
            this.scale = p.gMaxS / G_REF_S;
        }

        @Override
        public String kind() {
            return "pcm";
        }

        @Override
        public DeviceParams params() {
            return p;
        }

        private double x(double g) {
            return g / p.gMaxS;
        }

        @Override
        public double programmingSigma(double g) {
            double x = x(g);
            double us = PROG_COEFF_US[0] + x * (PROG_COEFF_US[1] + x * PROG_COEFF_US[2]);
            return Math.max(us, 0) * 1e-6 * scale;
        }

        /** aihwkit: mu_nu(x) = clamp(-0.0155 ln x + 0.0244, 0.049, 0.10), x clamped at 1e-7. */
        static double muNu(double x) {
            double xc = Math.max(x, 1e-7);
            return Math.min(Math.max(-0.0155 * Math.log(xc) + 0.0244, 0.049), 0.10);
        }

        /** aihwkit: sigma_nu(x) = clamp(-0.0125 ln x - 0.0059, 0.008, 0.045). */
        static double sigmaNu(double x) {
            double xc = Math.max(x, 1e-7);
            return Math.min(Math.max(-0.0125 * Math.log(xc) - 0.0059, 0.008), 0.045);
        }

        /** ln(t/t0) of the drift power law, with t measured from t0 as aihwkit does (t = t_inf + t0). */
        private double driftLog(double t) {
            return Math.log((t + t0) / t0);
        }

        /** aihwkit: Q_s(x) = min(0.0088 / max(x^0.65, 1e-3), 0.2). */
        static double qs(double x) {
            return Math.min(0.0088 / Math.max(Math.pow(Math.max(x, 0), 0.65), 1e-3), 0.2);
        }

        /**
         * Relative 1/f read-noise sigma: Q_s sqrt(ln((t + t_read) / (2 t_read))), t = t_inf + t0. Q_s is taken
         * at the target state; aihwkit takes it at the programmed state, a difference of second order in
         * sigma_prog / g except near g = 0.
         */
        double readRel(double x, double t) {
            double tt = t + t0;
            return qs(x) * Math.sqrt(Math.log((tt + tRead) / (2 * tRead)));
        }

        @Override
        public double readSigma(double g, double t, double driftScale) {
            double[] m = new double[2];
            driftMoments(g, t, driftScale, m);
            return Math.abs(g + m[0]) * readRel(x(g), t);
        }

        @Override
        public void driftMoments(double g, double t, double s, double[] out) {
            double a = s * driftLog(t);
            if (a == 0 || g == 0) {
                out[0] = 0;
                out[1] = 0;
                return;
            }
            double x = x(g);
            double mu = muNu(x);
            double sd = sigmaNu(x);
            double m1 = Gaussians.foldedNormalLaplace(a, mu, sd);
            double m2 = Gaussians.foldedNormalLaplace(2 * a, mu, sd);
            out[0] = g * (m1 - 1);
            out[1] = g * g * Math.max(m2 - m1 * m1, 0);
        }

        @Override
        public double samplePrograms(double g, double knob, NormalizedGaussianSampler z) {
            return Math.max(0, g + knob * programmingSigma(g) * z.sample());
        }

        @Override
        public double sampleDrift(double g, double gProgrammed, double t, double s, NormalizedGaussianSampler z) {
            double x = x(g);
            double nu = Math.abs(muNu(x) + sigmaNu(x) * z.sample()) * s;
            return gProgrammed * Math.exp(-nu * driftLog(t));
        }

        @Override
        public double sampleRead(double g, double gNow, double t, double knob, NormalizedGaussianSampler z) {
            return Math.max(0, gNow + Math.abs(gNow) * knob * readRel(x(g), t) * z.sample());
        }
    }
}
