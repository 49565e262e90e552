package org.aimc.sim.device;

import java.util.List;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * NOR flash (floating gate or charge trap) read in subthreshold, as in the analog flash arrays of [20, 22]
 * (physics.md §3.1, §3.4): the stored charge sets the threshold V_t, and the cell current at a fixed gate
 * bias is I = I_t exp((V_GS - V_t) / (n V_T)) (1 - exp(-V_DS / V_T)), V_T = kT/q, I_t the current at
 * V_GS = V_t. A target conductance g = I / V_r (drain read voltage V_r) fixes the state's
 * L = ln(g / g_t) = (V_GS - V_t) / (n V_T), g_t = I_t / V_r < 0 in subthreshold.
 *
 * <ul>
 * <li>Programming error: tuning precision, a relative sigma (~1 % in [20]).
 * <li>Charge loss: V_t of a programmed cell falls by s log10(1 + t AF / t_c) (AF the Arrhenius acceleration
 * exp(Ea/k (1/T_ref - 1/T))), with a device-to-device spread c, so the current grows by the lognormal factor
 * exp(a (1 + c Z)), a = s log10(1 + t AF / t_c) / (n V_T).
 * <li>Read noise: shot noise of the subthreshold current, sigma_I^2 = 2 q I Δf, i.e. sigma_g^2 = 2 q Δf g / V_r.
 * <li>Temperature, exponential (physics.md §3.4: "model V_T = kT/q and V_t(T)"): at T the state's
 * L(T) = (L n V_T(T_ref) - (dVt/dT)(T - T_ref)) / (n V_T(T)) and I_t ∝ mu V_T^2 ∝ T^(m + 2), so a cell written
 * at T_ref reads g (T / T_ref)^(m + 2) exp(L(T) - L) at T: deep subthreshold states change most. The change
 * counts as drift (scaled by the temperature knob, not the drift knob).
 * <li>I-V nonlinearity for amplitude inputs on the drain: the subthreshold factor 1 - exp(-V_DS / V_T).
 * <li>Stuck-at faults use the preset's rates.
 * </ul>
 */
public final class FlashDevice implements DeviceKind {
    @Override
    public String id() {
        return "flash";
    }

    @Override
    public String description() {
        return "NOR flash (floating gate / charge trap) in subthreshold: exponential temperature sensitivity, charge loss";
    }

    @Override
    public List<ParamDef> parameters() {
        return DeviceParams.with(
                ParamDef.required("slope_factor", 1, 5, "subthreshold slope factor n"),
                ParamDef.required("g_threshold_s", 1e-12, 1, "conductance I_t / V_r at V_GS = V_t (top of subthreshold), S"),
                ParamDef.required("prog_sigma_rel", 0, 1, "relative tuning sigma of a programmed cell"),
                ParamDef.required("read_bandwidth_hz", 1, 1e12, "noise bandwidth of one read, Hz"),
                ParamDef.required("charge_loss_v_per_decade", 0, 1, "mean V_t loss per decade of time, V"),
                ParamDef.required("charge_loss_spread_rel", 0, 10, "relative device-to-device spread of the charge loss"),
                ParamDef.required("charge_loss_t0_s", 1e-9, 1e9, "time constant of the logarithmic charge loss, s"),
                ParamDef.required("charge_loss_activation_ev", 0, 5, "Arrhenius activation energy of the charge loss, eV"),
                ParamDef.required("vt_tempco_v_per_k", -0.1, 0.1, "threshold-voltage temperature coefficient dVt/dT, V/K"),
                ParamDef.required("mobility_temp_exp", -5, 5, "exponent m of the carrier mobility mu ∝ T^m"),
                ParamDef.required("t_ref_k", 1, 1000, "temperature at which the cells are programmed and the preset given, K"));
    }

    @Override
    public DeviceModel create(ParamValues v) {
        DeviceParams p = new DeviceParams(v);
        if (!(p.gMinS > 0) || !(p.gMaxS < v.get("g_threshold_s"))) {
            throw new IllegalArgumentException("flash: subthreshold states need 0 < g_min_s and g_max_s < g_threshold_s, got "
                    + p.gMinS + ", " + p.gMaxS + ", " + v.get("g_threshold_s"));
        }
        return new Model(p, v, v.get("t_ref_k"));
    }

