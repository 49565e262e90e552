package org.aimc.sim.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gain, signal-correlation and per-layer parts of the tier-A surrogate, against closed forms. */
class AccuracySurrogateTest {
    static WorkloadSignal.Layer layer(int fanIn, double w2, double kappa) {
        return new WorkloadSignal.Layer(fanIn, w2, Collections.nCopies(WorkloadSignal.LOG2_MAX
                - WorkloadSignal.LOG2_MIN + 1, kappa));
    }

    @Test
    void aGainIsSetAsideAndTheRestReferredToTheGainedSignal() {
        // y' = (1 + g) y + n with g = -0.2 and E[n^2] = 0.01 S: E[e^2] = g^2 S + 0.01 S, E[e y] = g S
        double s = 1000;
        ErrorBudget b = new ErrorBudget().signalPower(s);
        b.add(ErrorSource.DRIFT, 0.04 * s + 0.01 * s);
        b.addSignalCovariance(-0.2 * s);
        assertEquals(-0.2, b.gain(), 1e-15);
        assertEquals(Math.sqrt(0.05), b.relativeError(), 1e-15);
        assertEquals(0.1 / 0.8, b.effectiveRelativeError(), 1e-12);
        // without covariance the effective error is the relative error
        ErrorBudget c = new ErrorBudget().signalPower(s).add(ErrorSource.ADC, 0.09 * s);
        assertEquals(c.relativeError(), c.effectiveRelativeError(), 0.0);
        assertEquals(0.0, c.gain(), 0.0);
        // a gain that removes the signal
        ErrorBudget d = new ErrorBudget().signalPower(s).add(ErrorSource.DRIFT, s);
        d.addSignalCovariance(-s);
        assertEquals(Double.POSITIVE_INFINITY, d.effectiveRelativeError());
        assertEquals(Double.POSITIVE_INFINITY, AccuracySurrogate.sigma(d, 0, null, 256, 0.1, true));
        assertThrows(IllegalStateException.class, () -> c.addSignalCovariance(Double.NaN));
    }

    @Test
    void withoutSignalStatisticsOnlyTheGainAndTheOperandsCount() {
        ErrorBudget b = new ErrorBudget().signalPower(4).add(ErrorSource.PROGRAMMING, 0.04).add(ErrorSource.ADC,
                0.0225);
        assertEquals(Math.hypot(b.effectiveRelativeError(), 0.03), AccuracySurrogate.sigma(b, 0.03, null, 128, 0.1,
                true), 1e-15);
    }

    @Test
    void independentErrorsShrinkWithTheSignalCorrelationAndConverterErrorsFollowTheRange() {
        double s = 100;
        ErrorBudget b = new ErrorBudget().signalPower(s).add(ErrorSource.READ_NOISE, 0.04 * s)
                .add(ErrorSource.ADC, 0.01 * s);
        double w2 = 0.1;
        // one layer with kappa 4 and the model's weight spread: f = 4
        WorkloadSignal one = new WorkloadSignal(List.of(layer(512, w2, 4)));
        assertEquals(4.0, AccuracySurrogate.factor(one.layers().get(0), 256, w2), 1e-15);
        double sigmaRule = AccuracySurrogate.sigma(b, 0.02, one, 256, w2, true);
        assertEquals(Math.sqrt(0.04 / 4 + 0.01 + 0.02 * 0.02 / 4), sigmaRule, 1e-12);
        double maxRule = AccuracySurrogate.sigma(b, 0.02, one, 256, w2, false);
        assertEquals(Math.sqrt((0.04 + 0.01) / 4 + 0.02 * 0.02 / 4), maxRule, 1e-12);
        // real weights twice the model's mean square: f doubles
        WorkloadSignal wide = new WorkloadSignal(List.of(layer(512, 2 * w2, 4)));
        assertEquals(8.0, AccuracySurrogate.factor(wide.layers().get(0), 256, w2), 1e-12);
        // two layers: root mean square of their errors
        WorkloadSignal two = new WorkloadSignal(List.of(layer(512, w2, 4), layer(512, w2, 1)));
        double l1 = 0.04 / 4 + 0.01;
        double l2 = 0.04 + 0.01;
        assertEquals(Math.sqrt((l1 + l2) / 2), AccuracySurrogate.sigma(b, 0, two, 256, w2, true), 1e-12);
    }

