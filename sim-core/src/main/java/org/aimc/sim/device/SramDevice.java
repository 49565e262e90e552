package org.aimc.sim.device;

import java.util.List;
import org.aimc.sim.numerics.ClampedNormal;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * An SRAM bit cell used as a binary weight: the stored bit is exact, and the analog error is in the read
 * path. The read transistor's threshold mismatch (Pelgrom: sigma(Vt) = A_VT / sqrt(W L)) makes the on
 * current vary from cell to cell, statically per die: sigma(I)/I = 2 sigma(Vt) / V_ov for a square-law
 * device at overdrive V_ov (physics.md §3.4 and §5.6). That static spread is this device's programming
 * error (the same knob). SRAM has no drift and no device read noise beyond transistor thermal noise, which
 * this model does not include.
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
                ParamDef.required("overdrive_v", 0.01, 5, "gate overdrive V_GS - V_t of the read transistor, V"));
    }

    @Override
    public DeviceModel create(ParamValues v) {
        double sigmaVt = v.get("a_vt_mv_um") * 1e-3 / Math.sqrt(v.get("read_tx_area_um2"));
        return new Model(new DeviceParams(v), 2 * sigmaVt / v.get("overdrive_v"));
    }

    static final class Model implements DeviceModel {
        private final DeviceParams p;
        private final double mismatchRel;

        Model(DeviceParams p, double mismatchRel) {
            this.p = p;
            this.mismatchRel = mismatchRel;
        }

        @Override
        public String kind() {
            return "sram";
        }

        @Override
        public DeviceParams params() {
            return p;
        }

        /** Relative static spread of the read current. */
        public double mismatchRel() {
            return mismatchRel;
        }

        @Override
        public double programmingSigma(double g) {
            return mismatchRel * g;
        }

        /** Static mismatch g_p = max(0, g (1 + sigma Z)); no drift, no device read noise. */
        @Override
        public void moments(double g, double t, double prog, double read, double drift, DeviceMoments out) {
            double[] m = new double[2];
            ClampedNormal.moments(g, prog * mismatchRel * g, m);
            out.clear();
            out.programmingMean = m[0] - g;
            out.programmingVar = Math.max(m[1] - m[0] * m[0], 0);
        }

        @Override
        public double samplePrograms(double g, double knob, NormalizedGaussianSampler z) {
            return Math.max(0, g * (1 + knob * mismatchRel * z.sample()));
        }

        @Override
        public double sampleDrift(double g, double gProgrammed, double t, double s, NormalizedGaussianSampler z) {
            return gProgrammed;
        }

        @Override
        public double sampleRead(double g, double gNow, double t, double knob, NormalizedGaussianSampler z) {
            return gNow;
        }
    }
}
