package org.aimc.sim.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.spec.DataSpec;
import org.junit.jupiter.api.Test;

/** The operand-model fit of {@link LayerStatistics}: exact on the model's own statistics, scaled by kappa. */
class LayerStatisticsTest {
    /** The statistics a layer drawn from the operand model itself would show (8-bit inputs). */
    static LayerStatistics of(DataSpec d, int weightBits) {
        OperandStats ops = new OperandStats(d, weightBits, 8);
        double q = ops.qMax();
        double x = ops.xMax();
        return new LayerStatistics(Math.sqrt(ops.ew2() / (q * q)), d.inputZeroFraction(), ops.ex2() / (x * x),
                ops.bitActivity(), 8);
    }

    static double power(DataSpec d, int weightBits, Encoding e) {
        OperandStats ops = new OperandStats(d, weightBits, 8);
        double in = e == Encoding.BIT_SERIAL ? ops.bitActivity() : ops.ex2();
        return in * ops.ew2();
    }

    @Test
    void theModelsOwnStatisticsFitBackToTheModel() {
        DataSpec d = new DataSpec("gaussian", 0.3, 0.6);
        for (Encoding e : new Encoding[] {Encoding.AMPLITUDE, Encoding.BIT_SERIAL, Encoding.PULSE_WIDTH}) {
            DataSpec f = of(d, 8).fit(e, 1, 8);
            assertEquals(0.3, f.weightStd(), 1e-6, e.toString());
            assertEquals(0.6, f.inputZeroFraction(), 1e-9, e.toString());
        }
    }

    @Test
    void correlationRaisesTheInputsFirstThenTheWeights() {
        DataSpec d = new DataSpec("gaussian", 0.3, 0.6);
        LayerStatistics s = of(d, 8);
        double base = power(d, 8, Encoding.AMPLITUDE);
        // kappa 2: the non-zero probability doubles (0.4 -> 0.8), the weights stay
        DataSpec k2 = s.fit(Encoding.AMPLITUDE, 2, 8);
        assertEquals(0.2, k2.inputZeroFraction(), 1e-9);
        assertEquals(0.3, k2.weightStd(), 1e-6);
        assertEquals(2 * base, power(k2, 8, Encoding.AMPLITUDE), 1e-6 * base);
        // kappa 4: no zeros left, the weights make up the remaining factor 1.6
        DataSpec k4 = s.fit(Encoding.AMPLITUDE, 4, 8);
        assertEquals(0.0, k4.inputZeroFraction(), 0.0);
        assertTrue(k4.weightStd() > 0.3);
        assertEquals(4 * base, power(k4, 8, Encoding.AMPLITUDE), 1e-6 * base);
        // beyond what the model holds: every input non-zero, weights of standard deviation 1
        DataSpec big = s.fit(Encoding.AMPLITUDE, 100, 8);
        assertEquals(0.0, big.inputZeroFraction(), 0.0);
        assertEquals(1.0, big.weightStd(), 0.0);
    }
}
