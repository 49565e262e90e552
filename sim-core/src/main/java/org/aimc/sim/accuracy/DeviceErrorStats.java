package org.aimc.sim.accuracy;

import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.mapping.WeightMapping;

/**
 * Device-origin error of one mapped weight, averaged over the weight distribution, in integer weight units
 * (one weight LSB = one level step ΔG of the least significant slice). Everything a compute domain needs to
 * turn device statistics into output-error variances: for a column of M rows with independent inputs x,
 * <pre>
 *   Var[y error] = M E[x^2] (progVar + driftVar + E[e^2]) + M (M - 1) E[x]^2 E[e]^2 + (read term)
 * </pre>
 * where e is the systematic (mean) error of a weight after drift and optional global drift compensation.
 *
 * <p>Global drift compensation follows aihwkit's {@code GlobalDriftCompensation}: outputs are rescaled by
 * alpha_0 / alpha(t), the ratio of mean |weight| read right after programming to the one read at time t
 * (physics.md §3.2). The rescale also scales the random terms.
 */
public final class DeviceErrorStats {
    /** Programming (static) error variance per weight, knob applied, compensation applied. */
    public final double progVar;
    /** Read-noise variance per weight per read, knob applied, compensation applied. */
    public final double readVar;
    /** Random part of drift / relaxation variance per weight, knob applied, compensation applied. */
    public final double driftVar;
    /** E[e], mean systematic drift error per weight after compensation. */
    public final double driftBiasMean;
    /** E[e^2]. */
    public final double driftBiasSq;
    /** Output rescale of the drift compensation (1 without). */
    public final double compensation;
    /** Mean conductance of a device in use, S. */
    public final double meanConductanceS;
    /** Per slice: E[d_s], with d_s the signed digit the slice conversion sees (level difference of the pair, or level). */
    public final double[] digitMean;
    /** Per slice: E[d_s^2]. */
    public final double[] digitSq;
    /** Per slice: largest |d_s| over the weights that occur. */
    public final int[] digitMax;
    /** Per slice: smallest d_s over the weights that occur. */
    public final int[] digitMin;
    /** E[(sum_s 2^(b s) d_s)^2]: second moment of the stored weight value the array sees. */
    public final double storedSq;
    /** E[w], E[w^2] of the ideal integer weight. */
    public final double weightMean;
    public final double weightSq;
    /** Level step ΔG, S. */
    public final double levelStepS;

    /**
     * @param prog   programming-noise knob
     * @param read   read-noise knob
     * @param drift  drift knob
     * @param timeS  time since programming
     */
    public DeviceErrorStats(DeviceModel dev, WeightMapping map, OperandStats ops, double prog, double read,
            double drift, double timeS, boolean compensate) {
        int levels = map.levels();
        int slices = map.slices();
        double gMin = dev.params().gMinS;
        double dG = (dev.params().gMaxS - gMin) / (levels - 1);
        this.levelStepS = dG;
        double[] g = new double[levels];
        double[] sp2 = new double[levels];
        double[] sr2 = new double[levels];
        double[] mu = new double[levels];
        double[] dv = new double[levels];
        double[] m = new double[2];
        for (int l = 0; l < levels; l++) {
            g[l] = gMin + l * dG;
            double sp = prog * dev.programmingSigma(g[l]);
            double sr = read * dev.readSigma(g[l], timeS, drift);
            sp2[l] = sp * sp;
            sr2[l] = sr * sr;
            dev.driftMoments(g[l], timeS, drift, m);
            mu[l] = m[0];
            dv[l] = m[1];
        }
        int q = map.qMax();
        int[] plus = new int[slices];
        int[] minus = new int[slices];
        double[] sw = new double[slices];
        for (int s = 0; s < slices; s++) {
            sw[s] = map.sliceWeight(s);
        }
        boolean diff = map.differential();
        double offset = map.offset();
        double pv = 0;
        double rv = 0;
        double dvSum = 0;
        double gSum = 0;
        double absIdeal = 0;
        double absDrifted = 0;
        double wMean = 0;
        double wSq = 0;
        double stSq = 0;
        double[] dMean = new double[slices];
        double[] dSq = new double[slices];
        int[] dMax = new int[slices];
        int[] dMin = new int[slices];
        java.util.Arrays.fill(dMin, Integer.MAX_VALUE);
        java.util.Arrays.fill(dMax, Integer.MIN_VALUE);
        double[] drifted = new double[2 * q + 1];
        for (int w = -q; w <= q; w++) {
            double p = ops.pWeight(w);
            if (p == 0) {
                continue;
            }
            map.levels(w, plus, minus);
            double pvw = 0;
            double rvw = 0;
            double dvw = 0;
            double gw = 0;
            double rec = 0;
            double stored = 0;
            for (int s = 0; s < slices; s++) {
                double s2 = sw[s] * sw[s];
                int lp = plus[s];
                pvw += s2 * sp2[lp];
                rvw += s2 * sr2[lp];
                dvw += s2 * dv[lp];
                gw += g[lp];
                int d;
                if (diff) {
                    int lm = minus[s];
                    pvw += s2 * sp2[lm];
                    rvw += s2 * sr2[lm];
                    dvw += s2 * dv[lm];
                    gw += g[lm];
                    rec += sw[s] * ((lp - lm) + (mu[lp] - mu[lm]) / dG);
                    d = lp - lm;
                } else {
                    rec += sw[s] * (lp + mu[lp] / dG);
                    d = lp;
                }
                stored += sw[s] * d;
                dMean[s] += p * d;
                dSq[s] += p * (double) d * d;
                dMax[s] = Math.max(dMax[s], d);
                dMin[s] = Math.min(dMin[s], d);
            }
            rec -= offset;
            drifted[w + q] = rec;
            pv += p * pvw;
            rv += p * rvw;
            dvSum += p * dvw;
            gSum += p * gw;
            absIdeal += p * Math.abs(w);
            absDrifted += p * Math.abs(rec);
            wMean += p * w;
            wSq += p * (double) w * w;
            stSq += p * stored * stored;
        }
        double c = compensate && absDrifted > 0 ? absIdeal / absDrifted : 1.0;
        double eMean = 0;
        double eSq = 0;
        for (int w = -q; w <= q; w++) {
            double p = ops.pWeight(w);
            if (p == 0) {
                continue;
            }
            double e = c * drifted[w + q] - w;
            eMean += p * e;
            eSq += p * e * e;
        }
        double inv = 1.0 / (dG * dG);
        double c2 = c * c;
        this.progVar = pv * inv * c2;
        this.readVar = rv * inv * c2;
        this.driftVar = dvSum * inv * c2;
        this.driftBiasMean = eMean;
        this.driftBiasSq = eSq;
        this.compensation = c;
        this.meanConductanceS = gSum / (slices * map.devicesPerSlice());
        for (int s = 0; s < slices; s++) {
            if (dMin[s] == Integer.MAX_VALUE) {
                dMin[s] = 0;
                dMax[s] = 0;
            }
        }
        this.digitMean = dMean;
        this.digitSq = dSq;
        this.digitMax = dMax;
        this.digitMin = dMin;
        this.storedSq = stSq;
        this.weightMean = wMean;
        this.weightSq = wSq;
    }

    /** True when no device effect perturbs the stored weights. */
    public boolean exact() {
        return progVar == 0 && readVar == 0 && driftVar == 0 && driftBiasSq == 0;
    }
}
