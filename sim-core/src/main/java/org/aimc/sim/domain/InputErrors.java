package org.aimc.sim.domain;

import org.aimc.sim.accuracy.DeviceErrorStats;
import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.peripheral.DacErrors;
import org.aimc.sim.peripheral.Encoding;

/**
 * Closed-form output error of input-driver errors in domains whose column sums u_i times the stored
 * weight value (physics.md §5.3). A row whose effective input is x_i + eta_i contributes eta_i st_i, st_i
 * the stored value of the cell's weight (sum over slices 2^(b s) d_s, the offset included for offset
 * mappings, whose digital removal uses the exact input). With eta independent between rows apart from a
 * common mean: Var = M E[eta^2] E[st^2] + M (M - 1) E[eta]^2 E[st]^2.
 */
final class InputErrors {
    private InputErrors() {
    }

    static double rowSum(int rows, double etaMean, double etaSq, DeviceErrorStats st, double storedMean) {
        return rowSum(rows, etaMean, etaSq, st.storedSq, storedMean);
    }

    static double rowSum(int rows, double etaMean, double etaSq, double storedSq, double storedMean) {
        double m = rows;
        return m * etaSq * storedSq + m * (m - 1) * etaMean * etaMean * storedMean * storedMean;
    }

    /**
     * Amplitude DAC: eta(x) = inl sin(pi x / x_max) + r, r ~ N(0, dnl^2 / 2) per row and code (0 for x = 0).
     * Over inputs that are 0 with probability z and otherwise uniform on 1..n: sum_{x=1..n} sin(pi x / n)
     * = cot(pi / 2n) and sum sin^2 = n / 2 (n &ge; 2).
     */
    static double amplitudeDacVariance(TileContext c, int rows) {
        return amplitudeDacVariance(c, rows, c.deviceErrors.storedSq, ColumnSumErrors.storedMean(c));
    }

    /** As {@link #amplitudeDacVariance(TileContext, int)} with explicit moments of the stored value. */
    static double amplitudeDacVariance(TileContext c, int rows, double storedSq, double storedMean) {
        if (c.encoding() != Encoding.AMPLITUDE) {
            return 0;
        }
        DacErrors e = c.dacErrors;
        OperandStats ops = c.operands;
        int n = ops.xMax();
        double pOn = ops.ex() / ((n + 1) / 2.0);
        double sinMean = n < 2 ? 0 : pOn * (1 / Math.tan(Math.PI / (2.0 * n))) / n;
        double sinSq = n < 2 ? 0 : pOn * 0.5;
        double etaMean = e.inlLsb() * sinMean;
        double etaSq = e.inlLsb() * e.inlLsb() * sinSq + pOn * 0.5 * e.dnlSigmaLsb() * e.dnlSigmaLsb();
        return rowSum(rows, etaMean, etaSq, storedSq, storedMean);
    }

    /**
     * Static pulse-edge error of pulse-width inputs: every non-zero pulse is longer by the asymmetry plus
     * the row's static mismatch, in units of T_LSB.
     */
    static double pulseEdgeVariance(TileContext c, int rows, double tLsbS) {
        if (c.encoding() != Encoding.PULSE_WIDTH) {
            return 0;
        }
        DacErrors e = c.dacErrors;
        double pOn = Readouts.inputs(c).pOn();
        double a = e.edgeAsymmetryS() / tLsbS;
        double m = e.edgeMismatchS() / tLsbS;
        return rowSum(rows, pOn * a, pOn * (a * a + m * m), c.deviceErrors, ColumnSumErrors.storedMean(c));
    }

    /** Edge jitter of pulse-width inputs: two independent edges per non-zero pulse, fresh per evaluation. */
    static double pulseJitterVariance(TileContext c, int rows, double tLsbS) {
        if (c.encoding() != Encoding.PULSE_WIDTH) {
            return 0;
        }
        double j = c.dacErrors.jitterS() / tLsbS;
        double pOn = Readouts.inputs(c).pOn();
        return rowSum(rows, 0, pOn * 2 * j * j, c.deviceErrors, ColumnSumErrors.storedMean(c));
    }
}
