package org.aimc.sim.accuracy;

import java.util.Arrays;
import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.device.DeviceMoments;
import org.aimc.sim.mapping.WeightMapping;

/**
 * Device-origin error of one mapped weight, averaged over the weight distribution, in integer weight units
 * (one weight LSB = one level step ΔG of the least significant slice). A weight's stored value deviates
 * from w by a systematic part e (mean shifts of programming and drift, then the drift-compensation
 * rescale) and random parts (programming, drift, read). For a column of M rows with independent inputs x:
 * <pre>
 *   Var[y error] = M E[x^2] (random static variance + E[e^2]) + M (M - 1) E[x]^2 E[e]^2 + read term
 * </pre>
 *
 * <p>Global drift compensation follows aihwkit's {@code GlobalDriftCompensation}: outputs are rescaled by
 * alpha_0 / alpha(t), the ratio of mean |weight| read right after programming to the one read at time t
 * (physics.md §3.2). The rescale scales the random terms too.
 */
public final class DeviceErrorStats {
    /** Random programming variance per weight (compensation applied). */
    public final double progVar;
    /** Read-noise variance per weight per read (compensation applied). */
    public final double readVar;
    /** Random drift / relaxation variance per weight (compensation applied). */
    public final double driftVar;
    /** E[e_p], E[e_p^2] of the systematic error from programming alone (no drift, no compensation). */
    public final double progBiasMean;
    public final double progBiasSq;
    /** E[e], E[e^2] of the whole systematic error (programming and drift means, compensation). */
    public final double biasMean;
    public final double biasSq;
    /** Output rescale of the drift compensation (1 without). */
    public final double compensation;
    /** Mean conductance of a device in use, S. */
    public final double meanConductanceS;
    /** Per slice: E[d_s], with d_s the signed digit the slice conversion sees (level difference of the pair, or level). */
    public final double[] digitMean;
    /** Per slice: E[d_s^2]. */
    public final double[] digitSq;
    /** Per slice: largest and smallest d_s over the weights that occur. */
    public final int[] digitMax;
    public final int[] digitMin;
    /** E[(sum_s 2^(b s) d_s)^2]: second moment of the stored weight value the array sees. */
    public final double storedSq;
    /** E[w], E[w^2] of the ideal integer weight. */
    public final double weightMean;
    public final double weightSq;
    /** Level step ΔG, S. */
    public final double levelStepS;

    /**
     * @param prog  programming-noise knob
     * @param read  read-noise knob
     * @param drift drift knob
     * @param timeS time since programming
     */
    public DeviceErrorStats(DeviceModel dev, WeightMapping map, OperandStats ops, double prog, double read,
            double drift, double timeS, boolean compensate) {
        int levels = map.levels();
        int slices = map.slices();
        double gMin = dev.params().gMinS;
        double dG = (dev.params().gMaxS - gMin) / (levels - 1);
        this.levelStepS = dG;
        double[] g = new double[levels];
        double[] pm = new double[levels];
        double[] pv = new double[levels];
        double[] dm = new double[levels];
        double[] dv = new double[levels];
        double[] rv = new double[levels];
        DeviceMoments mo = new DeviceMoments();
        for (int l = 0; l < levels; l++) {
            g[l] = gMin + l * dG;
            dev.moments(g[l], timeS, prog, read, drift, mo.clear());
            pm[l] = mo.programmingMean / dG;
            pv[l] = mo.programmingVar / (dG * dG);
            dm[l] = mo.driftMean / dG;
            dv[l] = mo.driftVar / (dG * dG);
            rv[l] = mo.readVar / (dG * dG);
        }
        int q = map.qMax();
        int[] plus = new int[slices];
        int[] minus = new int[slices];
        double[] sw = new double[slices];
        for (int s = 0; s < slices; s++) {
            sw[s] = map.sliceWeight(s);
        }
        boolean diff = map.differential();
        double pvSum = 0;
        double rvSum = 0;
        double dvSum = 0;
        double gSum = 0;
        double absIdeal = 0;
        double absDrifted = 0;
        double wMean = 0;
        double wSq = 0;
        double stSq = 0;
        double pbMean = 0;
        double pbSq = 0;
        double[] dMean = new double[slices];
        double[] dSq = new double[slices];
        int[] dMax = new int[slices];
        int[] dMin = new int[slices];
        Arrays.fill(dMin, Integer.MAX_VALUE);
        Arrays.fill(dMax, Integer.MIN_VALUE);
        double[] totalShift = new double[2 * q + 1];
        for (int w = -q; w <= q; w++) {
            double p = ops.pWeight(w);
            if (p == 0) {
                continue;
            }
            map.levels(w, plus, minus);
            double pvw = 0;
            double rvw = 0;
            double dvw = 0;
            double progShift = 0;
            double driftShift = 0;
            double stored = 0;
            for (int s = 0; s < slices; s++) {
                double s2 = sw[s] * sw[s];
                int lp = plus[s];
                pvw += s2 * pv[lp];
                rvw += s2 * rv[lp];
                dvw += s2 * dv[lp];
                gSum += p * g[lp];
                progShift += sw[s] * pm[lp];
                driftShift += sw[s] * dm[lp];
                int d = lp;
                if (diff) {
                    int lm = minus[s];
                    pvw += s2 * pv[lm];
                    rvw += s2 * rv[lm];
                    dvw += s2 * dv[lm];
                    gSum += p * g[lm];
                    progShift -= sw[s] * pm[lm];
                    driftShift -= sw[s] * dm[lm];
                    d = lp - lm;
                }
                stored += sw[s] * d;
                dMean[s] += p * d;
                dSq[s] += p * (double) d * d;
                dMax[s] = Math.max(dMax[s], d);
                dMin[s] = Math.min(dMin[s], d);
            }
            totalShift[w + q] = progShift + driftShift;
            pvSum += p * pvw;
            rvSum += p * rvw;
            dvSum += p * dvw;
            pbMean += p * progShift;
            pbSq += p * progShift * progShift;
            absIdeal += p * Math.abs(w);
            absDrifted += p * Math.abs(w + progShift + driftShift);
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
            double e = c * (w + totalShift[w + q]) - w;
            eMean += p * e;
            eSq += p * e * e;
        }
        double c2 = c * c;
        this.progVar = pvSum * c2;
        this.readVar = rvSum * c2;
        this.driftVar = dvSum * c2;
        this.progBiasMean = pbMean;
        this.progBiasSq = pbSq;
        this.biasMean = eMean;
        this.biasSq = eSq;
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
        return progVar == 0 && readVar == 0 && driftVar == 0 && biasSq == 0;
    }
}
