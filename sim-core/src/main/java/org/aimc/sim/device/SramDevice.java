package org.aimc.sim.device;

import java.util.List;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * An SRAM bit cell used as a binary weight: the stored bit is exact, and the analog error is in the read
 * path. The read transistor's threshold mismatch (Pelgrom: sigma(Vt) = A_VT / sqrt(W L)) makes the on
 * current vary from cell to cell, statically per die: sigma(I)/I = 2 sigma(Vt) / V_ov for a square-law
 * device at overdrive V_ov (physics.md §3.4 and §5.6). That static spread is this device's programming
 * error (the same knob). SRAM has no drift and no device read noise beyond transistor thermal noise, which
 * this model does not include; stuck-at faults use the preset's rates.
 *
 * <p>Temperature: the on current of the square-law read transistor, I ∝ mu(T) (V_ov + |dVt/dT| (T - T_ref))^2
 * with mu ∝ T^m (phonon-limited mobility), and the mismatch sigma 2 sigma(Vt) / V_ov(T) follow the operating
 * temperature; the change of the read current after the weights are written counts as drift (the drift knob
 * does not scale it; the temperature knob does). The off state (leakage at g_min) is not temperature
 * dependent in this model. Not modelled: I-V nonlinearity (the read port is a switch driven by binary
 * word-line pulses; {@link #ivFactor} is 1).
 */
public final class SramDevice implements DeviceKind {
    @Override
    public String id() {
        return "sram";
    }

    @Override
    public String description() {
        return "SRAM bit cell (8T-style read port), binary, read-path Vt mismatch";
    }

    @Override
    public List<ParamDef> parameters() {
        return DeviceParams.with(
                ParamDef.required("a_vt_mv_um", 0, 100, "Pelgrom threshold-mismatch coefficient A_VT, mV·µm"),
                ParamDef.required("read_tx_area_um2", 1e-6, 100, "gate area W·L of the read transistor, µm^2"),
                ParamDef.required("overdrive_v", 0.01, 5, "gate overdrive V_GS - V_t of the read transistor, V"),
                ParamDef.required("t_ref_k", 1, 1000, "temperature at which the preset's currents are given, K"),
                ParamDef.required("mobility_temp_exp", -5, 5, "exponent m of the carrier mobility mu ∝ T^m"),
                ParamDef.required("vt_tempco_v_per_k", -0.1, 0.1, "threshold-voltage temperature coefficient dVt/dT, V/K"));
    }

    @Override
    public DeviceModel create(ParamValues v) {
        double sigmaVt = v.get("a_vt_mv_um") * 1e-3 / Math.sqrt(v.get("read_tx_area_um2"));
        return new Model(new DeviceParams(v), sigmaVt, v.get("overdrive_v"), v.get("t_ref_k"),
                v.get("mobility_temp_exp"), v.get("vt_tempco_v_per_k"), v.get("t_ref_k"));
    }

    static final class Model implements DeviceModel {
        private final DeviceParams p;
        private final double sigmaVt;
        private final double overdrive;
        private final double tRef;
        private final double mobilityExp;
        private final double vtTempco;
        private final double mismatchRel;
        /** On-current ratio I(T) / I(T_ref). */
        private final double gain;

        Model(DeviceParams p, double sigmaVt, double overdrive, double tRef, double mobilityExp, double vtTempco,
                double temperatureK) {
            this.p = p;
            this.sigmaVt = sigmaVt;
            this.overdrive = overdrive;
            this.tRef = tRef;
            this.mobilityExp = mobilityExp;
            this.vtTempco = vtTempco;
            double ov = overdrive - vtTempco * (temperatureK - tRef);
            if (!(ov > 0)) {
                throw new IllegalArgumentException("sram: read transistor leaves strong inversion at " + temperatureK
                        + " K (overdrive " + ov + " V)");
            }
            this.mismatchRel = 2 * sigmaVt / ov;
            this.gain = Math.pow(temperatureK / tRef, mobilityExp) * (ov / overdrive) * (ov / overdrive);
        }

        @Override
        public String kind() {
            return "sram";
        }

        @Override
        public DeviceParams params() {
            return p;
        }

        @Override
        public DeviceModel atTemperature(double temperatureK, double knob) {
            return new Model(p, sigmaVt, overdrive, tRef, mobilityExp, vtTempco, tRef + knob * (temperatureK - tRef));
        }

        /** Relative static spread of the read current. */
        public double mismatchRel() {
            return mismatchRel;
        }

        /** On-current ratio I(T) / I(T_ref) of this model's temperature. */
        double gain() {
            return gain;
        }

        @Override
        public double programmingSigma(double g) {
            return mismatchRel * g;
        }

        /**
         * Static mismatch g_p = max(0, g (1 + sigma Z)); the temperature change of the read current
         * g_min + gain (g_p - g_min) counts as drift; no device read noise.
         */
        @Override
        public void moments(double g, double t, double prog, double read, double drift, DeviceMoments out) {
            double[] m = new double[2];
            out.clampedProgramming(g, prog * mismatchRel * g, m);
            out.driftMean = (gain - 1) * (m[0] - p.gMinS);
            out.driftVar = (gain * gain - 1) * out.programmingVar;
        }

        @Override
        public double samplePrograms(double g, double knob, NormalizedGaussianSampler z) {
            return Math.max(0, g * (1 + knob * mismatchRel * z.sample()));
        }

        @Override
        public double sampleDrift(double g, double gProgrammed, double t, double s, NormalizedGaussianSampler z) {
            return gain == 1 ? gProgrammed : p.gMinS + gain * (gProgrammed - p.gMinS);
        }

        @Override
        public double sampleRead(double g, double gNow, double t, double knob, NormalizedGaussianSampler z) {
            return gNow;
        }
    }
}
