package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aimc.sim.TestSpecs;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
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
import org.aimc.sim.spec.PointSpec;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analytic error budget of the current domain against a Monte-Carlo tile built independently from the
 * device samplers: random weights and inputs from the point's data statistics, devices programmed, drifted
 * and read by sampling, optional global drift compensation from a reference read, optional quantisation of
 * every conversion, and the relative error sqrt(sum e^2 / sum y^2) measured over the tile.
 */
class CurrentDomainMonteCarloTest {
    static final int COLS = 128;
    static final int VECTORS = 24;
    /** Chip instances pooled into one estimate (static errors need many devices to average). */
    static final int CHIPS = 3;

    @ParameterizedTest(name = "{0} {1} {2} t={3} comp={4} adc={5}")
    @CsvSource({
        "pcm,  bit-serial, differential, 3600,  true,  ideal",
        "pcm,  amplitude,  differential, 86400, true,  ideal",
        "pcm,  amplitude,  differential, 86400, false, ideal",
        "rram, bit-serial, differential, 1,     true,  ideal",
        "rram, amplitude,  offset,       86400, true,  ideal",
        "sram, bit-serial, differential, 1,     true,  ideal",
        "rram, bit-serial, differential, 1,     true,  sar",
        "pcm,  amplitude,  differential, 3600,  true,  sar",
    })
    void analyticMatchesMonteCarlo(String kind, String dac, String signed, double t, boolean comp, String adc) {
        SweepPlan plan = TestSpecs.plan("  device: {kind: " + kind + "}\n  dac: {kind: " + dac + ", bits: 4}\n"
                + "  adc: {kind: " + adc + ", bits: 6}\n  array: {rows: 128, cols: 256}\n"
                + "  mapping: {weight_bits: 6, bits_per_cell: 2, signed: " + signed + "}\n"
                + "  operating: {time_s: " + t + ", drift_compensation: " + comp + "}\n"
                + "  nonideal: {ir_drop: none}\n  data: {weights: uniform}", "  adc.bits: [6]");
        PointSpec p = plan.space().decode(0);
        DeviceModel dev = Devices.registry().require(kind).create(SweepPlan.deviceParams(p.device(), plan.spec().devices()));
        WeightMapping map = new WeightMapping(p.mapping(), dev.params().bitsPerCellMax);
        OperandStats ops = new OperandStats(p.data(), p.mapping().weightBits(), p.dac().bits());
        TileContext c = new TileContext(p, dev, map, ops,
                new org.aimc.sim.accuracy.DeviceErrorStats(dev, map, ops, 1, 1, 1, t, comp),
                Peripherals.dacs().require(dac), Peripherals.adcs().require(adc), new Technology(p.operating()));
        ErrorBudget b = new ErrorBudget();
        new CurrentDomain().create(SweepPlan.domainParams(p.domain())).errors(c, b);
        double analytic = b.relativeError();
        double se = 0;
        double sy = 0;
        for (int chip = 0; chip < CHIPS; chip++) {
            double[] r = monteCarlo(c, 20260101L + chip);
            se += r[0];
            sy += r[1];
        }
        double measured = Math.sqrt(se / sy);
        System.out.printf("%s %s %s t=%s comp=%s adc=%s: analytic %.5f, Monte-Carlo %.5f (%+.1f%%)%n", kind, dac,
                signed, t, comp, adc, analytic, measured, 100 * (measured / analytic - 1));
        assertEquals(analytic, measured, 0.05 * analytic, "analytic " + analytic + " vs Monte-Carlo " + measured
                + " (ADC part " + b.relativeError(ErrorSource.ADC) + ")");
    }

    /** Sum of squared errors and of squared ideal outputs of one sampled tile: {sum e^2, sum y^2}. */
    static double[] monteCarlo(TileContext c, long seed) {
        int rows = c.spec.array().rows();
        WeightMapping map = c.mapping;
        OperandStats ops = c.operands;
        DeviceModel dev = c.device;
        UniformRandomProvider data = KeyedRandom.stream(seed, 0, Purpose.DATA, 0);
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
        // weights, targets, programmed-and-drifted conductances [row][col][slice][device]
        int[][] w = new int[rows][COLS];
        double[][][][] gt = new double[rows][COLS][slices][dps];
        double[][][][] g = new double[rows][COLS][slices][dps];
        int[] plus = new int[slices];
        int[] minus = new int[slices];
        double absIdeal = 0;
        double absDrift = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < COLS; j++) {
                w[i][j] = sampleWeight(ops, q, data);
                map.levels(w[i][j], plus, minus);
                double rec = 0;
                for (int s = 0; s < slices; s++) {
                    for (int d = 0; d < dps; d++) {
                        int l = d == 0 ? plus[s] : minus[s];
                        gt[i][j][s][d] = gMin + l * dG;
                        double gp = dev.samplePrograms(gt[i][j][s][d], c.spec.nonideal().programmingNoise(), zp);
                        g[i][j][s][d] = dev.sampleDrift(gt[i][j][s][d], gp, t, c.spec.nonideal().drift(), zd);
                        rec += (d == 0 ? 1 : -1) * map.sliceWeight(s) * (g[i][j][s][d] - gMin) / dG;
                    }
                }
                absIdeal += Math.abs(w[i][j]);
                absDrift += Math.abs(rec - map.offset());
            }
        }
        // global drift compensation: rescale by the ratio of mean |w| read right after programming to now
        double comp = c.spec.operating().driftCompensation() ? absIdeal / absDrift : 1;
        boolean serial = c.dac.encoding() == Encoding.BIT_SERIAL;
        int cycles = serial ? c.inputBits() : 1;
        double readKnob = c.spec.nonideal().readNoise();
        double se = 0;
        double sy = 0;
        int[] x = new int[rows];
        for (int v = 0; v < VECTORS; v++) {
            for (int i = 0; i < rows; i++) {
                x[i] = sampleInput(ops, data);
            }
            for (int j = 0; j < COLS; j++) {
                double yIdeal = 0;
                for (int i = 0; i < rows; i++) {
                    yIdeal += (double) w[i][j] * x[i];
                }
                double y = 0;
                for (int s = 0; s < slices; s++) {
                    for (int k = 0; k < cycles; k++) {
                        double z = 0;
                        for (int i = 0; i < rows; i++) {
                            int u = serial ? (x[i] >>> k) & 1 : x[i];
                            if (u == 0) {
                                continue;
                            }
                            for (int d = 0; d < dps; d++) {
                                double gr = dev.sampleRead(gt[i][j][s][d], g[i][j][s][d], t, readKnob, zr);
                                z += (d == 0 ? 1 : -1) * u * (gr - gMin) / dG;
                            }
                        }
                        z = quantise(c, s, z);
                        y += z * map.sliceWeight(s) * (serial ? (1 << k) : 1);
                    }
                }
                long sumX = 0;
                for (int i = 0; i < rows; i++) {
                    sumX += x[i];
                }
                y = comp * (y - (double) map.offset() * sumX);
                se += (y - yIdeal) * (y - yIdeal);
                sy += yIdeal * yIdeal;
            }
        }
        return new double[] {se, sy};
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
