package org.aimc.sim.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationCurveTest {
    static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static CalibrationCurve.Point pt(double s, double mean) {
        return new CalibrationCurve.Point(s, mean, 0.01, Math.max(0, mean - 0.02), Math.min(1, mean + 0.02), 3);
    }

    static CalibrationCurve curve() {
        // a noisy, slightly non-monotone measurement
        return new CalibrationCurve("w", HASH, 0.9, 10_000, List.of(pt(0.01, 0.9), pt(0.02, 0.92), pt(0.04, 0.8),
                pt(0.08, 0.85), pt(0.16, 0.5)));
    }

    @Test
    void poolAdjacentViolators() {
        // (0.9, 0.92) pool to 0.91; (0.8, 0.85) pool to 0.825; equal weights
        assertArrayEquals(new double[] {0.91, 0.91, 0.825, 0.825, 0.5},
                CalibrationCurve.nonIncreasing(new double[] {0.9, 0.92, 0.8, 0.85, 0.5}, new double[] {1, 1, 1, 1, 1}),
                1e-15);
        // weights: (1 x 0.5, 3 x 0.7) pool to (0.5 + 2.1) / 4 = 0.65
        assertArrayEquals(new double[] {0.65, 0.65}, CalibrationCurve.nonIncreasing(new double[] {0.5, 0.7},
                new double[] {1, 3}), 1e-15);
        // a violation that reaches back over several blocks: 0.6, 0.5, 0.4, 0.9 -> all pool to 0.6
        assertArrayEquals(new double[] {0.6, 0.6, 0.6, 0.6}, CalibrationCurve.nonIncreasing(
                new double[] {0.6, 0.5, 0.4, 0.9}, new double[] {1, 1, 1, 1}), 1e-15);
    }

    @Test
    void estimateIsMonotoneAndPassesThroughTheFit() {
        CalibrationCurve c = curve();
        // the fit is capped at the digital accuracy 0.9
        assertArrayEquals(new double[] {0.9, 0.9, 0.825, 0.825, 0.5}, c.fittedAccuracies(), 1e-15);
        double[] fit = c.fittedAccuracies();
        for (int i = 0; i < fit.length; i++) {
            assertEquals(fit[i], c.estimate(c.points().get(i).sigmaRel()), 1e-12, "grid point " + i);
        }
        double prev = c.estimate(0);
        assertEquals(0.9, prev);
        for (double s = 1e-4; s < 1; s *= 1.01) {
            double v = c.estimate(s);
            assertTrue(v <= prev + 1e-15, "not monotone at " + s + ": " + v + " after " + prev);
            assertTrue(v >= 0.5 - 1e-15 && v <= 0.9, "out of range at " + s);
            prev = v;
        }
        assertEquals(0.5, c.estimate(5.0));
        assertEquals(0.5, c.estimate(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> c.estimate(-1e-3));
        assertThrows(IllegalArgumentException.class, () -> c.estimate(Double.NaN));
    }

    @Test
    void belowTheGridTheEstimateIsLinearInSigmaFromTheDigitalAccuracy() {
        CalibrationCurve c = new CalibrationCurve("w", HASH, 0.9, 100, List.of(pt(0.01, 0.8), pt(0.1, 0.5)));
        assertEquals(0.85, c.estimate(0.005), 1e-15);
        // two points: the cubic degenerates to a straight line in log sigma
        assertEquals(0.65, c.estimate(Math.sqrt(0.01 * 0.1)), 1e-12);
    }

    @Test
    void pchipOfMonotoneDataIsMonotoneAndSmooth() {
        // a sigmoid-like decay measured on a log grid: interpolation must stay between neighbours
        List<CalibrationCurve.Point> pts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            double s = 1e-3 * Math.pow(10, i / 5.0);
            double acc = 0.1 + 0.8 / (1 + Math.pow(s / 0.1, 2));
            pts.add(new CalibrationCurve.Point(s, acc, 0, acc, acc, 3));
        }
        CalibrationCurve c = new CalibrationCurve("w", HASH, 0.9, 100, pts);
        for (int i = 0; i + 1 < pts.size(); i++) {
            double s0 = pts.get(i).sigmaRel();
            double s1 = pts.get(i + 1).sigmaRel();
            double mid = Math.sqrt(s0 * s1);
            double v = c.estimate(mid);
            assertTrue(v <= pts.get(i).accuracyMean() && v >= pts.get(i + 1).accuracyMean(), "interval " + i);
            double truth = 0.1 + 0.8 / (1 + Math.pow(mid / 0.1, 2));
            assertEquals(truth, v, 0.01, "interpolation error at " + mid);
        }
    }

    @Test
    void violationsOfMonotonicityBeyondTheIntervalsAreReported() {
        // half-widths 0.02: a rise of 0.02 (0.9 -> 0.92) is within sqrt(2) * 0.02 + 1e-4 = 0.0284, 0.05 is not
        assertEquals(List.of("accuracy rises from 0.8 at sigma_rel 0.04 to 0.85 at sigma_rel 0.08"),
                curve().monotonicityViolations());
        CalibrationCurve bad = new CalibrationCurve("w", HASH, 0.9, 10_000, List.of(pt(0.01, 0.9), pt(0.02, 0.7),
                pt(0.04, 0.8)));
        assertEquals(List.of("accuracy rises from 0.7 at sigma_rel 0.02 to 0.8 at sigma_rel 0.04"),
                bad.monotonicityViolations());
        assertTrue(bad.startsAtDigitalAccuracy());
        CalibrationCurve low = new CalibrationCurve("w", HASH, 0.95, 10_000, List.of(pt(0.01, 0.9), pt(0.02, 0.7)));
        assertTrue(!low.startsAtDigitalAccuracy());
    }

    static CalibrationCurve withOffsets() {
        List<CalibrationCurve.OffsetRow> rows = List.of(
                new CalibrationCurve.OffsetRow(-0.5, List.of(pt(0.01, 0.6), pt(0.04, 0.5), pt(0.16, 0.3))),
                new CalibrationCurve.OffsetRow(-0.1, List.of(pt(0.01, 0.88), pt(0.04, 0.78), pt(0.16, 0.45))),
                new CalibrationCurve.OffsetRow(0.2, List.of(pt(0.01, 0.8), pt(0.04, 0.75), pt(0.16, 0.4))));
        CalibrationCurve c = curve();
        return new CalibrationCurve("w", HASH, 0.9, 10_000, c.points(), null, rows);
    }

    @Test
    void offsetRowsInterpolateLinearlyInTheOffsetAndClampBeyondThem() {
        CalibrationCurve c = withOffsets();
        CalibrationCurve plain = curve();
        assertTrue(c.hasOffsets());
        assertTrue(!plain.hasOffsets());
        for (double s : new double[] {0, 0.005, 0.01, 0.03, 0.1, 0.16, 1}) {
            // offset 0 is the curve's own points; without rows the offset is ignored
            assertEquals(plain.estimate(s), c.estimate(s, 0), 0.0);
            assertEquals(plain.estimate(s), plain.estimate(s, -0.3), 0.0);
            // a row passes through its own (monotone) fit; below its first sigma it keeps its first value
            CalibrationCurve row = new CalibrationCurve("w", HASH, 0.9, 10_000, c.offsetRows().get(1).points());
            double expected = s <= 0.01 ? 0.88 : row.estimate(s);
            assertEquals(expected, c.estimate(s, -0.1), 1e-12, "sigma " + s);
            // halfway between the rows -0.5 and -0.1, a quarter of the way from -0.1 to 0
            assertEquals((c.estimate(s, -0.5) + c.estimate(s, -0.1)) / 2, c.estimate(s, -0.3), 1e-12);
            assertEquals(0.75 * c.estimate(s, -0.1) + 0.25 * c.estimate(s, 0), c.estimate(s, -0.075), 1e-12);
            // beyond the outermost rows: the outermost rows
            assertEquals(c.estimate(s, -0.5), c.estimate(s, -3), 0.0);
            assertEquals(c.estimate(s, 0.2), c.estimate(s, 5), 0.0);
        }
        assertEquals(0.6, c.estimate(0, -0.5), 0.0);
        assertEquals(0.5, c.estimate(0.04, -0.5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> c.estimate(0.1, Double.NaN));
    }

    @Test
    void offsetRowsRoundTripThroughTheText() {
        CalibrationCurve c = withOffsets();
        String text = c.toText();
        assertTrue(text.contains("\noffset_rel\t-0.5\n0.01\t0.6\t"), text);
        CalibrationCurve back = CalibrationCurve.parse(text);
        assertEquals(c, back);
        assertEquals(text, back.toText());
        assertTrue(!c.equals(curve()));
        assertEquals(c.offsetRows(), c.withSignal(null).offsetRows());
        // a format-3 text (no rows) still reads
        String old = curve().toText().replace("format\t" + CalibrationCurve.FORMAT, "format\t3");
        assertEquals(curve(), CalibrationCurve.parse(old));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CalibrationCurve.parse(
                text.replace("offset_rel\t-0.1", "offset_rel\t0"))).getMessage()
                .contains("offset_rel must be finite and non-zero"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CalibrationCurve.parse(
                text.replace("offset_rel\t0.2", "offset_rel\t-0.2"))).getMessage()
                .contains("offset_rel must increase strictly"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CalibrationCurve.parse(
                text.replace("offset_rel\t0.2", "offset_rel\tx"))).getMessage()
                .startsWith("calibration curve line "));
    }

    @Test
    void textRoundTripIsExact() {
        CalibrationCurve c = curve();
        CalibrationCurve back = CalibrationCurve.parse(c.toText());
        assertEquals(c, back);
        assertEquals(c.toText(), back.toText());
        assertTrue(c.toText().contains("sigma_rel\taccuracy_mean\taccuracy_std\tci95_low\tci95_high\tseeds\n"));
    }

    @Test
    void parseErrorsSayWhere() {
        String text = curve().toText();
        assertEquals("calibration curve line 2: expected 'format<TAB>value'", assertThrows(
                IllegalArgumentException.class, () -> CalibrationCurve.parse(text.replace("format\t", "fmt\t")))
                .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CalibrationCurve.parse(text.replace("format\t" + CalibrationCurve.FORMAT, "format\t9"))).getMessage()
                .contains("format 9 is not supported"));
        String badRow = text.replace("\t0.5\t", "\tx\t");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CalibrationCurve.parse(badRow)).getMessage()
                .startsWith("calibration curve line 12:"));
        String shortRow = text.substring(0, text.length() - 3) + "\n";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CalibrationCurve.parse(shortRow)).getMessage()
                .contains("expected 6 tab-separated values"));
    }

    @Test
    void invalidCurvesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CalibrationCurve("w", HASH, 0.9, 10,
                List.of(pt(0.1, 0.8), pt(0.1, 0.7))));
        assertThrows(IllegalArgumentException.class, () -> new CalibrationCurve("w", "abc", 0.9, 10,
                List.of(pt(0.1, 0.8), pt(0.2, 0.7))));
        assertThrows(IllegalArgumentException.class, () -> new CalibrationCurve("w", HASH, 1.2, 10,
                List.of(pt(0.1, 0.8), pt(0.2, 0.7))));
        assertThrows(IllegalArgumentException.class, () -> new CalibrationCurve.Point(0.1, 0.5, 0, 0.6, 0.7, 3));
        assertThrows(IllegalArgumentException.class, () -> new CalibrationCurve.Point(0, 0.5, 0, 0.5, 0.5, 3));
    }

    @Test
    void pointOfASample() {
        CalibrationCurve.Point p = CalibrationCurve.Point.of(0.1, new double[] {0.80, 0.82, 0.84});
        assertEquals(0.82, p.accuracyMean(), 1e-15);
        assertEquals(0.02, p.accuracyStd(), 1e-15);
        // t(0.975, 2) = 4.302652730 (exact: 0.95 / sqrt(2 * 0.975 * 0.025))
        double half = 4.302652729749464 * 0.02 / Math.sqrt(3);
        assertEquals(0.82 - half, p.ci95Low(), 1e-12);
        assertEquals(0.82 + half, p.ci95High(), 1e-12);
        CalibrationCurve.Point one = CalibrationCurve.Point.of(0.1, new double[] {0.7});
        assertEquals(0.7, one.ci95Low());
        assertEquals(0.7, one.ci95High());
    }

    @Test
    void studentTQuantilesAgainstTables() {
        // two-sided 95% critical values of Student's t (NIST/SEMATECH e-Handbook of Statistical Methods,
        // table 1.3.6.7.2, given there to 3 decimals; more digits from the exact quantile function)
        assertEquals(12.706204736, CalibrationCurve.studentT975(1), 1e-8);
        assertEquals(4.302652730, CalibrationCurve.studentT975(2), 1e-8);
        assertEquals(3.182446305, CalibrationCurve.studentT975(3), 4e-3);
        assertEquals(2.570581836, CalibrationCurve.studentT975(5), 3e-4);
        assertEquals(2.228138852, CalibrationCurve.studentT975(10), 1e-5);
        assertEquals(2.042272456, CalibrationCurve.studentT975(30), 1e-7);
        assertThrows(IllegalArgumentException.class, () -> CalibrationCurve.studentT975(0));
    }
}
