package org.aimc.sim.domain;

import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.device.DeviceMoments;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.spec.NonidealSpec;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The devices of one tile of one chip instance after programming (tier B): integer weights mapped to device
 * levels (bit slices, differential pair or offset), each device programmed and drifted by sampling the
 * device model (physics.md §4 order: target, programming error, stuck-at faults, drift to the evaluation
 * time; {@link Purpose#PROGRAMMING}, {@link Purpose#STUCK_AT} and {@link Purpose#DRIFT} streams), with the
 * per-level read-noise variance the MVM draws from. States are normalised: n = (g - g_min) / ΔG, so an
 * ideal device holds exactly its integer level.
 *
 * <p>Device index of row i, logical column j, slice s, device d (0 = G+ or offset device, 1 = G-):
 * ((i · cols + j) · slices + s) · devices + d.
 */
public final class ProgrammedArray {
    public final int rows;
    public final int cols;
    public final int slices;
    public final int devices;
    public final WeightMapping mapping;
    /** Lowest conductance and level step ΔG of the device model the array was programmed with, S. */
    public final double gMinS;
    public final double levelStepS;
    private final int[] level;
    /** The level whose read noise a device has: its target, or the level it is stuck at. */
    private final int[] readLevel;
    private final double[] state;
    /** Target conductance of each device, S: its level's, or the stuck value for a stuck device. */
    private final double[] target;
    private final double[] readVarByLevel;
    private final int[][] weights;
    /** Output rescale of the global drift compensation (1 without). */
    public final double compensation;

    private ProgrammedArray(int rows, int cols, WeightMapping map, double gMin, double dG, int[] level,
            int[] readLevel, double[] state, double[] target, double[] readVar, int[][] weights, double compensation) {
        this.readLevel = readLevel;
        this.target = target;
        this.rows = rows;
        this.cols = cols;
        this.slices = map.slices();
        this.devices = map.devicesPerSlice();
        this.mapping = map;
        this.gMinS = gMin;
        this.levelStepS = dG;
        this.level = level;
        this.state = state;
        this.readVarByLevel = readVar;
        this.weights = weights;
        this.compensation = compensation;
    }

    /**
     * Programs {@code w} ([row][column], integers in [-Q, Q]) with the device model {@code dev} (the
     * point's device, or a domain's view of it) for chip {@code key}: programming errors from the
     * {@link Purpose#PROGRAMMING} stream, stuck-at states from {@link Purpose#STUCK_AT}, drift draws from
     * {@link Purpose#DRIFT}, in device-index order (every device takes its programming and drift draws, stuck
     * or not, so the fault rate does not shift the other devices' draws).
     * The knobs, evaluation time and drift compensation come from the context's spec.
     */
    public static ProgrammedArray program(TileContext c, DeviceModel dev, int[][] w, ChipKey key) {
        WeightMapping map = c.mapping;
        int rows = w.length;
        int cols = rows == 0 ? 0 : w[0].length;
        int slices = map.slices();
        int dps = map.devicesPerSlice();
        NonidealSpec ni = c.spec.nonideal();
        double t = c.spec.operating().timeS();
        double gMin = dev.params().gMinS;
        double dG = (dev.params().gMaxS - gMin) / (map.levels() - 1);
        var zp = ZigguratSampler.NormalizedGaussian.of(key.stream(Purpose.PROGRAMMING));
        var zd = ZigguratSampler.NormalizedGaussian.of(key.stream(Purpose.DRIFT));
        var stuck = key.stream(Purpose.STUCK_AT);
        int top = map.levels() - 1;
        int n = rows * cols * slices * dps;
        int[] level = new int[n];
        int[] readLevel = new int[n];
        double[] state = new double[n];
        double[] target = new double[n];
        int[] plus = new int[slices];
        int[] minus = new int[slices];
        int[][] copy = new int[rows][];
        double absProgrammed = 0;
        double absStored = 0;
        int q = map.qMax();
        for (int i = 0; i < rows; i++) {
            if (w[i].length != cols) {
                throw new IllegalArgumentException("weights row " + i + " has " + w[i].length + " columns, row 0 has "
                        + cols);
            }
            copy[i] = w[i].clone();
            for (int j = 0; j < cols; j++) {
                int wij = w[i][j];
                if (wij < -q || wij > q) {
                    throw new IllegalArgumentException("weight [" + i + "][" + j + "] = " + wij + " outside [-" + q
                            + ", " + q + "] of " + map.weightBits() + "-bit weights");
                }
                map.levels(wij, plus, minus);
                double stored = 0;
                double programmed = 0;
                for (int s = 0; s < slices; s++) {
                    for (int d = 0; d < dps; d++) {
                        int idx = ((i * cols + j) * slices + s) * dps + d;
                        int l = d == 0 ? plus[s] : minus[s];
                        double g = gMin + l * dG;
                        double gp = dev.samplePrograms(g, ni.programmingNoise(), zp);
                        int fault = dev.sampleStuck(ni.stuckAt(), stuck);
                        int rl = l;
                        if (fault != 0) {
                            // a stuck device sits at g_min or g_max and drifts and reads like one programmed there
                            g = dev.stuckConductance(fault);
                            gp = g;
                            rl = fault < 0 ? 0 : top;
                        }
                        double gt = dev.sampleDrift(g, gp, t, ni.drift(), zd);
                        programmed += (d == 0 ? 1 : -1) * map.sliceWeight(s) * (gp - gMin) / dG;
                        level[idx] = l;
                        readLevel[idx] = rl;
                        target[idx] = g;
                        state[idx] = (gt - gMin) / dG;
                        stored += (d == 0 ? 1 : -1) * map.sliceWeight(s) * state[idx];
                    }
                }
                absProgrammed += Math.abs(programmed - map.offset());
                absStored += Math.abs(stored - map.offset());
            }
        }
        // global drift compensation (aihwkit GlobalDriftCompensation, physics.md §3.2): mean |w| read right after
        // programming over mean |w| read now
        double comp = c.spec.operating().driftCompensation() && absStored > 0 ? absProgrammed / absStored : 1;
        double[] rv = new double[map.levels()];
        DeviceMoments mo = new DeviceMoments();
        for (int l = 0; l < rv.length; l++) {
            dev.moments(gMin + l * dG, t, ni.programmingNoise(), ni.readNoise(), ni.drift(), mo.clear());
            rv[l] = mo.readVar / (dG * dG);
        }
        return new ProgrammedArray(rows, cols, map, gMin, dG, level, readLevel, state, target, rv, copy, comp);
    }

    /** Device index of (row, column, slice, device). */
    public int index(int i, int j, int s, int d) {
        return ((i * cols + j) * slices + s) * devices + d;
    }

    /** Target level of a device. */
    public int level(int idx) {
        return level[idx];
    }

    /** Normalised state (g(t) - g_min) / ΔG of a device. */
    public double state(int idx) {
        return state[idx];
    }

    /** Target conductance of a device, S: its level's, or the value it is stuck at. */
    public double targetS(int idx) {
        return target[idx];
    }

    /** Conductance of a device at the evaluation time, S. */
    public double conductanceS(int idx) {
        return gMinS + levelStepS * state[idx];
    }

    /** Normalised read-noise variance of one read of a device at {@code level}. */
    public double readVariance(int level) {
        return readVarByLevel[level];
    }

    /** Normalised read-noise variance of one read of device {@code idx} (stuck devices at their stuck level). */
    public double deviceReadVariance(int idx) {
        return readVarByLevel[readLevel[idx]];
    }

    /** True when reads are noise-free. */
    public boolean noReadNoise() {
        for (double v : readVarByLevel) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** True when the read-noise variance is the same at every level. */
    public boolean uniformReadNoise() {
        for (double v : readVarByLevel) {
            if (v != readVarByLevel[0]) {
                return false;
            }
        }
        return true;
    }

    /** The programmed integer weight at (row, column). */
    public int weight(int i, int j) {
        return weights[i][j];
    }
}
