package org.aimc.sim.device;

import java.util.List;
import org.aimc.sim.numerics.ClampedNormal;
import org.aimc.sim.numerics.Gaussians;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Phase-change memory with the statistical model of IBM aihwkit's {@code PCMLikeNoiseModel}
 * ({@code src/aihwkit/inference/noise/pcm.py}; fit to measured PCM devices, Nandakumar et al., ICECS 2019),
 * as restated in physics.md §3.2. Coefficients are in µS at the reference g_max of 25 µS and scale with the
 * preset's g_max.
 *
 * <p>I-V nonlinearity: the amorphous phase conducts by trap-limited (Poole-Frenkel-type) transport,
 * I ∝ sinh(V / V_0) with V_0 = 2 kT u_a / (q Δz) (Ielmini and Zhang, J. Appl. Phys. 102, 054517, 2007), while
 * the crystalline phase is ohmic. The model weights the sinh shape by the amorphous share 1 - g/g_max (our
 * interpolation; aihwkit has no I-V model). Stuck-at faults use the preset's rates.
 *
 * <p>Not modelled: temperature (aihwkit's statistics are room-temperature fits; no temperature dependence of
 * the conductance, drift exponent or read noise is applied, so the temperature knob has no effect).
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
                ParamDef.required("t_read_s", 1e-12, 1, "duration of one read (sets the 1/f noise low cut-off), s"),
                ParamDef.required("iv_v0_v", 1e-3, 100, "characteristic voltage V_0 of the amorphous sinh I-V, V"));
    }

    @Override
    public DeviceModel create(ParamValues v) {
        return new Model(new DeviceParams(v), v.get("t0_s"), v.get("t_read_s"), v.get("iv_v0_v"));
    }

    static final class Model implements DeviceModel {
        private final DeviceParams p;
        private final double t0;
        private final double tRead;
        private final double scale;
        private final double v0;

        Model(DeviceParams p, double t0, double tRead, double v0) {
            this.p = p;
            this.t0 = t0;
            this.tRead = tRead;
            this.scale = p.gMaxS / G_REF_S;
            this.v0 = v0;
        }

        /** sinh shape weighted by the amorphous share 1 - g/g_max (class Javadoc). */
        @Override
        public double ivFactor(double g, double v) {
            double amorphous = 1 - Math.min(Math.max(x(g), 0), 1);
            return 1 + amorphous * (IvCurves.sinh(v, p.readVoltageV, v0) - 1);
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

        /** E[F] and E[F^2] of the drift factor F = ((t + t0) / t0)^-nu of a device with target x. */
        void driftFactorMoments(double x, double t, double scale, double[] out) {
            double a = scale * driftLog(t);
            if (a == 0) {
                out[0] = 1;
                out[1] = 1;
                return;
            }
            double mu = muNu(x);
            double sd = sigmaNu(x);
            out[0] = Gaussians.foldedNormalLaplace(a, mu, sd);
            out[1] = Gaussians.foldedNormalLaplace(2 * a, mu, sd);
        }

        /**
         * Programming: g_p = max(0, g + sigma_prog Z), moments of a normal clipped at zero. Drift:
         * g_t = g_p F with the per-device F independent of g_p. Read: g_r = max(0, g_t (1 + sigma_rel Z)),
         * whose variance around g_t is E[g_t^2] E[(max(0, 1 + sigma_rel Z) - 1)^2].
         */
        @Override
        public void moments(double g, double t, double prog, double read, double drift, DeviceMoments out) {
            double[] m = new double[2];
            ClampedNormal.moments(g, prog * programmingSigma(g), m);
            double m1 = m[0];
            double m2 = m[1];
            double x = x(g);
            driftFactorMoments(x, t, drift, m);
            double f1 = m[0];
            double f2 = m[1];
            out.programmingMean = m1 - g;
            out.programmingVar = Math.max(m2 - m1 * m1, 0);
            out.driftMean = m1 * f1 - m1;
            out.driftVar = (m2 * f2 - m1 * m1 * f1 * f1) - out.programmingVar;
            double sr = read * readRel(x, t);
            if (sr == 0) {
                out.readVar = 0;
            } else {
                ClampedNormal.moments(1, sr, m);
                out.readVar = m2 * f2 * Math.max(m[1] - 2 * m[0] + 1, 0);
            }
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