    static final class Model implements DeviceModel {
        private final DeviceParams p;
        private final ParamValues v;
        private final double n;
        private final double gT;
        private final double progRel;
        private final double bandwidth;
        private final double lossPerDecade;
        private final double lossSpread;
        private final double lossT0;
        private final double tRef;
        private final double tempco;
        private final double currentExp;
        /** Temperature of this model, K, its thermal voltage and the charge-loss time acceleration. */
        private final double temperatureK;
        private final double thermalV;
        private final double acceleration;

        Model(DeviceParams p, ParamValues v, double temperatureK) {
            this.p = p;
            this.v = v;
            this.n = v.get("slope_factor");
            this.gT = v.get("g_threshold_s");
            this.progRel = v.get("prog_sigma_rel");
            this.bandwidth = v.get("read_bandwidth_hz");
            this.lossPerDecade = v.get("charge_loss_v_per_decade");
            this.lossSpread = v.get("charge_loss_spread_rel");
            this.lossT0 = v.get("charge_loss_t0_s");
            this.tRef = v.get("t_ref_k");
            this.tempco = v.get("vt_tempco_v_per_k");
            this.currentExp = v.get("mobility_temp_exp") + 2;
            this.temperatureK = temperatureK;
            this.thermalV = IvCurves.thermalVoltage(temperatureK);
            this.acceleration = Constants.arrhenius(v.get("charge_loss_activation_ev"), tRef, temperatureK);
        }

        @Override
        public String kind() {
            return "flash";
        }

        @Override
        public DeviceParams params() {
            return p;
        }

        @Override
        public DeviceModel atTemperature(double t, double knob) {
            return new Model(p, v, tRef + knob * (t - tRef));
        }

        /** g(T) / g(T_ref) of a state programmed to g at T_ref (class Javadoc). */
        double temperatureRatio(double g) {
            if (temperatureK == tRef) {
                return 1;
            }
            double nvtRef = n * IvCurves.thermalVoltage(tRef);
            double l = Math.log(g / gT);
            double lT = (l * nvtRef - tempco * (temperatureK - tRef)) / (n * thermalV);
            return Math.pow(temperatureK / tRef, currentExp) * Math.exp(lT - l);
        }

        /** Mean log-current gain a of the charge loss at time t, knob 1. */
        double chargeLoss(double t) {
            return lossPerDecade * Math.log10(1 + t * acceleration / lossT0) / (n * thermalV);
        }

        @Override
        public double programmingSigma(double g) {
            return progRel * g;
        }

        @Override
        public double ivFactor(double g, double vDrain) {
            return IvCurves.subthresholdDrain(vDrain, p.readVoltageV, thermalV);
        }

        /** g(t) = g_p r(g) F, F = exp(a (1 + c Z)) lognormal: E[F] = e^(a + a^2 c^2 / 2), E[F^2] = e^(2a + 2 a^2 c^2). */
        @Override
        public void moments(double g, double t, double prog, double read, double drift, DeviceMoments out) {
            double[] m = new double[2];
            out.clampedProgramming(g, prog * progRel * g, m);
            double r = temperatureRatio(g);
            double a = drift * chargeLoss(t);
            double ac = a * lossSpread;
            double f1 = Math.exp(a + ac * ac / 2);
            double f2 = Math.exp(2 * a + 2 * ac * ac);
            double mean = m[0] * r * f1;
            out.driftMean = mean - m[0];
            out.driftVar = (m[1] * r * r * f2 - mean * mean) - out.programmingVar;
            out.readVar = read * read * shotVarPerS() * mean;
        }

        /** Shot-noise conductance variance per siemens: 2 q Δf / V_r. */
        private double shotVarPerS() {
            return 2 * Constants.Q * bandwidth / p.readVoltageV;
        }

        @Override
        public double samplePrograms(double g, double knob, NormalizedGaussianSampler z) {
            return Math.max(0, g * (1 + knob * progRel * z.sample()));
        }

        @Override
        public double sampleDrift(double g, double gProgrammed, double t, double s, NormalizedGaussianSampler z) {
            double r = temperatureRatio(g);
            double a = s * chargeLoss(t);
            if (a == 0) {
                return gProgrammed * r;
            }
            return gProgrammed * r * Math.exp(a * (1 + lossSpread * z.sample()));
        }

        @Override
        public double sampleRead(double g, double gNow, double t, double knob, NormalizedGaussianSampler z) {
            return gNow + knob * Math.sqrt(shotVarPerS() * Math.max(gNow, 0)) * z.sample();
        }
    }
}