    @Test
    void theStaticErrorIsKeptApartAsTheHiddenLayersOffset() {
        // a budget whose converter error (0.01 S) holds a static mean error of -0.06 sqrt(S): 0.0036 S of it
        double s = 100;
        ErrorBudget b = new ErrorBudget().signalPower(s).add(ErrorSource.READ_NOISE, 0.04 * s)
                .add(ErrorSource.ADC_NONLINEARITY, 0.01 * s).addStaticError(-0.06 * Math.sqrt(s));
        double w2 = 0.1;
        // three layers with f = 4, 1, 2 (the last one's offset does not count)
        WorkloadSignal three = new WorkloadSignal(List.of(layer(512, w2, 4), layer(512, w2, 1), layer(512, w2, 2)));
        // not kept apart: exactly sigma()
        AccuracySurrogate.Lookup same = AccuracySurrogate.lookup(b, 0.02, three, 256, w2, true, 0, false);
        assertEquals(AccuracySurrogate.sigma(b, 0.02, three, 256, w2, true), same.sigma(), 0.0);
        assertEquals(0.0, same.offset(), 0.0);
        // range-following converters: the fluctuating part keeps 0.01 - 0.0036, the offset its relative size
        AccuracySurrogate.Lookup r = AccuracySurrogate.lookup(b, 0.02, three, 256, w2, true, 0, true);
        double fresh = 0.0064;
        double op = 0.02 * 0.02;
        assertEquals(Math.sqrt(((0.04 / 4 + fresh + op / 4) + (0.04 + fresh + op) + (0.04 / 2 + fresh + op / 2)) / 3),
                r.sigma(), 1e-12);
        assertEquals(-0.06, r.offset(), 1e-12);
        // a fixed range: the offset is referred to each layer's signal like the other errors, rms over layers 0, 1
        AccuracySurrogate.Lookup m = AccuracySurrogate.lookup(b, 0, three, 256, w2, false, 0, true);
        assertEquals(-Math.sqrt((0.0036 / 4 + 0.0036) / 2), m.offset(), 1e-12);
        assertEquals(Math.sqrt(((0.0464 / 4) + 0.0464 + 0.0464 / 2) / 3), m.sigma(), 1e-12);
        // bit-serial points scale the offset like the range-following variances (square root of the ratio)
        double[] ratios = new double[WorkloadSignal.MAX_INPUT_BITS];
        java.util.Arrays.fill(ratios, 2 * AccuracySurrogate.modelBitSerialRatio(8));
        WorkloadSignal bs = three.withBitSerialRatios(new double[][] {ratios, ratios, ratios});
        assertEquals(-0.06 * Math.sqrt(2), AccuracySurrogate.lookup(b, 0, bs, 256, w2, true, 8, true).offset(), 1e-12);
        // one layer: no hidden layer, no offset
        WorkloadSignal one = new WorkloadSignal(List.of(layer(512, w2, 4)));
        assertEquals(0.0, AccuracySurrogate.lookup(b, 0, one, 256, w2, true, 0, true).offset(), 0.0);
        // the static error is part of the budget's state
        ErrorBudget copy = new ErrorBudget().restore(b.snapshot());
        assertEquals(b.staticError(), copy.staticError(), 0.0);
        assertEquals(0.0, copy.clear().staticError(), 0.0);
        assertThrows(IllegalStateException.class, () -> copy.addStaticError(Double.NaN));
    }

    @Test
    void bitSerialPointsScaleTheirRangeFollowingConverterErrorsByTheLayersRangeRatio() {
        // the operand model's ratio from its own moments (OperandStats), any zero fraction
        for (int bits : new int[] {1, 2, 4, 8, 12}) {
            for (double z : new double[] {0, 0.3, 0.9}) {
                OperandStats ops = new OperandStats(new org.aimc.sim.spec.DataSpec("gaussian", 0.3, z), 4, bits);
                double xm = ops.xMax();
                assertEquals(ops.bitActivity() / (ops.ex2() / (xm * xm)), AccuracySurrogate.modelBitSerialRatio(bits),
                        1e-12, bits + " bits, zero fraction " + z);
            }
        }
        // a synthetic layer whose codes are known: 4-bit codes, 3/4 zero and 1/4 equal to 1 (x_max = 15):
        // bit 0 is 1 with probability 1/4, E[x^2]/x_max^2 = (1/4)/225, rho = 225
        double rho = 0.25 / (0.25 / 225);
        double s = 100;
        ErrorBudget b = new ErrorBudget().signalPower(s).add(ErrorSource.READ_NOISE, 0.04 * s)
                .add(ErrorSource.ADC, 0.01 * s).add(ErrorSource.ADC_NOISE, 0.002 * s);
        double w2 = 0.1;
        double[] r = new double[WorkloadSignal.MAX_INPUT_BITS];
        java.util.Arrays.fill(r, 2.0);
        r[3] = rho;
        WorkloadSignal one = new WorkloadSignal(List.of(layer(512, w2, 4))).withBitSerialRatios(new double[][] {r});
        double model = 3.0 * 15 / 31;
        assertEquals(rho / model, AccuracySurrogate.bitSerialRangeFactor(one.layers().get(0), 4), 1e-12);
        assertEquals(Math.sqrt(0.04 / 4 + 0.012 * rho / model + 0.02 * 0.02 / 4),
                AccuracySurrogate.sigma(b, 0.02, one, 256, w2, true, 4), 1e-12);
        // not bit-serial, or a fixed range: the ratio plays no part
        assertEquals(AccuracySurrogate.sigma(b, 0.02, one, 256, w2, true),
                AccuracySurrogate.sigma(b, 0.02, one, 256, w2, true, 0), 0.0);
        assertEquals(Math.sqrt(0.04 / 4 + 0.012 + 0.02 * 0.02 / 4), AccuracySurrogate.sigma(b, 0.02, one, 256, w2,
                true, 0), 1e-12);
        assertEquals(AccuracySurrogate.sigma(b, 0.02, one, 256, w2, false, 0),
                AccuracySurrogate.sigma(b, 0.02, one, 256, w2, false, 4), 0.0);
        // a layer without measured ratios: factor 1
        assertEquals(1.0, AccuracySurrogate.bitSerialRangeFactor(layer(512, w2, 4), 4), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new WorkloadSignal.Layer(10, 0.1,
                one.layers().get(0).kappa(), List.of(1.0, 2.0)));
    }

