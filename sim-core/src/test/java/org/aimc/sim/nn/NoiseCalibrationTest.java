package org.aimc.sim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aimc.sim.accuracy.CalibrationCurve;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.junit.jupiter.api.Test;

class NoiseCalibrationTest {
    static final String HASH = "ab".repeat(32);

    @Test
    void curveOnASmallNetworkFallsFromTheDigitalAccuracyToChance() {
        DoubleExamples train = TrainerTest.xor(11, 600);
        DoubleExamples test = TrainerTest.xor(12, 2000);
        Network net = Trainer.train(new int[] {2, 24, 12, 2}, train, TrainingSpec.adam(0.01, "cosine", 0, 16, 40, 3),
                null);
        CalibrationSettings s = new CalibrationSettings(1e-3, 10, 13, 3, 5, 256);
        CalibrationCurve c = NoiseCalibration.measure("xor", HASH, net, test, s, null);
        double digital = net.classify(test, MvmEngine.DIGITAL, 100, null);
        assertEquals(digital, c.digitalAccuracy());
        assertTrue(digital > 0.93, "digital accuracy " + digital);
        List<CalibrationCurve.Point> p = c.points();
        assertEquals(13, p.size());
        assertEquals(1e-3, p.get(0).sigmaRel());
        assertEquals(10, p.get(12).sigmaRel());
        assertEquals(1e-2, p.get(3).sigmaRel(), 1e-15);
        assertEquals(List.of(), c.monotonicityViolations());
        assertTrue(c.startsAtDigitalAccuracy(), c.toText());
        // at sigma_rel = 10 the outputs are noise: chance level of two balanced classes
        assertEquals(0.5, p.get(12).accuracyMean(), 0.05);
        assertTrue(c.estimate(1.0) < digital - 0.05, "estimate at sigma 1: " + c.estimate(1.0));
    }

    @Test
    void measurementIsDeterministic() {
        DoubleExamples test = TrainerTest.xor(12, 300);
        Network net = Network.initialized(new int[] {2, 8, 2}, 4);
        CalibrationSettings s = new CalibrationSettings(0.01, 1, 4, 2, 9, 64);
        CalibrationCurve a = NoiseCalibration.measure("xor", HASH, net, test, s, null);
        CalibrationCurve b = NoiseCalibration.measure("xor", HASH, net, test, s, null);
        assertEquals(a, b);
    }

    @Test
    void eachPointIsTheNoisyNetworkAccuracyWithItsKeyedStream() {
        // the measurement replays the first layer's products; the straightforward evaluation must agree exactly
        DoubleExamples test = TrainerTest.xor(13, 500);
        Network net = Trainer.train(new int[] {2, 16, 2}, TrainerTest.xor(14, 300),
                TrainingSpec.adam(0.02, "constant", 0, 16, 10, 1), null);
        CalibrationSettings s = new CalibrationSettings(0.05, 2, 3, 2, 21, 64);
        CalibrationCurve c = NoiseCalibration.measure("xor", HASH, net, test, s, null);
        double[] rms = NoiseCalibration.outputRms(net, test, 64);
        for (int i = 0; i < 3; i++) {
            double[] acc = new double[2];
            for (int r = 0; r < 2; r++) {
                acc[r] = net.classify(test, GaussianMvmError.relative(MvmEngine.DIGITAL, s.sigma(i), rms,
                        KeyedRandom.stream(21, 1 + i, Purpose.TRAINING, r)), 64, null);
            }
            assertEquals(CalibrationCurve.Point.of(s.sigma(i), acc), c.points().get(i), "point " + i);
        }
    }

