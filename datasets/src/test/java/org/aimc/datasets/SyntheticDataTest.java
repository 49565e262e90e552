package org.aimc.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.aimc.sim.nn.DoubleExamples;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;
import org.aimc.sim.nn.Trainer;
import org.aimc.sim.nn.TrainingSpec;
import org.junit.jupiter.api.Test;

class SyntheticDataTest {
    static double[] all(Examples e) {
        double[] x = new double[e.size() * e.features()];
        for (int i = 0; i < e.size(); i++) {
            e.copyFeatures(i, x, i * e.features());
        }
        return x;
    }

    @Test
    void blobsAreAPureFunctionOfTheirArguments() {
        DoubleExamples a = SyntheticData.blobs(4, 0, 50, 6, 3, 2.0);
        DoubleExamples b = SyntheticData.blobs(4, 0, 50, 6, 3, 2.0);
        assertArrayEquals(all(a), all(b), 0.0);
        assertFalse(Arrays.equals(all(a), all(SyntheticData.blobs(5, 0, 50, 6, 3, 2.0))));
        assertFalse(Arrays.equals(all(a), all(SyntheticData.blobs(4, 1, 50, 6, 3, 2.0))));
        assertEquals(2, a.label(5));
        assertEquals(3, a.classes());
    }

    @Test
    void withinClassSpreadIsUnitAndClassesAreCentred() {
        DoubleExamples d = SyntheticData.blobs(8, 0, 6000, 4, 2, 3.0);
        // the two class means differ by more than the spread; within a class the variance is 1
        double[][] mean = new double[2][4];
        double[][] sq = new double[2][4];
        double[] x = new double[4];
        for (int i = 0; i < d.size(); i++) {
            d.copyFeatures(i, x, 0);
            for (int k = 0; k < 4; k++) {
                mean[d.label(i)][k] += x[k] / 3000;
                sq[d.label(i)][k] += x[k] * x[k] / 3000;
            }
        }
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < 4; k++) {
                double var = sq[c][k] - mean[c][k] * mean[c][k];
                // 3000 draws: the sample variance has a standard error of 2.6%
                assertEquals(1.0, var, 0.1, "class " + c + " feature " + k);
            }
        }
    }

    @Test
    void wellSeparatedBlobsAreLearnt() {
        DataSplit s = SyntheticData.blobSplit(2, 600, 600, 10, 4, 1.5);
        Network net = Trainer.train(new int[] {10, 16, 4}, s.train(), TrainingSpec.adam(0.01, "constant", 0, 32, 15, 3),
                null);
        double acc = net.classify(s.test(), MvmEngine.DIGITAL, 100, null);
        assertTrue(acc > 0.9, "test accuracy " + acc);
        assertTrue(s.checksums().startsWith("blobs=seed:2,train:600,"));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticData.blobs(1, 0, 10, 3, 1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> SyntheticData.blobs(1, -1, 10, 3, 2, 1.0));
    }
}
