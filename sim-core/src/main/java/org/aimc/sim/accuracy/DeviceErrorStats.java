package org.aimc.sim.accuracy;

import java.util.Arrays;
import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.device.DeviceMoments;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.numerics.Gaussians;
import org.aimc.sim.spec.NonidealSpec;
import org.aimc.sim.spec.PointSpec;

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
 * (physics.md §3.2). Both are means over each weight's random spread as well as over the weights (E|v| of a
 * normal v, the folded-normal mean), so what time adds to the spread raises alpha(t) and shrinks the
 * outputs, as on the chip; programming alone causes no rescale (it happens before the reference read). The
 * rescale scales the random terms too.
 *
 * <p>Stuck-at faults: a device is stuck at g_min with probability p0 and at g_max with p1 (knob-scaled
 * preset rates): it has no programming error, and from then on behaves (drift, temperature, read noise)
 * like a device programmed to its stuck value. Per level the stored value is the mixture of the healthy
 * value (weight 1 - p) and the two stuck values: the healthy means and variances enter scaled by 1 - p; the
 * stuck components' own variances plus the mixture's extra variance Var(E[G | state]) are the stuck-at
 * variance, and p0 (E[S0] - g) + p1 (E[S1] - g) its mean shift. The compensation's mean |weight| is taken to
 * first order in the fault rates.
 *
 * <p>I-V nonlinearity (amplitude-encoded inputs, voltage V_r u / u_max for code u): each device adds the
 * current error g (f(g, V) - 1) V against a reference at g_min, in digit-code units
 * eps(l, u) = u [g_l (f_l(u) - 1) - g_min (f_0(u) - 1)] / ΔG, evaluated at the target conductances. Per row
 * with a = w u and b = the weight's summed eps, {@link #nlA} ... {@link #nlAB} hold E[a], E[a^2], E[b],
 * E[b^2], E[a b] over weights and input codes; the domain turns them into an output error.
 */
public final class DeviceErrorStats {
    /** Random programming variance per weight (compensation applied). */
    public final double progVar;
    /** Read-noise variance per weight per read (compensation applied). */
    public final double readVar;
    /** Random drift / relaxation variance per weight (compensation applied). */
    public final double driftVar;
    /**
     * E[e_p], E[e_p^2] of the systematic error from programming alone (no stuck-at faults, no drift), with the
     * compensation rescale that this error alone would cause.
     */
    public final double progBiasMean;
    public final double progBiasSq;
    /** E[e], E[e^2] of the whole systematic error (programming and drift means, compensation). */
    public final double biasMean;
    public final double biasSq;
    /**
     * E[w e]: how the whole systematic error of a weight goes with the weight itself (a shrink or growth of
     * every weight, e.g. by the compensation rescale, is a gain of the column output rather than noise).
     */
    public final double biasCross;
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
    /** Random variance per weight from stuck-at faults (compensation applied). */
    public final double stuckVar;
    /**
     * E[e_ps], E[e_ps^2] of the systematic error of programming and stuck-at faults (no drift), with the
     * compensation rescale that this error alone would cause.
     */
    public final double progStuckBiasMean;
    public final double progStuckBiasSq;
    /** Random programming variance per weight of programming alone, with the rescale it alone would cause. */
    public final double progVarAlone;
    /**
     * Random variance per weight of programming and stuck-at faults right after programming (no drift), with
     * the rescale they alone would cause.
     */
    public final double progStuckVar;
    /** Nonlinearity moments per row for amplitude inputs: E[a], E[a^2], E[b], E[b^2], E[a b] (class Javadoc). */
    public final double nlA;
    public final double nlA2;
    public final double nlB;
    public final double nlB2;
    public final double nlAB;

    /**
     * Statistics without stuck-at faults and I-V nonlinearity.
     *
     * @param prog  programming-noise knob
     * @param read  read-noise knob
     * @param drift drift knob
     * @param timeS time since programming
     */
    public DeviceErrorStats(DeviceModel dev, WeightMapping map, OperandStats ops, double prog, double read,
            double drift, double timeS, boolean compensate) {
        this(dev, map, ops, PointSpec.DEFAULTS.nonideal().withProgrammingNoise(prog).withReadNoise(read)
                .withDrift(drift).withStuckAt(0).withNonlinearity(0), timeS, compensate);
    }