    @Test
    void offsetRowsAreTheNetworkWithAStaticHiddenOffsetAndTheirKeyedStreams() {
        DoubleExamples test = TrainerTest.xor(13, 500);
        Network net = Trainer.train(new int[] {2, 16, 8, 2}, TrainerTest.xor(14, 300),
                TrainingSpec.adam(0.02, "constant", 0, 16, 10, 1), null);
        CalibrationSettings s = new CalibrationSettings(0.05, 2, 4, 2, 21, 64, List.of(-0.8, 0.4), 2);
        assertArrayEquals(new int[] {0, 2, 3}, s.offsetSigmaIndices());
        CalibrationCurve c = NoiseCalibration.measure("xor", HASH, net, test, s, null);
        double[] rms = NoiseCalibration.outputRms(net, test, 64);
        assertEquals(2, c.offsetRows().size());
        for (int k = 0; k < 2; k++) {
            CalibrationCurve.OffsetRow row = c.offsetRows().get(k);
            assertEquals(s.offsets().get(k), row.offsetRel());
            double[] offset = NoiseCalibration.hiddenOffsets(row.offsetRel(), rms);
            assertEquals(0, offset[2]);
            assertEquals(row.offsetRel() * rms[1], offset[1]);
            int[] grid = s.offsetSigmaIndices();
            for (int g = 0; g < grid.length; g++) {
                int i = grid[g];
                double[] sd = {s.sigma(i) * rms[0], s.sigma(i) * rms[1], s.sigma(i) * rms[2]};
                double[] acc = new double[2];
                for (int r = 0; r < 2; r++) {
                    acc[r] = net.classify(test, new GaussianMvmError(MvmEngine.DIGITAL, sd, offset,
                            KeyedRandom.stream(21, 1 + (k + 1) * 4 + i, Purpose.TRAINING, r)), 64, null);
                }
                assertEquals(CalibrationCurve.Point.of(s.sigma(i), acc), row.points().get(g), "row " + k + " point " + g);
            }
        }
        // the offset rows change the key of the measurement, the curve without them keeps its own
        assertTrue(!s.canonicalText().equals(new CalibrationSettings(0.05, 2, 4, 2, 21, 64).canonicalText()));
        assertEquals("sigma_min=0.05\nsigma_max=2.0\npoints=4\nseeds=2\nseed=21\nbatch_size=64\n",
                new CalibrationSettings(0.05, 2, 4, 2, 21, 64).canonicalText());
    }

    @Test
    void anOffsetOnTheLastLayerNeverChangesAPrediction() {
        // the same value added to every logit leaves the arg max: why the calibration offsets hidden layers only
        DoubleExamples test = TrainerTest.xor(15, 400);
        Network net = Trainer.train(new int[] {2, 16, 2}, TrainerTest.xor(16, 300),
                TrainingSpec.adam(0.02, "constant", 0, 16, 10, 1), null);
        int[] exact = new int[400];
        int[] shifted = new int[400];
        net.classify(test, MvmEngine.DIGITAL, 50, exact);
        net.classify(test, new GaussianMvmError(MvmEngine.DIGITAL, new double[2], new double[] {0, -3.7},
                KeyedRandom.stream(1, 1, Purpose.TRAINING, 0)), 50, shifted);
        assertArrayEquals(exact, shifted);
        net.classify(test, new GaussianMvmError(MvmEngine.DIGITAL, new double[2], new double[] {-3.7, 0},
                KeyedRandom.stream(1, 1, Purpose.TRAINING, 0)), 50, shifted);
        assertTrue(!java.util.Arrays.equals(exact, shifted), "a hidden offset of -3.7 changes predictions");
    }

    @Test
    void badOffsetSettingsAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CalibrationSettings(0.05, 2, 4, 2, 21, 64,
                List.of(0.1, -0.1), 2)).getMessage().contains("strictly increasing"));
        assertThrows(IllegalArgumentException.class, () -> new CalibrationSettings(0.05, 2, 4, 2, 21, 64,
                List.of(0.0), 2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CalibrationSettings(0.05, 2, 4, 2, 21, 64,
                List.of(0.1), 0)).getMessage().contains("offset_seeds"));
    }

    @Test
    void outputRmsIsThatOfTheExactProducts() {
        DoubleExamples data = TrainerTest.xor(1, 50);
        Network net = Network.initialized(new int[] {2, 3, 2}, 4);
        double[] rms = NoiseCalibration.outputRms(net, data, 7);
        // by hand: layer 0 products x·W0 of every example
        double ss0 = 0;
        double[] x = new double[2];
        for (int i = 0; i < 50; i++) {
            data.copyFeatures(i, x, 0);
            for (int j = 0; j < 3; j++) {
                double y = x[0] * net.layer(0).weight(0, j) + x[1] * net.layer(0).weight(1, j);
                ss0 += y * y;
            }
        }
        assertEquals(Math.sqrt(ss0 / 150), rms[0], 1e-12);
        assertEquals(2, rms.length);
        assertArrayEquals(rms, NoiseCalibration.outputRms(net, data, 50), 1e-12);
    }
}
