package org.aimc.sim.domain;

import org.aimc.sim.accuracy.DeviceErrorStats;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.device.Devices;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.peripheral.Peripherals;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.NonidealSpec;
import org.aimc.sim.spec.PointSpec;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A Monte-Carlo current-domain tile built independently of the analytic budget, from the device samplers
 * alone: random weights and inputs from the point's data statistics; every device drawn stuck or healthy,
 * programmed, drifted and read (fresh read noise per evaluation) in the order of physics.md §4; cell currents
 * through the device's I-V curve for amplitude inputs, against a g_min reference device; a least-squares gain
 * calibration of the noise-free nonlinear output when the I-V curve is not ohmic; optional global drift
 * compensation from a reference read; optional quantisation of every conversion (±clip_sigma around the
 * conversion's mean).
 */
final class SampledTile {
    private SampledTile() {
    }

    /** The tile context of a point, built as the evaluator builds it (device at the point's temperature). */
    static TileContext context(SweepPlan plan, PointSpec p) {
        DeviceModel dev = Devices.registry().require(p.device().kind())
                .create(SweepPlan.deviceParams(p.device(), plan.spec().devices()))
                .atTemperature(p.operating().temperatureK(), p.nonideal().temperature());
        WeightMapping map = new WeightMapping(p.mapping(), dev.params().bitsPerCellMax);
        OperandStats ops = new OperandStats(p.data(), p.mapping().weightBits(), p.dac().bits());
        DeviceErrorStats st = new DeviceErrorStats(dev, map, ops, p.nonideal(), p.operating().timeS(),
                p.operating().driftCompensation());
        return new TileContext(p, dev, map, ops, st, Peripherals.dacs().require(p.dac().kind()),
                Peripherals.adcs().require(p.adc().kind()), new Technology(p.operating()));
    }

    /** The current domain's analytic error budget of a tile. */
    static ErrorBudget analytic(TileContext c) {
        ErrorBudget b = new ErrorBudget();
        new CurrentDomain().create(SweepPlan.domainParams(c.spec.domain())).errors(c, b);
        return b;
    }

    /** sqrt(sum e^2 / sum y^2) pooled over {@code chips} sampled tiles with seeds base, base + 1, ... */
    static double relativeError(TileContext c, long base, int chips, int cols, int vectors) {
        double se = 0;
        double sy = 0;
        for (int chip = 0; chip < chips; chip++) {
            double[] r = run(c, base + chip, cols, vectors);
            se += r[0];
            sy += r[1];
        }
        return Math.sqrt(se / sy);
    }

    /**
     * Sums over the outputs of one sampled tile of {@code cols} weight columns and {@code vectors} input
     * vectors: {sum e^2, sum y^2, sum y_hw y, sum |y_hw|, sum |y|}, y the ideal and y_hw the tile's output,
     * e = y_hw - y. The tile's device is {@code c.device}, already at the point's temperature.
     */
    static double[] run(TileContext c, long seed, int cols, int vectors) {
        int rows = c.spec.array().rows();
        WeightMapping map = c.mapping;
        OperandStats ops = c.operands;
        DeviceModel dev = c.device;
        NonidealSpec knobs = c.spec.nonideal();
        UniformRandomProvider data = KeyedRandom.stream(seed, 0, Purpose.DATA, 0);
        UniformRandomProvider stuck = KeyedRandom.stream(seed, 0, Purpose.STUCK_AT, 0);
        ZigguratSampler.NormalizedGaussian zp = ZigguratSampler.NormalizedGaussian.of(
                KeyedRandom.stream(seed, 0, Purpose.PROGRAMMING, 0));
        ZigguratSampler.NormalizedGaussian zd = ZigguratSampler.NormalizedGaussian.of(
                KeyedRandom.stream(seed, 0, Purpose.DRIFT, 0));
        ZigguratSampler.NormalizedGaussian zr = ZigguratSampler.NormalizedGaussian.of(
                KeyedRandom.stream(seed, 0, Purpose.READ_NOISE, 0));
        double t = c.spec.operating().timeS();
        int slices = map.slices();
        int dps = map.devicesPerSlice();
        double gMin = dev.params().gMinS;
        double dG = (dev.params().gMaxS - gMin) / (map.levels() - 1);
        int q = map.qMax();
        // weights, targets (the stuck value for a stuck device), conductances after programming and drift
        int[][] w = new int[rows][cols];
        double[][][][] gt = new double[rows][cols][slices][dps];
        double[][][][] g = new double[rows][cols][slices][dps];
        double[][][][] ideal = new double[rows][cols][slices][dps];
        int[] plus = new int[slices];
        int[] minus = new int[slices];
        double absProgrammed = 0;
        double absDrift = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                w[i][j] = sampleWeight(ops, q, data);
                map.levels(w[i][j], plus, minus);
                double rec = 0;
                double prog = 0;
                for (int s = 0; s < slices; s++) {
                    for (int d = 0; d < dps; d++) {
                        int l = d == 0 ? plus[s] : minus[s];
                        double target = gMin + l * dG;
                        ideal[i][j][s][d] = target;
                        int state = dev.sampleStuck(knobs.stuckAt(), stuck);
                        double gp;
                        if (state != 0) {
                            target = dev.stuckConductance(state);
                            gp = target;
                        } else {
                            gp = dev.samplePrograms(target, knobs.programmingNoise(), zp);
                        }
                        gt[i][j][s][d] = target;
                        g[i][j][s][d] = dev.sampleDrift(target, gp, t, knobs.drift(), zd);
                        rec += (d == 0 ? 1 : -1) * map.sliceWeight(s) * (g[i][j][s][d] - gMin) / dG;
                        prog += (d == 0 ? 1 : -1) * map.sliceWeight(s) * (gp - gMin) / dG;
                    }
                }
                absProgrammed += Math.abs(prog - map.offset());
                absDrift += Math.abs(rec - map.offset());
            }
        }
        // global drift compensation: rescale by the ratio of mean |w| read right after programming to now
        double comp = c.spec.operating().driftCompensation() ? absProgrammed / absDrift : 1;
        boolean serial = c.dac.encoding() == Encoding.BIT_SERIAL;
        boolean nonlinear = c.dac.encoding() == Encoding.AMPLITUDE && knobs.nonlinearity() > 0;
        int cycles = serial ? c.inputBits() : 1;
        double readKnob = knobs.readNoise();
        double vr = dev.params().readVoltageV;
        int xMax = ops.xMax();
        double vUnit = vr / xMax;
        double[] yIdeal = new double[vectors * cols];
        double[] yHw = new double[vectors * cols];
        double[] yNl = new double[vectors * cols];
        int[] x = new int[rows];
        for (int v = 0; v < vectors; v++) {
            for (int i = 0; i < rows; i++) {
                x[i] = sampleInput(ops, data);
            }
            long sumX = 0;
            for (int i = 0; i < rows; i++) {
                sumX += x[i];
            }
            for (int j = 0; j < cols; j++) {
                double yi = 0;
                for (int i = 0; i < rows; i++) {
                    yi += (double) w[i][j] * x[i];
                }
                double y = 0;
                double ynl = 0;
                for (int s = 0; s < slices; s++) {
                    for (int k = 0; k < cycles; k++) {
                        double z = 0;
                        double zn = 0;
                        for (int i = 0; i < rows; i++) {
                            int u = serial ? (x[i] >>> k) & 1 : x[i];
                            if (u == 0) {
                                continue;
                            }
                            double volts = u * vUnit;
                            double ref = nonlinear ? dev.current(gMin, gMin, volts, knobs.nonlinearity()) : 0;
                            for (int d = 0; d < dps; d++) {
                                double sign = d == 0 ? 1 : -1;
                                double gr = dev.sampleRead(gt[i][j][s][d], g[i][j][s][d], t, readKnob, zr);
                                if (nonlinear) {
                                    double cur = dev.current(gt[i][j][s][d], gr, volts, knobs.nonlinearity());
                                    z += sign * (cur - ref) / (dG * vUnit);
                                    double gi = ideal[i][j][s][d];
                                    zn += sign * (dev.current(gi, gi, volts, knobs.nonlinearity()) - ref) / (dG * vUnit);
                                } else {
                                    z += sign * u * (gr - gMin) / dG;
                                }
                            }
                        }
                        z = quantise(c, s, z);
                        double scale = map.sliceWeight(s) * (serial ? (1 << k) : 1);
                        y += z * scale;
                        ynl += zn * scale;
                    }
                }
                int at = v * cols + j;
                yIdeal[at] = yi;
                yHw[at] = comp * (y - (double) map.offset() * sumX);
                yNl[at] = ynl - (double) map.offset() * sumX;
            }
        }
        // per-column gain calibration against the noise-free nonlinear output (least squares, pooled columns)
        double gamma = 1;
        if (nonlinear) {
            double num = 0;
            double den = 0;
            for (int a = 0; a < yIdeal.length; a++) {
                num += yIdeal[a] * yNl[a];
                den += yNl[a] * yNl[a];
            }
            gamma = num / den;
        }
        double[] out = new double[5];
        for (int a = 0; a < yIdeal.length; a++) {
            double yh = gamma * yHw[a];
            double e = yh - yIdeal[a];
            out[0] += e * e;
            out[1] += yIdeal[a] * yIdeal[a];
            out[2] += yh * yIdeal[a];
            out[3] += Math.abs(yh);
            out[4] += Math.abs(yIdeal[a]);
        }
        return out;
    }

    /** A B-bit converter spanning ±clip_sigma standard deviations of the conversion around its mean. */
    static double quantise(TileContext c, int slice, double z) {
        if (c.adc.ideal()) {
            return z;
        }
        OperandStats ops = c.operands;
        boolean serial = c.dac.encoding() == Encoding.BIT_SERIAL;
        double eu = serial ? ops.bitActivity() : ops.ex();
        double eu2 = serial ? ops.bitActivity() : ops.ex2();
        double dm = c.deviceErrors.digitMean[slice];
        int rows = c.spec.array().rows();
        double mean = rows * eu * dm;
        double sd = Math.sqrt(rows * (eu2 * c.deviceErrors.digitSq[slice] - eu * eu * dm * dm));
        double k = c.spec.adc().clipSigma();
        double lo = mean - k * sd;
        double step = 2 * k * sd / Math.scalb(1.0, c.spec.adc().bits());
        double code = Math.floor((z - lo) / step);
        code = Math.max(0, Math.min(Math.scalb(1.0, c.spec.adc().bits()) - 1, code));
        return lo + (code + 0.5) * step;
    }

    static int sampleWeight(OperandStats ops, int q, UniformRandomProvider r) {
        double u = r.nextDouble();
        for (int w = -q; w < q; w++) {
            u -= ops.pWeight(w);
            if (u < 0) {
                return w;
            }
        }
        return q;
    }

    static int sampleInput(OperandStats ops, UniformRandomProvider r) {
        double nonZero = ops.ex() / ((ops.xMax() + 1) / 2.0);
        return r.nextDouble() < nonZero ? 1 + r.nextInt(ops.xMax()) : 0;
    }
}