    /**
     * @param dev   the device at its operating temperature ({@link DeviceModel#atTemperature})
     * @param knobs the programming, read-noise, drift, stuck-at and nonlinearity knobs (ir_drop and
     *              temperature are not used here)
     * @param timeS time since programming
     */
    public DeviceErrorStats(DeviceModel dev, WeightMapping map, OperandStats ops, NonidealSpec knobs, double timeS,
            boolean compensate) {
        double prog = knobs.programmingNoise();
        double read = knobs.readNoise();
        double drift = knobs.drift();
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
        double[] sm = new double[levels];
        double[] sv = new double[levels];
        double[] hm = new double[levels];
        double[] hpm = new double[levels];
        double[] hpv = new double[levels];
        double[] hdv = new double[levels];
        double[] ssv = new double[levels];
        double p0 = dev.params().stuckAtGMin(knobs.stuckAt());
        double p1 = dev.params().stuckAtGMax(knobs.stuckAt());
        double ph = 1 - p0 - p1;
        DeviceMoments mo = new DeviceMoments();
        // stuck devices at g_min (index 0) and g_max (1): mean digit, variance and read variance at time t
        double[] sd = new double[2];
        double[] svs = new double[2];
        double[] rvs = new double[2];
        for (int f = 0; f < 2 && p0 + p1 > 0; f++) {
            double gs = dev.stuckConductance(2 * f - 1);
            dev.moments(gs, timeS, 0, read, drift, mo.clear());
            sd[f] = (gs + mo.programmingMean + mo.driftMean - gMin) / dG;
            svs[f] = (mo.programmingVar + mo.driftVar) / (dG * dG);
            rvs[f] = mo.readVar / (dG * dG);
        }
        double sd0 = sd[0];
        double sd1 = sd[1];
        double sv0 = svs[0];
        double sv1 = svs[1];
        double rv0 = rvs[0];
        double rv1 = rvs[1];
        for (int l = 0; l < levels; l++) {
            g[l] = gMin + l * dG;
            dev.moments(g[l], timeS, prog, read, drift, mo.clear());
            double mp = mo.programmingMean / dG;
            double md = numericalZero(mo.driftMean / dG);
            hm[l] = mp + md;
            hpm[l] = mp;
            hpv[l] = mo.programmingVar / (dG * dG);
            hdv[l] = numericalZero(mo.driftVar / (dG * dG));
            pm[l] = ph * mp;
            pv[l] = ph * mo.programmingVar / (dG * dG);
            dm[l] = ph * md;
            dv[l] = ph * mo.driftVar / (dG * dG);
            rv[l] = ph * mo.readVar / (dG * dG) + p0 * rv0 + p1 * rv1;
            if (p0 + p1 > 0) {
                double d0 = sd0 - l;
                double d1 = sd1 - l;
                sm[l] = p0 * d0 + p1 * d1;
                double mean = ph * hm[l] + sm[l];
                sv[l] = p0 * sv0 + p1 * sv1
                        + Math.max(ph * hm[l] * hm[l] + p0 * d0 * d0 + p1 * d1 * d1 - mean * mean, 0);
                // right after programming: stuck devices sit exactly at levels 0 and L - 1
                double e0 = -l;
                double e1 = levels - 1 - l;
                double m0 = ph * mp + p0 * e0 + p1 * e1;
                ssv[l] = Math.max(ph * mp * mp + p0 * e0 * e0 + p1 * e1 * e1 - m0 * m0, 0);
            }
        }
        double[][] eps = nonlinearErrors(dev, ops, knobs.nonlinearity(), g, dG);
        int q = map.qMax();
        int[] plus = new int[slices];
        int[] minus = new int[slices];
        double[] sw = new double[slices];
        for (int s = 0; s < slices; s++) {
            sw[s] = map.sliceWeight(s);
        }
        boolean diff = map.differential();
        double pvSum = 0;
        double hpvSum = 0;
        double ssvSum = 0;
        double svSum = 0;
        double nA = 0;
        double nA2 = 0;
        double nB = 0;
        double nB2 = 0;
        double nAB = 0;
        int xMax = ops.xMax();
        double[] bw = eps == null ? null : new double[xMax + 1];
        double rvSum = 0;
        double dvSum = 0;
        double gSum = 0;
        double absProgrammed = 0;
        double absDrifted = 0;
        double wMean = 0;
        double wSq = 0;
        double stSq = 0;
        double[] progOnly = new double[2 * q + 1];
        double[] progStuck = new double[2 * q + 1];
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
            double svw = 0;
            double hpvw = 0;
            double hdvw = 0;
            double ssvw = 0;
            double progShift = 0;
            double driftShift = 0;
            double stuckShift = 0;
            double healthyShift = 0;
            double healthyProg = 0;
            double staticStuck = 0;
            double stored = 0;
            if (bw != null) {
                Arrays.fill(bw, 0);
            }
            for (int s = 0; s < slices; s++) {
                double s2 = sw[s] * sw[s];
                int lp = plus[s];
                pvw += s2 * pv[lp];
                rvw += s2 * rv[lp];
                dvw += s2 * dv[lp];
                svw += s2 * sv[lp];
                hpvw += s2 * hpv[lp];
                hdvw += s2 * hdv[lp];
                ssvw += s2 * ssv[lp];
                gSum += p * g[lp];
                progShift += sw[s] * pm[lp];
                driftShift += sw[s] * dm[lp];
                stuckShift += sw[s] * sm[lp];
                healthyShift += sw[s] * hm[lp];
                healthyProg += sw[s] * hpm[lp];
                staticStuck += sw[s] * (p0 * (0 - lp) + p1 * (levels - 1 - lp));
                addNonlinear(bw, eps, lp, sw[s]);
                int d = lp;
                if (diff) {
                    int lm = minus[s];
                    pvw += s2 * pv[lm];
                    rvw += s2 * rv[lm];
                    dvw += s2 * dv[lm];
                    svw += s2 * sv[lm];
                    hpvw += s2 * hpv[lm];
                    hdvw += s2 * hdv[lm];
                    ssvw += s2 * ssv[lm];
                    gSum += p * g[lm];
                    progShift -= sw[s] * pm[lm];
                    driftShift -= sw[s] * dm[lm];
                    stuckShift -= sw[s] * sm[lm];
                    healthyShift -= sw[s] * hm[lm];
                    healthyProg -= sw[s] * hpm[lm];
                    staticStuck -= sw[s] * (p0 * (0 - lm) + p1 * (levels - 1 - lm));
                    addNonlinear(bw, eps, lm, -sw[s]);
                    d = lp - lm;
                }
                stored += sw[s] * d;
                dMean[s] += p * d;
                dSq[s] += p * (double) d * d;
                dMax[s] = Math.max(dMax[s], d);
                dMin[s] = Math.min(dMin[s], d);
            }
            totalShift[w + q] = progShift + driftShift + stuckShift;
            pvSum += p * pvw;
            rvSum += p * rvw;
            dvSum += p * dvw;
            svSum += p * svw;
            hpvSum += p * hpvw;
            ssvSum += p * ssvw;
            progOnly[w + q] = healthyProg;
            progStuck[w + q] = (1 - (p0 + p1)) * healthyProg + staticStuck;
            absProgrammed += p * expectedAbs(w + healthyProg, hpvw, p0, p1, 0, levels - 1, plus, diff ? minus : null,
                    sw, hpm);
            absDrifted += p * expectedAbs(w + healthyShift, hpvw + hdvw, p0, p1, sd0, sd1, plus, diff ? minus : null,
                    sw, hm);
            if (bw != null) {
                for (int u = 0; u <= xMax; u++) {
                    double pu = p * ops.pInput(u);
                    double a = (double) w * u;
                    double b = bw[u];
                    nA += pu * a;
                    nA2 += pu * a * a;
                    nB += pu * b;
                    nB2 += pu * b * b;
                    nAB += pu * a * b;
                }
            }
            wMean += p * w;
            wSq += p * (double) w * w;
            stSq += p * stored * stored;
        }
        double c = compensate && absDrifted > 0 ? absProgrammed / absDrifted : 1.0;
        double eMean = 0;
        double eSq = 0;
        double eCross = 0;
        double pbMean = 0;
        double pbSq = 0;
        double psMean = 0;
        double psSq = 0;
        for (int w = -q; w <= q; w++) {
            double p = ops.pWeight(w);
            if (p == 0) {
                continue;
            }
            double e = (c - 1) * w + c * totalShift[w + q]; // = c (w + shift) - w, exact when c = 1
            eMean += p * e;
            eSq += p * e * e;
            eCross += p * w * e;
            double e1 = progOnly[w + q];
            pbMean += p * e1;
            pbSq += p * e1 * e1;
            double e2 = progStuck[w + q];
            psMean += p * e2;
            psSq += p * e2 * e2;
        }
        double c2 = c * c;
        this.progVar = pvSum * c2;
        this.readVar = rvSum * c2;
        this.driftVar = dvSum * c2;
        this.stuckVar = svSum * c2;
        this.progVarAlone = hpvSum;
        this.progStuckVar = pvSum + ssvSum;
        this.progStuckBiasMean = psMean;
        this.progStuckBiasSq = psSq;
        this.nlA = nA;
        this.nlA2 = nA2;
        this.nlB = nB;
        this.nlB2 = nB2;
        this.nlAB = nAB;
        this.progBiasMean = pbMean;
        this.progBiasSq = pbSq;
        this.biasMean = eMean;
        this.biasSq = eSq;
        this.biasCross = eCross;
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

