package org.aimc.sim.device;

import java.util.List;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Magnetoresistive RAM (STT or SOT, 1T1MTJ): a binary cell whose magnetic tunnel junction reads as g_max = 1/R_P
 * in the parallel state and g_min = 1/R_AP = g_max / (1 + TMR) in the antiparallel state; the preset's window
 * fixes TMR = g_max/g_min - 1 (physics.md §3.1, §3.4). Low resistance and a small on/off ratio are what make
 * MRAM hard for current summation (physics.md §2.1, [16]).
 *
 * <ul>
 * <li>Programming error: the state is written exactly (write errors are counted as stuck-at faults); the
 * static error is the device-to-device spread of the junction resistance, g_p = max(0, g (1 + sigma_d2d Z)).
 * <li>Read noise: Johnson noise of the junction over the read bandwidth, sigma_g^2 = 4 k T Δf g / V_r^2
 * ("thermal (low R)", physics.md §3.1), growing with temperature.
 * <li>Drift: none.
 * <li>I-V nonlinearity: bias-dependent TMR roll-off TMR(V) = TMR_0 / (1 + (V / V_h)^2) (physics.md §3.4) with
 * R_P bias independent, so the antiparallel conductance rises with the read voltage; intermediate
 * conductances (which a binary cell never holds) interpolate linearly between the two states.
 * <li>Temperature: TMR falls linearly with temperature, TMR(T) = TMR(T_ref) (1 - beta (T - T_ref)), carried by
 * R_AP while R_P stays nearly put (Q. L. Ma et al., "Temperature dependence of resistance in epitaxial
 * Fe/MgO/Fe magnetic tunnel junctions": R_AP falls substantially with T, R_P roughly constant for thick
 * barriers); the antiparallel cells' change after writing counts as drift (scaled by the temperature knob,
 * not the drift knob). The rate beta is the preset's.
 * </ul>
 */
public final class MramDevice implements DeviceKind {
    @Override
    public String id() {
        return "mram";
    }

    @Override
    public String description() {
        return "magnetoresistive RAM (STT / SOT MTJ), binary, low resistance, TMR roll-off with bias and temperature";
    }

    @Override
    public List<ParamDef> parameters() {
        return DeviceParams.with(
                ParamDef.required("d2d_sigma_rel", 0, 1, "device-to-device relative spread of the MTJ resistance"),
                ParamDef.required("read_bandwidth_hz", 1, 1e12, "noise bandwidth of one read, Hz"),
                ParamDef.required("tmr_v_half_v", 1e-3, 10, "bias at which the TMR has fallen to half its zero-bias value, V"),
                ParamDef.required("tmr_temp_coeff_per_k", 0, 0.1, "relative fall of the TMR per kelvin above T_ref"),
                ParamDef.required("t_ref_k", 1, 1000, "temperature at which the preset's resistances are given, K"));
    }

    @Override
    public DeviceModel create(ParamValues v) {
        DeviceParams p = new DeviceParams(v);
        if (p.bitsPerCellMax != 1) {
            throw new IllegalArgumentException("mram: bits_per_cell_max must be 1 (a binary MTJ), got " + p.bitsPerCellMax);
        }
        if (!(p.gMinS > 0)) {
            throw new IllegalArgumentException("mram: g_min_s is 1/R_AP and must be positive");
        }
        return new Model(p, v.get("d2d_sigma_rel"), v.get("read_bandwidth_hz"), v.get("tmr_v_half_v"),
                v.get("tmr_temp_coeff_per_k"), v.get("t_ref_k"), v.get("t_ref_k"));
    }

    static final class Model implements DeviceModel {
        private final DeviceParams p;
        private final double d2d;
        private final double bandwidth;
        private final double vHalf;
        private final double tmrTempco;
        private final double tRef;
        private final double temperatureK;
        /** Zero-bias TMR at T_ref. */
        private final double tmr0;
        /** g_AP(T) / g_AP(T_ref). */
        private final double apRatio;

        Model(DeviceParams p, double d2d, double bandwidth, double vHalf, double tmrTempco, double tRef,
                double temperatureK) {
            this.p = p;
            this.d2d = d2d;
            this.bandwidth = bandwidth;
            this.vHalf = vHalf;
            this.tmrTempco = tmrTempco;
            this.tRef = tRef;
            this.temperatureK = temperatureK;
            this.tmr0 = p.gMaxS / p.gMinS - 1;
            double tmrT = tmr0 * Math.max(0, 1 - tmrTempco * (temperatureK - tRef));
            this.apRatio = (1 + tmr0) / (1 + tmrT);
        }

        @Override
        public String kind() {
            return "mram";
        }

        @Override
        public DeviceParams params() {
            return p;
        }

        @Override
        public DeviceModel atTemperature(double t, double knob) {
            return new Model(p, d2d, bandwidth, vHalf, tmrTempco, tRef, tRef + knob * (t - tRef));
        }

        /** TMR at this model's temperature and zero bias. */
        double tmr() {
            return (1 + tmr0) / apRatio - 1;
        }

        /** Share of the antiparallel state in a conductance (1 at g_min, 0 at g_max). */
        private double apShare(double g) {
            return 1 - Math.min(Math.max((g - p.gMinS) / (p.gMaxS - p.gMinS), 0), 1);
        }

        /** Bias roll-off: g_AP(v) / g_AP(v_r) = (1 + TMR(v_r)) / (1 + TMR(v)), weighted by the AP share. */
        @Override
        public double ivFactor(double g, double v) {
            double vr = p.readVoltageV;
            double ap = (1 + tmr0 / (1 + (vr / vHalf) * (vr / vHalf))) / (1 + tmr0 / (1 + (v / vHalf) * (v / vHalf)));
            return 1 + apShare(g) * (ap - 1);
        }

        /** Conductance ratio at this temperature for a device with target g. */
        private double tempRatio(double g) {
            return 1 + apShare(g) * (apRatio - 1);
        }

        @Override
        public double programmingSigma(double g) {
            return d2d * g;
        }

        @Override
        public void moments(double g, double t, double prog, double read, double drift, DeviceMoments out) {
            double[] m = new double[2];
            out.clampedProgramming(g, prog * d2d * g, m);
            double r = tempRatio(g);
            out.driftMean = (r - 1) * m[0];
            out.driftVar = (r * r - 1) * out.programmingVar;
            out.readVar = read * read * thermalVarPerS() * r * m[0];
        }

        /** Johnson-noise conductance variance per siemens of conductance: 4 k T Δf / V_r^2. */
        private double thermalVarPerS() {
            return 4 * Constants.K_B * temperatureK * bandwidth / (p.readVoltageV * p.readVoltageV);
        }

        @Override
        public double samplePrograms(double g, double knob, NormalizedGaussianSampler z) {
            return Math.max(0, g * (1 + knob * d2d * z.sample()));
        }

        @Override
        public double sampleDrift(double g, double gProgrammed, double t, double s, NormalizedGaussianSampler z) {
            return gProgrammed * tempRatio(g);
        }

        @Override
        public double sampleRead(double g, double gNow, double t, double knob, NormalizedGaussianSampler z) {
            return gNow + knob * Math.sqrt(thermalVarPerS() * Math.max(gNow, 0)) * z.sample();
        }
    }
}
