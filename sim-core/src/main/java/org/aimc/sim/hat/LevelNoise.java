package org.aimc.sim.hat;

import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.device.DeviceMoments;
import org.aimc.sim.mapping.WeightMapping;

/**
 * The device-origin error of a design point as the training model injects it, in level units (one level
 * step ΔG = 1): per stored level l the mean shift δ(l) (programming mean, e.g. clipping at zero conductance,
 * plus the drift mean at the point's time) and the variances of the static error (programming and drift,
 * drawn once per chip) and of one read. They come from the same closed-form device moments
 * ({@link DeviceModel#moments}) as the analytic tier's {@code DeviceErrorStats}, so the weight noise of a
 * point is its device σ(g), not a free constant.
 *
 * <p>Per signed integer weight w (slices s of weight 2^(b s), devices d of sign ±1 holding levels l_sd):
 * <pre>
 *   m(w) = Σ_s 2^(b s) Σ_d ±δ(l_sd)          mean error
 *   v(w) = Σ_s 4^(b s) Σ_d (σ²_static + ρ σ²_read)(l_sd)   variance
 * </pre>
 * and the stored weight is {@code κ (w + m(w) + sqrt(v(w)) ε)}, κ the drift compensation's rescale. Read noise
 * is fresh per evaluation and, for bit-serial inputs, per bit cycle; the training model draws it with the
 * weights, scaled by ρ = (Σ_k 4^k E[bit]) / E[x²], which gives the read-noise variance of a bit-serial column
 * sum its analytic value (ρ = 1 for a single evaluation per input). Averaged over the weight distribution
 * of the point's data statistics, κ² v(w) without the read term is exactly the analytic tier's
 * {@code progVar + driftVar} and the read term its {@code readVar} (tested).
 *
 * <p>A series access transistor (resistive division) changes the conductance seen at the node to
 * G' = g / (1 + g R_on); levels are then equally spaced in G' (write-verify on the cell) and the device's
 * errors reach G' with the slope dG'/dg = 1 / (1 + g R_on)² (the law of the domain's series cell).
 */
public final class LevelNoise {
    private final int levels;
    private final double[] shift;
    private final double[] staticVar;
    private final double[] readVar;
    private final double readScale;

    private LevelNoise(double[] shift, double[] staticVar, double[] readVar, double readScale) {
        this.levels = shift.length;
        this.shift = shift;
        this.staticVar = staticVar;
        this.readVar = readVar;
        this.readScale = readScale;
    }

    /**
     * The tables of a device.
     *
     * @param dev        the device at the point's temperature
     * @param gMinS      conductance of level 0 at the node (G'_min with an access transistor), S
     * @param levelStepS ΔG at the node, S
     * @param levels     levels per cell
     * @param accessOhm  series access on-resistance (0: none)
     * @param prog       programming-noise knob
     * @param read       read-noise knob
     * @param drift      drift knob
     * @param timeS      time since programming
     * @param readScale  ρ, the read-noise weight of the input encoding
     */
    public static LevelNoise of(DeviceModel dev, double gMinS, double levelStepS, int levels, double accessOhm,
            double prog, double read, double drift, double timeS, double readScale) {
        double[] shift = new double[levels];
        double[] sv = new double[levels];
        double[] rv = new double[levels];
        DeviceMoments mo = new DeviceMoments();
        for (int l = 0; l < levels; l++) {
            double gCell = gMinS + l * levelStepS;
            double g = accessOhm == 0 ? gCell : gCell / (1 - gCell * accessOhm);
            dev.moments(g, timeS, prog, read, drift, mo.clear());
            double k = accessOhm == 0 ? 1 : 1 / ((1 + g * accessOhm) * (1 + g * accessOhm));
            shift[l] = k * (mo.programmingMean + mo.driftMean) / levelStepS;
            sv[l] = k * k * (mo.programmingVar + mo.driftVar) / (levelStepS * levelStepS);
            rv[l] = k * k * mo.readVar / (levelStepS * levelStepS);
        }
        return new LevelNoise(shift, sv, rv, readScale);
    }

    /** Levels per cell. */
    public int levels() {
        return levels;
    }

    /** Mean shift δ(l), level units. */
    public double shift(int l) {
        return shift[l];
    }

    /** Static variance (programming and drift) of level l, squared level units. */
    public double staticVariance(int l) {
        return staticVar[l];
    }

    /** Variance of one read of level l, squared level units. */
    public double readVariance(int l) {
        return readVar[l];
    }

    /** ρ, the weight of the read variance in {@link #variance}. */
    public double readScale() {
        return readScale;
    }

    /** The variance the training model draws for level l: static + ρ · read. */
    public double variance(int l) {
        return staticVar[l] + readScale * readVar[l];
    }

    /** True when every level is stored exactly. */
    public boolean exact() {
        for (int l = 0; l < levels; l++) {
            if (shift[l] != 0 || variance(l) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per-weight tables over w in [-Q, Q] of a mapping: {@code mean[w + Q] = m(w)}, {@code var[w + Q] = v(w)}
     * (class comment), with the read term included ({@code withRead}) or not. Overwrites both arrays.
     */
    public void weightTables(WeightMapping map, boolean withRead, double[] mean, double[] var) {
        int q = map.qMax();
        int slices = map.slices();
        int[] plus = new int[slices];
        int[] minus = new int[slices];
        for (int w = -q; w <= q; w++) {
            map.levels(w, plus, minus);
            double m = 0;
            double v = 0;
            for (int s = 0; s < slices; s++) {
                double sw = map.sliceWeight(s);
                m += sw * shift[plus[s]];
                v += sw * sw * (staticVar[plus[s]] + (withRead ? readScale * readVar[plus[s]] : 0));
                if (map.differential()) {
                    m -= sw * shift[minus[s]];
                    v += sw * sw * (staticVar[minus[s]] + (withRead ? readScale * readVar[minus[s]] : 0));
                }
            }
            mean[w + q] = m;
            var[w + q] = v;
        }
    }
}