    /** True when no device effect perturbs the stored weights (the I-V nonlinearity is not a stored error). */
    public boolean exact() {
        return progVar == 0 && readVar == 0 && driftVar == 0 && stuckVar == 0 && biasSq == 0;
    }

    /**
     * E|v + fault jumps + N(0, var)| of a stored weight whose healthy mean is {@code v} and random variance
     * {@code var}, to first order in the fault rates: each device may instead sit at the mean digit sd0
     * (rate p0) or sd1 (p1) of a stuck device, moving the weight by its slice weight times the distance from
     * its healthy mean.
     */
    private static double expectedAbs(double v, double var, double p0, double p1, double sd0, double sd1,
            int[] plus, int[] minus, double[] sw, double[] hm) {
        if (p0 + p1 == 0) {
            return foldedMean(v, var);
        }
        double healthy = 1;
        double faulty = 0;
        for (int s = 0; s < plus.length; s++) {
            for (int k = 0; k < (minus == null ? 1 : 2); k++) {
                int l = k == 0 ? plus[s] : minus[s];
                double sign = k == 0 ? sw[s] : -sw[s];
                double mean = l + hm[l];
                healthy -= p0 + p1;
                faulty += p0 * foldedMean(v + sign * (sd0 - mean), var)
                        + p1 * foldedMean(v + sign * (sd1 - mean), var);
            }
        }
        return Math.max(healthy, 0) * foldedMean(v, var) + faulty;
    }

