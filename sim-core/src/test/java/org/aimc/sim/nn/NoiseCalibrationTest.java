package org.aimc.sim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
