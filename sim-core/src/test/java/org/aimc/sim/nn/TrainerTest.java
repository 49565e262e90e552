package org.aimc.sim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aimc.sim.config.Presets;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.spec.LayerSpec;
import org.aimc.sim.spec.WorkloadSpec;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class TrainerTest {
    /** XOR of the signs of two coordinates: not linearly separable, so the hidden layer must work. */
    static DoubleExamples xor(long seed, int n) {
        UniformRandomProvider r = KeyedRandom.stream(seed, 0, Purpose.DATA, 0);
        double[] x = new double[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double a = 2 * r.nextDouble() - 1;
            double b = 2 * r.nextDouble() - 1;
            x[2 * i] = a;
            x[2 * i + 1] = b;
            y[i] = a * b > 0 ? 1 : 0;
        }
        return new DoubleExamples(x, y, 2, 2);
    }

    @Test
    void learnsANonlinearProblem() {
        DoubleExamples train = xor(1, 400);
        DoubleExamples test = xor(2, 400);
        List<Double> losses = new ArrayList<>();
        Network net = Trainer.train(new int[] {2, 32, 2}, train, TrainingSpec.adam(0.01, "constant", 0, 16, 60, 7),
                (e, l) -> losses.add(l));
        assertEquals(60, losses.size());
        assertTrue(losses.get(59) < 0.5 * losses.get(0), "loss " + losses);
        double acc = net.classify(test, MvmEngine.DIGITAL, 64, null);
        assertTrue(acc >= 0.93, "test accuracy " + acc);
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndOtherSeedsDiffer() {
        DoubleExamples train = xor(3, 101);
        TrainingSpec spec = TrainingSpec.sgd(0.05, "cosine", 0.9, 1e-4, 8, 3, 5);
        byte[] a = NetworkCodec.encode(Trainer.train(new int[] {2, 9, 2}, train, spec, null));
        byte[] b = NetworkCodec.encode(Trainer.train(new int[] {2, 9, 2}, train, spec, null));
        assertArrayEquals(a, b);
        byte[] c = NetworkCodec.encode(Trainer.train(new int[] {2, 9, 2}, train, spec.withSeed(6), null));
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void theInitialWeightsHaveTheHeStandardDeviation() {
        Network net = Network.initialized(new int[] {400, 300}, 9);
        double[] w = net.layer(0).weights();
        double s = 0;
        double ss = 0;
        for (double v : w) {
            s += v;
            ss += v * v;
        }
        double mean = s / w.length;
        double var = ss / w.length - mean * mean;
        // 120,000 draws of N(0, 2/400): the sample variance is within 1.5% (about 4 standard errors)
        assertEquals(2.0 / 400, var, 0.015 * 2.0 / 400);
        assertEquals(0, mean, 4 * Math.sqrt(2.0 / 400 / w.length));
    }

    @Test
    void theReferenceWorkloadShape() {
        WorkloadSpec w = Presets.workload("fashion-mlp");
        assertArrayEquals(new int[] {784, 256, 128, 10}, Network.sizes(w));
        Network net = Network.forWorkload(w, 1);
        assertEquals(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10, net.parameterCount());
    }

    @Test
    void workloadsThatAreNotChainedMlpsAreRejected() {
        WorkloadSpec broken = new WorkloadSpec("x", "", "test", List.of(new LayerSpec("a", "dense", 4, 8, 1),
                new LayerSpec("b", "dense", 7, 2, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.sizes(broken));
        assertEquals("workload 'x' layer 'b' (index 1): fan_in 7 does not match the previous layer's fan_out 8",
                e.getMessage());
        WorkloadSpec conv = new WorkloadSpec("y", "", "test", List.of(new LayerSpec("c", "conv", 27, 8, 100)));
        assertThrows(IllegalArgumentException.class, () -> Network.sizes(conv));
    }

    @Test
    void dataMustFitTheNetwork() {
        Network net = Network.initialized(new int[] {3, 2}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(net, xor(1, 10), TrainingSpec.adam(0.01, "constant", 0, 4, 1, 1), MvmEngine.DIGITAL));
        assertEquals("the training data has 2 features, the network 3 inputs", e.getMessage());
    }

    @Test
    void cosineScheduleFallsFromTheRateToZero() {
        TrainingSpec s = TrainingSpec.adam(0.1, "cosine", 0, 4, 1, 1);
        assertEquals(0.1, s.learningRate(0, 100), 1e-15);
        assertEquals(0.05, s.learningRate(50, 100), 1e-15);
        assertEquals(0.0, s.learningRate(100, 100), 1e-15);
        assertEquals(0.1, TrainingSpec.adam(0.1, "constant", 0, 4, 1, 1).learningRate(77, 100));
    }
}