    /**
     * Drift means (level steps) and variances (squared level steps) below which a closed-form moment is taken as
     * 0: differences of moments leave rounding residues of order 1e-15 where an effect is off, and 1e-12 of a
     * level step is far below any physical shift or spread.
     */
    static final double VARIANCE_FLOOR = 1e-12;

    private static double numericalZero(double v) {
        return Math.abs(v) < VARIANCE_FLOOR ? 0 : v;
    }

    /** E|X| of X ~ N(mu, var): sigma sqrt(2/pi) exp(-mu^2 / 2 sigma^2) + mu (1 - 2 Phi(-mu / sigma)). */
    static double foldedMean(double mu, double var) {
        if (!(var > 0)) {
            return Math.abs(mu);
        }
        double sigma = Math.sqrt(var);
        double z = mu / sigma;
        return 2 * sigma * Gaussians.pdf(z) + mu * (1 - 2 * Gaussians.cdf(-z));
    }

    /**
     * eps[l][u]: current error of a device at level l under input code u against the g_min reference, in
     * digit-code units (class Javadoc); null when the nonlinearity is off or the device is ohmic.
     */
    private static double[][] nonlinearErrors(DeviceModel dev, OperandStats ops, double knob, double[] g,
            double dG) {
        if (knob == 0) {
            return null;
        }
        int xMax = ops.xMax();
        double vr = dev.params().readVoltageV;
        double[][] eps = new double[g.length][xMax + 1];
        boolean any = false;
        for (int u = 1; u <= xMax; u++) {
            double v = vr * u / xMax;
            double f0 = knob * (dev.ivFactor(g[0], v) - 1);
            for (int l = 0; l < g.length; l++) {
                double fl = knob * (dev.ivFactor(g[l], v) - 1);
                eps[l][u] = u * (g[l] * fl - g[0] * f0) / dG;
                any |= eps[l][u] != 0;
            }
        }
        return any ? eps : null;
    }

    private static void addNonlinear(double[] bw, double[][] eps, int level, double weight) {
        if (bw == null) {
            return;
        }
        double[] e = eps[level];
        for (int u = 0; u < bw.length; u++) {
            bw[u] += weight * e[u];
        }
    }
}