    @Test
    void kappaIsInterpolatedInLog2RowsAndHeldBeyondTheFanIn() {
        List<Double> k = new ArrayList<>();
        for (int t = WorkloadSignal.LOG2_MIN; t <= WorkloadSignal.LOG2_MAX; t++) {
            k.add(1.0 + t);
        }
        WorkloadSignal.Layer l = new WorkloadSignal.Layer(300, 0.1, k);
        assertEquals(1.0 + 3, l.kappa(8), 1e-15);
        assertEquals(1.0 + 3, l.kappa(2), 1e-15, "below the table: its first value");
        assertEquals(1.0 + 7.5, l.kappa((int) Math.round(Math.pow(2, 7.5))), 1e-3);
        assertEquals(l.kappa(300), l.kappa(2048), 0.0, "blocks beyond the fan-in are the whole fan-in");
        assertEquals(1 + Math.log(300) / Math.log(2), l.kappa(300), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new WorkloadSignal.Layer(10, 0.1, List.of(1.0)));
        assertThrows(IllegalArgumentException.class, () -> new WorkloadSignal.Layer(10, 0, k));
    }

    @Test
    void theCurveCarriesItsSignalStatisticsThroughItsTextForm() {
        List<CalibrationCurve.Point> pts = List.of(CalibrationCurve.Point.of(0.01, new double[] {0.9, 0.91}),
                CalibrationCurve.Point.of(0.1, new double[] {0.8, 0.82}));
        CalibrationCurve plain = new CalibrationCurve("w", "ab".repeat(32), 0.91, 100, pts);
        List<Double> k = new ArrayList<>();
        for (int t = WorkloadSignal.LOG2_MIN; t <= WorkloadSignal.LOG2_MAX; t++) {
            k.add(1.0 / 3 + t);
        }
        CalibrationCurve withSignal = plain.withSignal(new WorkloadSignal(List.of(new WorkloadSignal.Layer(784, 0.0746,
                k), new WorkloadSignal.Layer(256, 0.1, k))));
        assertEquals(withSignal, CalibrationCurve.parse(withSignal.toText()));
        assertEquals(plain, CalibrationCurve.parse(plain.toText()));
        // a curve written in format 1 still reads
        String v1 = plain.toText().replace("format\t" + CalibrationCurve.FORMAT, "format\t1");
        assertEquals(plain, CalibrationCurve.parse(v1));
        // format 2 (signal statistics without bit-serial range ratios) still reads
        String v2 = withSignal.toText().replace("format\t" + CalibrationCurve.FORMAT, "format\t2");
        assertEquals(withSignal, CalibrationCurve.parse(v2));
        assertTrue(!withSignal.signal().hasBitSerialRatios());
        // the ratios survive the text form exactly
        double[][] ratios = new double[2][WorkloadSignal.MAX_INPUT_BITS];
        for (int l = 0; l < 2; l++) {
            for (int b = 0; b < ratios[l].length; b++) {
                ratios[l][b] = 1.0 / 7 + l + b;
            }
        }
        CalibrationCurve withRatios = withSignal.withSignal(withSignal.signal().withBitSerialRatios(ratios));
        CalibrationCurve back = CalibrationCurve.parse(withRatios.toText());
        assertEquals(withRatios, back);
        assertTrue(back.signal().hasBitSerialRatios());
        assertEquals(1.0 / 7 + 1 + 7, back.signal().layers().get(1).bitSerialRatio(8), 0.0);
        assertTrue(withSignal.toText().contains("signal_layer\t784\t0.0746\t"));
    }
}
