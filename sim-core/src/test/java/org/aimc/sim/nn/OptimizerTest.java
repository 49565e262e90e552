package org.aimc.sim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Two steps of each optimizer against values worked out by hand from the published update rules. */
class OptimizerTest {
    @Test
    void sgdWithMomentum() {
        // mu = 0.9, eta = 0.1; v1 = g1 = (0.5, 1); p1 = (1, -2) - 0.1 v1 = (0.95, -2.1)
        // v2 = 0.9 v1 + g2 = (0.45 + 0.25, 0.9 - 1) = (0.7, -0.1); p2 = p1 - 0.1 v2 = (0.88, -2.09)
        double[][] p = {{1.0, -2.0}};
        Sgd sgd = new Sgd(0.9);
        sgd.step(p, new double[][] {{0.5, 1.0}}, 0.1);
        assertEquals(0.95, p[0][0], 1e-15);
        assertEquals(-2.1, p[0][1], 1e-15);
        sgd.step(p, new double[][] {{0.25, -1.0}}, 0.1);
        assertEquals(0.88, p[0][0], 1e-15);
        assertEquals(-2.09, p[0][1], 1e-15);
        assertEquals(2, sgd.steps());
    }

    @Test
    void plainSgd() {
        double[][] p = {{3.0}};
        Sgd sgd = new Sgd(0);
        sgd.step(p, new double[][] {{2.0}}, 0.25);
        sgd.step(p, new double[][] {{-4.0}}, 0.25);
        assertEquals(3.0 - 0.5 + 1.0, p[0][0], 1e-15);
    }

    @Test
    void adam() {
        // beta1 = 0.9, beta2 = 0.999, eps = 1e-8, eta = 0.01, p0 = 1
        // t=1, g=0.5:  m = 0.05, v = 2.5e-4, m^ = 0.5, v^ = 0.25 -> p = 1 - 0.01 * 0.5 / (0.5 + 1e-8) = 0.9900000002
        // t=2, g=-0.2: m = 0.045 - 0.02 = 0.025, v = 2.4975e-4 + 4e-5 = 2.8975e-4,
        //              m^ = 0.025 / 0.19 = 0.1315789474, v^ = 2.8975e-4 / 0.001999 = 0.1449474737,
        //              p = 0.9900000002 - 0.01 * 0.1315789474 / 0.3807203086 = 0.9865439418
        double[][] p = {{1.0}};
        Adam adam = new Adam(0.9, 0.999, 1e-8);
        adam.step(p, new double[][] {{0.5}}, 0.01);
        assertEquals(0.9900000002, p[0][0], 1e-13);
        adam.step(p, new double[][] {{-0.2}}, 0.01);
        assertEquals(0.9865439418, p[0][0], 1e-10);
    }

    @Test
    void adamStepIsScaleFreeAtTheStart() {
        // the first Adam step moves every parameter by eta * sign(g) (up to epsilon), whatever |g|
        double[][] p = {{0, 0, 0}};
        new Adam(0.9, 0.999, 1e-12).step(p, new double[][] {{1e-3, -7, 250}}, 0.5);
        assertEquals(-0.5, p[0][0], 1e-8);
        assertEquals(0.5, p[0][1], 1e-12);
        assertEquals(-0.5, p[0][2], 1e-12);
    }

    @Test
    void mismatchedArraysAreRejected() {
        Sgd sgd = new Sgd(0.5);
        assertThrows(IllegalArgumentException.class,
                () -> sgd.step(new double[][] {{1, 2}}, new double[][] {{1}}, 0.1));
        sgd.step(new double[][] {{1, 2}}, new double[][] {{1, 1}}, 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sgd.step(new double[][] {{1, 2, 3}}, new double[][] {{1, 1, 1}}, 0.1));
        assertEquals("parameter array 0 changed size from 2 to 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Adam(1.0, 0.9, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(-0.1));
    }
}
