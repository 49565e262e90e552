package org.aimc.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aimc.sim.accuracy.CalibrationCurve;
import org.aimc.sim.nn.DenseLayer;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.GaussianMvmError;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference workload end to end on the real data (needs the Debian package dataset-fashion-mnist):
 * verified load, training of fashion-mlp into an empty cache, its digital test accuracy, ideal inference,
 * and its calibration curve.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FashionMlpIT {
    @TempDir
    static Path cache;
    static DataSplit data;
    static Recipe recipe;
    static Network net;
    static double digital;

    @BeforeAll
    static void train() {
        long t0 = System.nanoTime();
        data = FashionMnist.load();
        System.out.printf("loaded and verified Fashion-MNIST in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        recipe = Recipes.get(Recipes.FASHION_MLP);
        TrainedNetworks.Trained t = TrainedNetworks.loadOrTrain(recipe, cache, () -> data, System.out::println);
        assertFalse(t.fromCache(), "trained from scratch into an empty cache");
        net = t.network();
        digital = net.classify(data.test(), MvmEngine.DIGITAL, 500, null);
        System.out.println("digital test accuracy " + digital);
    }

    @Test
    @Order(1)
    void theDataIsFashionMnist() {
        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        assertEquals(784, data.train().features());
        // the classes are balanced: 6,000 training and 1,000 test images each (arXiv:1708.07747, section 2)
        int[] train = new int[10];
        int[] test = new int[10];
        for (int i = 0; i < 60_000; i++) {
            train[data.train().label(i)]++;
        }
        for (int i = 0; i < 10_000; i++) {
            test[data.test().label(i)]++;
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(6_000, train[c]);
            assertEquals(1_000, test[c]);
        }
    }

    @Test
    @Order(2)
    void digitalTestAccuracyReachesTheMlpBaseline() {
        assertArrayEquals(new int[] {784, 256, 128, 10}, net.sizes());
        assertTrue(digital >= 0.88, "digital test accuracy " + digital);
    }

    @Test
    @Order(3)
    void idealInferenceReproducesTheDigitalPredictions() {
        int[] exact = new int[10_000];
        net.classify(data.test(), MvmEngine.DIGITAL, 500, exact);
        int[] zeroError = new int[10_000];
        MvmEngine ideal = GaussianMvmError.relative(MvmEngine.DIGITAL, 0.0, new double[] {1, 1, 1},
                KeyedRandom.stream(1, 0, Purpose.TRAINING, 0));
        net.classify(data.test(), ideal, 137, zeroError);
        assertArrayEquals(exact, zeroError);
        assertArrayEquals(exact, ejmlPredictions(net, data.test()), "an independent product gives the same classes");
    }

    /** The forward pass with EJML's matrix products (different summation order), one matrix for all images. */
    static int[] ejmlPredictions(Network net, Examples test) {
        DMatrixRMaj a = new DMatrixRMaj(test.size(), test.features());
        for (int i = 0; i < test.size(); i++) {
            test.copyFeatures(i, a.data, i * test.features());
        }
        for (int l = 0; l < net.depth(); l++) {
            DenseLayer d = net.layer(l);
            DMatrixRMaj z = new DMatrixRMaj(test.size(), d.out());
            CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(d.in(), d.out(), d.weights()), z);
            for (int i = 0; i < test.size(); i++) {
                for (int j = 0; j < d.out(); j++) {
                    double v = z.get(i, j) + d.bias()[j];
                    z.set(i, j, l < net.depth() - 1 ? Math.max(0, v) : v);
                }
            }
            a = z;
        }
        int[] p = new int[test.size()];
        for (int i = 0; i < test.size(); i++) {
            p[i] = Network.argmax(a.data, i * a.numCols, a.numCols);
        }
        return p;
    }

    @Test
    @Order(4)
    void calibrationCurveIsMonotoneAndStartsAtTheDigitalAccuracy() {
        long t0 = System.nanoTime();
        CalibrationCurve c = Calibration.loadOrBuild(recipe, cache, () -> data, System.out::println);
        System.out.printf("calibration curve built in %.1f s%n%s", (System.nanoTime() - t0) / 1e9, c.toText());
        assertEquals(digital, c.digitalAccuracy());
        assertEquals(10_000, c.testExamples());
        assertTrue(c.points().size() >= 16);
        for (CalibrationCurve.Point p : c.points()) {
            assertTrue(p.seeds() >= 3);
        }
        assertEquals(List.of(), c.monotonicityViolations());
        assertTrue(c.startsAtDigitalAccuracy(), c.points().get(0) + " vs " + digital);
        assertEquals(digital, c.estimate(0));
        // far beyond the signal the network guesses: chance is 10% for 10 balanced classes
        assertEquals(0.1, c.points().get(c.points().size() - 1).accuracyMean(), 0.05);
        // offset rows: a small hidden-layer offset costs little, one of twice the layers' RMS silences them
        assertEquals(Recipes.OFFSETS.size(), c.offsetRows().size());
        for (CalibrationCurve.OffsetRow row : c.offsetRows()) {
            assertTrue(row.points().size() >= 8);
            assertTrue(row.points().stream().allMatch(p -> p.seeds() >= 2));
            double first = row.points().get(0).accuracyMean();
            if (Math.abs(row.offsetRel()) <= 0.06) {
                assertEquals(digital, first, 0.01, "offset " + row.offsetRel());
            }
            if (row.offsetRel() <= -2) {
                assertTrue(first < 0.2, "offset " + row.offsetRel() + ": " + first);
            }
        }
        assertEquals(c.estimate(0.3), c.estimate(0.3, 0), 0.0);
        assertTrue(c.estimate(0.1, -0.5) < c.estimate(0.1, -0.12), "a larger negative offset costs more");
        assertEquals(c, Calibration.load(recipe, cache, null).orElseThrow(), "stored in the cache");
    }
}
