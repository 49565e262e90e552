package org.aimc.sim.accuracy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload's tier-A accuracy surrogate: network accuracy measured against the relative error
 * {@code σ_rel = sqrt(E[e²] / E[y²])} injected into every MVM output (the quantity of the
 * {@code mvm_rel_error} column), at a grid of σ_rel with several noise seeds each. {@link #estimate} maps an
 * analytic {@code mvm_rel_error} to an accuracy.
 *
 * <p>The estimate is a monotone non-increasing function of σ: the measured means are first made
 * non-increasing by weighted isotonic regression (pool-adjacent-violators, weights = seeds; Barlow et al.,
 * "Statistical Inference under Order Restrictions", 1972) and capped at the digital accuracy, then
 * interpolated in log σ by the monotone piecewise-cubic Hermite scheme of Fritsch and Butland ("A method
 * for constructing local monotone piecewise cubic interpolants", SIAM J. Sci. Stat. Comput. 5, 1984 — the
 * scheme of MATLAB's {@code pchip}, Moler, "Numerical Computing with MATLAB", §3.4). Between σ = 0 (the
 * digital accuracy) and the first grid point it is linear in σ; beyond the last grid point it stays at the
 * last fitted value, which is then an upper bound.
 *
 * <p>Immutable and serializable. {@link #toText()} and {@link #parse} give a small, exact text form.
 */
public final class CalibrationCurve implements Serializable {
    private static final long serialVersionUID = 1L;
    /**
     * Version of the text form (2: with the workload's signal statistics; 3: they may hold the bit-serial range
     * ratios; 4: offset rows may follow the points; 1 to 3 are still read).
     */
    public static final int FORMAT = 4;
    /** The line that opens an offset row in the text form: {@code offset_rel<TAB>δ}. */
    static final String OFFSET_KEY = "offset_rel";
    static final String[] COLUMNS = {"sigma_rel", "accuracy_mean", "accuracy_std", "ci95_low", "ci95_high",
        "seeds"};

    /**
     * One grid point: accuracy over {@code seeds} noise realisations at relative MVM error {@code sigmaRel}.
     *
     * @param sigmaRel     injected relative MVM error σ_rel (> 0)
     * @param accuracyMean mean accuracy over the seeds, in [0, 1]
     * @param accuracyStd  sample standard deviation over the seeds (0 for one seed)
     * @param ci95Low      lower end of the 95% confidence interval of the mean
     * @param ci95High     upper end of the 95% confidence interval of the mean
     * @param seeds        noise realisations (≥ 1)
     */
    public record Point(double sigmaRel, double accuracyMean, double accuracyStd, double ci95Low, double ci95High,
            int seeds) implements Serializable {
        public Point {
            if (!(sigmaRel > 0) || Double.isInfinite(sigmaRel)) {
                throw new IllegalArgumentException("sigma_rel must be positive and finite, got " + sigmaRel);
            }
            unit("accuracy_mean", accuracyMean);
            if (!(accuracyStd >= 0) || Double.isInfinite(accuracyStd)) {
                throw new IllegalArgumentException("accuracy_std must be finite and >= 0, got " + accuracyStd);
            }
            if (!(ci95Low <= accuracyMean && accuracyMean <= ci95High) || !Double.isFinite(ci95Low)
                    || !Double.isFinite(ci95High)) {
                throw new IllegalArgumentException("the 95% interval [" + ci95Low + ", " + ci95High
                        + "] must be finite and contain the mean " + accuracyMean);
            }
            if (seeds < 1) {
                throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
            }
        }

        /**
         * The point of a sample of accuracies: mean, sample standard deviation and the Student-t 95%
         * interval of the mean, {@code mean ± t(0.975, n-1) · std / √n} (clipped to [0, 1]).
         */
        public static Point of(double sigmaRel, double[] accuracies) {
            double[] s = sampleStatistics(accuracies);
            return new Point(sigmaRel, s[0], s[1], s[2], s[3], accuracies.length);
        }
    }

    /**
     * The accuracy at a static offset δ on every hidden layer's outputs (relative to each layer's clean RMS,
     * signed), against the fluctuating error σ ({@link org.aimc.sim.nn.NoiseCalibration}).
     *
     * @param offsetRel δ (finite, non-zero)
     * @param points    at least two points, σ strictly increasing
     */
    public record OffsetRow(double offsetRel, List<Point> points) implements Serializable {
        public OffsetRow {
            if (!Double.isFinite(offsetRel) || offsetRel == 0) {
                throw new IllegalArgumentException("offset_rel must be finite and non-zero, got " + offsetRel);
            }
            points = List.copyOf(points);
            checkGrid(points);
        }
    }

    private final String workloadId;
    private final String specHash;
    private final double digitalAccuracy;
    private final int testExamples;
    private final List<Point> points;
    /** The workload's signal statistics ({@link WorkloadSignal}), or null. */
    private final WorkloadSignal signal;
    private final double[] logSigma;
    private final double[] fitted;
    private final double[] slope;
    /** The offset rows, δ increasing (empty: none). */
    private final List<OffsetRow> offsetRows;
    /** δ of the fits below: the offset rows' and 0 (this curve's points), increasing. */
    private final double[] fitOffsets;
    /** The monotone fit of each δ of {@link #fitOffsets} (null at δ = 0: the main fit). */
    private final CalibrationCurve[] rowFits;
    /** True for a row's own fit: below the first σ it keeps the first value (the offset alone). */
    private final boolean flatBelowFirst;

    /**
     * @param workloadId      the workload measured
     * @param specHash        hash of what was measured (workload, trained weights, calibration settings)
     * @param digitalAccuracy accuracy of the exact network on the same examples, in [0, 1]
     * @param testExamples    number of examples each accuracy was measured on
     * @param points          at least two points, σ strictly increasing
     */
    public CalibrationCurve(String workloadId, String specHash, double digitalAccuracy, int testExamples,
            List<Point> points) {
        this(workloadId, specHash, digitalAccuracy, testExamples, points, null);
    }

    /**
     * As above, with the workload's signal statistics measured on the same trained network (null: none), which
     * the tier-A surrogate uses to refer an analytic error to the workload's real layer outputs
     * ({@link AccuracySurrogate}).
     */
    public CalibrationCurve(String workloadId, String specHash, double digitalAccuracy, int testExamples,
            List<Point> points, WorkloadSignal signal) {
        this(workloadId, specHash, digitalAccuracy, testExamples, points, signal, List.of(), false);
    }

    /**
     * As above, with offset rows (δ strictly increasing, none zero; empty: none), measured on the same network and
     * examples ({@link #estimate(double, double)}).
     */
    public CalibrationCurve(String workloadId, String specHash, double digitalAccuracy, int testExamples,
            List<Point> points, WorkloadSignal signal, List<OffsetRow> offsetRows) {
        this(workloadId, specHash, digitalAccuracy, testExamples, points, signal, offsetRows, false);
    }

    private CalibrationCurve(String workloadId, String specHash, double digitalAccuracy, int testExamples,
            List<Point> points, WorkloadSignal signal, List<OffsetRow> offsetRows, boolean flatBelowFirst) {
        if (workloadId == null || workloadId.isBlank() || workloadId.matches(".*\\s.*")) {
            throw new IllegalArgumentException("workload id must be non-empty without spaces, got '" + workloadId + "'");
        }
        if (specHash == null || !specHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("spec hash must be 64 lower-case hex digits, got '" + specHash + "'");
        }
        unit("digital_accuracy", digitalAccuracy);
        if (testExamples < 1) {
            throw new IllegalArgumentException("test_examples must be >= 1, got " + testExamples);
        }
        checkGrid(points);
        this.workloadId = workloadId;
        this.specHash = specHash;
        this.digitalAccuracy = digitalAccuracy;
        this.testExamples = testExamples;
        this.points = List.copyOf(points);
        this.signal = signal;
        int n = points.size();
        logSigma = new double[n];
        double[] mean = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            logSigma[i] = Math.log(points.get(i).sigmaRel());
            mean[i] = points.get(i).accuracyMean();
            weight[i] = points.get(i).seeds();
        }
        fitted = nonIncreasing(mean, weight);
        for (int i = 0; i < n; i++) {
            fitted[i] = Math.min(fitted[i], digitalAccuracy);
        }
        slope = pchipSlopes(logSigma, fitted);
        this.flatBelowFirst = flatBelowFirst;
        this.offsetRows = List.copyOf(offsetRows);
        int k = this.offsetRows.size();
        fitOffsets = new double[k + 1];
        rowFits = new CalibrationCurve[k + 1];
        int zero = 0;
        for (int i = 0; i < k; i++) {
            double d = this.offsetRows.get(i).offsetRel();
            if (i > 0 && !(d > this.offsetRows.get(i - 1).offsetRel())) {
                throw new IllegalArgumentException("offset_rel must increase strictly, but row " + i + " has " + d
                        + " after " + this.offsetRows.get(i - 1).offsetRel());
            }
            if (d < 0) {
                zero = i + 1;
            }
        }
        for (int i = 0, j = 0; i <= k; i++) {
            if (i == zero) {
                fitOffsets[i] = 0;
                continue;
            }
            OffsetRow row = this.offsetRows.get(j++);
            fitOffsets[i] = row.offsetRel();
            rowFits[i] = new CalibrationCurve(workloadId, specHash, digitalAccuracy, testExamples, row.points(), null,
                    List.of(), true);
        }
    }

    private static void checkGrid(List<Point> points) {
        if (points == null || points.size() < 2) {
            throw new IllegalArgumentException("a calibration curve needs at least 2 points");
        }
        for (int i = 1; i < points.size(); i++) {
            if (!(points.get(i).sigmaRel() > points.get(i - 1).sigmaRel())) {
                throw new IllegalArgumentException("sigma_rel must increase strictly, but point " + i + " has "
                        + points.get(i).sigmaRel() + " after " + points.get(i - 1).sigmaRel());
            }
        }
    }

    /** True when the curve has offset rows ({@link #estimate(double, double)} then tells offsets apart). */
    public boolean hasOffsets() {
        return !offsetRows.isEmpty();
    }

    /** The offset rows, δ increasing (empty: none). */
    public List<OffsetRow> offsetRows() {
        return offsetRows;
    }

    /**
     * The estimated accuracy at fluctuating relative error {@code sigma} and static hidden-layer offset
     * {@code offset} (δ): each row's monotone fit in σ ({@link #estimate(double)}; a row keeps its first value
     * below its first σ), linear in δ between the two rows around it (this curve's own points are the row δ = 0),
     * the outermost row beyond them. Without offset rows, or at δ = 0, {@link #estimate(double)}.
     *
     * @throws IllegalArgumentException for a negative or NaN σ or a non-finite δ
     */
    public double estimate(double sigma, double offset) {
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("offset must be finite, got " + offset);
        }
        if (offset == 0 || offsetRows.isEmpty()) {
            return estimate(sigma);
        }
        int n = fitOffsets.length;
        if (offset <= fitOffsets[0]) {
            return rowEstimate(0, sigma);
        }
        if (offset >= fitOffsets[n - 1]) {
            return rowEstimate(n - 1, sigma);
        }
        int i = 0;
        while (fitOffsets[i + 1] < offset) {
            i++;
        }
        double t = (offset - fitOffsets[i]) / (fitOffsets[i + 1] - fitOffsets[i]);
        return (1 - t) * rowEstimate(i, sigma) + t * rowEstimate(i + 1, sigma);
    }

    private double rowEstimate(int i, double sigma) {
        return rowFits[i] == null ? estimate(sigma) : rowFits[i].estimate(sigma);
    }

    /** The workload's signal statistics, or null when the curve was measured without them. */
    public WorkloadSignal signal() {
        return signal;
    }

    /** This curve with signal statistics {@code s}. */
    public CalibrationCurve withSignal(WorkloadSignal s) {
        return new CalibrationCurve(workloadId, specHash, digitalAccuracy, testExamples, points, s, offsetRows);
    }

    private static void unit(String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(field + " must be in [0, 1], got " + v);
        }
    }

    /**
     * The estimated accuracy at relative MVM error {@code mvmRelError} (≥ 0): the digital accuracy at 0,
     * the monotone fit within the measured range, the last fitted value above it.
     *
     * @throws IllegalArgumentException for a negative or NaN error
     */
    public double estimate(double mvmRelError) {
        if (!(mvmRelError >= 0)) {
            throw new IllegalArgumentException("mvm_rel_error must be >= 0, got " + mvmRelError);
        }
        int n = fitted.length;
        double s0 = points.get(0).sigmaRel();
        if (mvmRelError <= s0) {
            return flatBelowFirst ? fitted[0] : digitalAccuracy + (fitted[0] - digitalAccuracy) * (mvmRelError / s0);
        }
        double x = Math.log(mvmRelError);
        if (x >= logSigma[n - 1]) {
            return fitted[n - 1];
        }
        int i = 0;
        int hi = n - 1;
        while (hi - i > 1) {
            int mid = (i + hi) >>> 1;
            if (logSigma[mid] <= x) {
                i = mid;
            } else {
                hi = mid;
            }
        }
        double h = logSigma[i + 1] - logSigma[i];
        double t = (x - logSigma[i]) / h;
        double omt = 1 - t;
        double v = fitted[i] * (1 + 2 * t) * omt * omt + h * slope[i] * t * omt * omt
                + fitted[i + 1] * t * t * (3 - 2 * t) - h * slope[i + 1] * t * t * omt;
        // the Hermite form is monotone in exact arithmetic; keep rounding from leaving the bracket
        return Math.max(fitted[i + 1], Math.min(fitted[i], v));
    }

    /** The workload measured. */
    public String workloadId() {
        return workloadId;
    }

    /** Hash of what was measured (workload, trained weights, calibration settings). */
    public String specHash() {
        return specHash;
    }

    /** Accuracy of the exact digital network on the same examples. */
    public double digitalAccuracy() {
        return digitalAccuracy;
    }

    /** Number of examples each accuracy was measured on. */
    public int testExamples() {
        return testExamples;
    }

    /** The measured points, σ increasing. */
    public List<Point> points() {
        return points;
    }

    /** The monotone fit at the grid points (isotonic, capped at the digital accuracy). */
    public double[] fittedAccuracies() {
        return fitted.clone();
    }

    /**
     * Where the measurement itself contradicts "more error never helps" beyond its statistics: every pair of
     * points i < j with {@code mean_j - mean_i > sqrt(h_i² + h_j²) + 1/N}, where h are the 95% half-widths
     * and 1/N is one test example (the granularity of an accuracy, which keeps zero-width intervals at tiny
     * σ, where all seeds agree, from flagging a single flipped example). Empty for a sound curve.
     */
    public List<String> monotonicityViolations() {
        List<String> out = new ArrayList<>();
        double grain = 1.0 / testExamples;
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                Point a = points.get(i);
                Point b = points.get(j);
                double ha = (a.ci95High() - a.ci95Low()) / 2;
                double hb = (b.ci95High() - b.ci95Low()) / 2;
                if (b.accuracyMean() - a.accuracyMean() > Math.sqrt(ha * ha + hb * hb) + grain) {
                    out.add("accuracy rises from " + a.accuracyMean() + " at sigma_rel " + a.sigmaRel() + " to "
                            + b.accuracyMean() + " at sigma_rel " + b.sigmaRel());
                }
            }
        }
        return out;
    }

    /**
     * Whether the first point's 95% interval, widened by one test example, contains the digital accuracy
     * (the curve starts where ideal hardware is).
     */
    public boolean startsAtDigitalAccuracy() {
        Point first = points.get(0);
        double grain = 1.0 / testExamples;
        return first.ci95Low() - grain <= digitalAccuracy && digitalAccuracy <= first.ci95High() + grain;
    }

    /** Weighted pool-adjacent-violators fit of a non-increasing sequence. */
    static double[] nonIncreasing(double[] y, double[] w) {
        int n = y.length;
        double[] blockValue = new double[n];
        double[] blockWeight = new double[n];
        int[] blockSize = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            blockValue[blocks] = y[i];
            blockWeight[blocks] = w[i];
            blockSize[blocks] = 1;
            blocks++;
            while (blocks > 1 && blockValue[blocks - 2] < blockValue[blocks - 1]) {
                double wt = blockWeight[blocks - 2] + blockWeight[blocks - 1];
                blockValue[blocks - 2] = (blockValue[blocks - 2] * blockWeight[blocks - 2]
                        + blockValue[blocks - 1] * blockWeight[blocks - 1]) / wt;
                blockWeight[blocks - 2] = wt;
                blockSize[blocks - 2] += blockSize[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < blockSize[b]; j++) {
                out[k++] = blockValue[b];
            }
        }
        return out;
    }

    /** Fritsch–Butland derivative estimates at the knots (monotone-preserving). */
    static double[] pchipSlopes(double[] x, double[] y) {
        int n = x.length;
        double[] d = new double[n];
        double[] h = new double[n - 1];
        double[] delta = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            h[i] = x[i + 1] - x[i];
            delta[i] = (y[i + 1] - y[i]) / h[i];
        }
        if (n == 2) {
            d[0] = delta[0];
            d[1] = delta[0];
            return d;
        }
        for (int i = 1; i < n - 1; i++) {
            if (delta[i - 1] * delta[i] <= 0) {
                d[i] = 0;
            } else {
                double w1 = 2 * h[i] + h[i - 1];
                double w2 = h[i] + 2 * h[i - 1];
                d[i] = (w1 + w2) / (w1 / delta[i - 1] + w2 / delta[i]);
            }
        }
        d[0] = endSlope(h[0], h[1], delta[0], delta[1]);
        d[n - 1] = endSlope(h[n - 2], h[n - 3], delta[n - 2], delta[n - 3]);
        return d;
    }

    /** The one-sided three-point end slope, shape-preserving. */
    private static double endSlope(double h0, double h1, double del0, double del1) {
        double d = ((2 * h0 + h1) * del0 - h0 * del1) / (h0 + h1);
        if (Math.signum(d) != Math.signum(del0)) {
            return 0;
        }
        if (Math.signum(del0) != Math.signum(del1) && Math.abs(d) > Math.abs(3 * del0)) {
            return 3 * del0;
        }
        return d;
    }

    /**
     * Mean, sample standard deviation and the Student-t 95% interval of the mean of a sample of accuracies,
     * {@code mean ± t(0.975, n-1) · std / √n} clipped to [0, 1] (zero width for one value): {mean, std, low,
     * high}.
     */
    public static double[] sampleStatistics(double[] accuracies) {
        int n = accuracies.length;
        if (n < 1) {
            throw new IllegalArgumentException("need at least one accuracy");
        }
        double mean = 0;
        for (double a : accuracies) {
            mean += a;
        }
        mean /= n;
        double ss = 0;
        for (double a : accuracies) {
            ss += (a - mean) * (a - mean);
        }
        double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        double half = n > 1 ? studentT975(n - 1) * std / Math.sqrt(n) : 0;
        return new double[] {mean, std, Math.max(0, mean - half), Math.min(1, mean + half)};
    }

    /**
     * The 0.975 quantile of Student's t distribution with {@code df} degrees of freedom: exact for df = 1
     * ({@code tan(0.475 π)}) and df = 2 ({@code 0.95 / sqrt(2 · 0.975 · 0.025)}), otherwise the Cornish–Fisher
     * expansion of Abramowitz and Stegun 26.7.5 around z = 1.959963984540054 (error -3.8e-3 at df = 3, below
     * 1.1e-4 in magnitude from df = 6, below 1e-5 from df = 10).
     */
    public static double studentT975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        }
        if (df == 1) {
            return Math.tan(0.475 * Math.PI);
        }
        if (df == 2) {
            return 0.95 / Math.sqrt(2 * 0.975 * 0.025);
        }
        double z = 1.959963984540054;
        double z2 = z * z;
        double z3 = z2 * z;
        double z5 = z3 * z2;
        double z7 = z5 * z2;
        double z9 = z7 * z2;
        double g1 = (z3 + z) / 4;
        double g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
        double g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
        double g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
        double v = df;
        return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
    }

    /**
     * The text form: a comment line, {@code key<TAB>value} lines ({@code format}, {@code workload},
     * {@code spec_hash}, {@code digital_accuracy}, {@code test_examples}), a header line of the columns
     * {@code sigma_rel accuracy_mean accuracy_std ci95_low ci95_high seeds}, then one tab-separated line
     * per point. Numbers are written in Java's shortest exact form, so {@link #parse} gives back an equal
     * curve.
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("# aimc-explorer calibration curve: accuracy of ").append(workloadId)
                .append(" vs injected relative MVM error sqrt(E[e^2]/E[y^2])\n");
        sb.append("format\t").append(FORMAT).append('\n');
        sb.append("workload\t").append(workloadId).append('\n');
        sb.append("spec_hash\t").append(specHash).append('\n');
        sb.append("digital_accuracy\t").append(digitalAccuracy).append('\n');
        sb.append("test_examples\t").append(testExamples).append('\n');
        if (signal != null) {
            for (String line : signal.toLines()) {
                sb.append(line).append('\n');
            }
        }
        sb.append(String.join("\t", COLUMNS)).append('\n');
        appendPoints(sb, points);
        for (OffsetRow row : offsetRows) {
            sb.append(OFFSET_KEY).append('\t').append(row.offsetRel()).append('\n');
            appendPoints(sb, row.points());
        }
        return sb.toString();
    }

    private static void appendPoints(StringBuilder sb, List<Point> points) {
        for (Point p : points) {
            sb.append(p.sigmaRel()).append('\t').append(p.accuracyMean()).append('\t').append(p.accuracyStd())
                    .append('\t').append(p.ci95Low()).append('\t').append(p.ci95High()).append('\t')
                    .append(p.seeds()).append('\n');
        }
    }

    /**
     * Parses {@link #toText()}'s form.
     *
     * @throws IllegalArgumentException naming the line and what was expected
     */
    public static CalibrationCurve parse(String text) {
        String[] lines = text.split("\n", -1);
        int li = 0;
        while (li < lines.length && lines[li].startsWith("#")) {
            li++;
        }
        String[] keys = {"format", "workload", "spec_hash", "digital_accuracy", "test_examples"};
        String[] values = new String[keys.length];
        for (int k = 0; k < keys.length; k++, li++) {
            String[] kv = li < lines.length ? lines[li].split("\t", -1) : new String[0];
            if (kv.length != 2 || !kv[0].equals(keys[k])) {
                throw new IllegalArgumentException("calibration curve line " + (li + 1) + ": expected '" + keys[k]
                        + "<TAB>value'");
            }
            values[k] = kv[1];
        }
        if (!values[0].matches("[1-" + FORMAT + "]")) {
            throw new IllegalArgumentException("calibration curve: format " + values[0] + " is not supported (this "
                    + "version reads formats 1 to " + FORMAT + ")");
        }
        List<WorkloadSignal.Layer> signalLayers = new ArrayList<>();
        for (; li < lines.length && lines[li].startsWith("signal_layer"); li++) {
            try {
                signalLayers.add(WorkloadSignal.parseLine(lines[li]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("calibration curve line " + (li + 1) + ": " + e.getMessage(), e);
            }
        }
        if (li >= lines.length || !lines[li].equals(String.join("\t", COLUMNS))) {
            throw new IllegalArgumentException("calibration curve line " + (li + 1) + ": expected the header '"
                    + String.join(" ", COLUMNS) + "' (tab-separated)");
        }
        li++;
        List<Point> pts = new ArrayList<>();
        List<OffsetRow> rows = new ArrayList<>();
        List<Point> main = pts;
        double rowOffset = 0;
        for (; li < lines.length; li++) {
            if (lines[li].isEmpty()) {
                continue;
            }
            String[] f = lines[li].split("\t", -1);
            if (f[0].equals(OFFSET_KEY)) {
                try {
                    if (pts != main) {
                        rows.add(new OffsetRow(rowOffset, pts));
                    }
                    if (f.length != 2) {
                        throw new IllegalArgumentException("expected '" + OFFSET_KEY + "<TAB>value'");
                    }
                    rowOffset = Double.parseDouble(f[1]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("calibration curve line " + (li + 1) + ": " + e.getMessage(), e);
                }
                pts = new ArrayList<>();
                continue;
            }
            if (f.length != COLUMNS.length) {
                throw new IllegalArgumentException("calibration curve line " + (li + 1) + ": expected "
                        + COLUMNS.length + " tab-separated values, got " + f.length);
            }
            try {
                pts.add(new Point(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Integer.parseInt(f[5])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("calibration curve line " + (li + 1) + ": " + e.getMessage(), e);
            }
        }
        try {
            if (pts != main) {
                rows.add(new OffsetRow(rowOffset, pts));
            }
            return new CalibrationCurve(values[1], values[2], Double.parseDouble(values[3]),
                    Integer.parseInt(values[4]), main, signalLayers.isEmpty() ? null : new WorkloadSignal(signalLayers),
                    rows);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("calibration curve: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalibrationCurve c && c.workloadId.equals(workloadId) && c.specHash.equals(specHash)
                && Double.compare(c.digitalAccuracy, digitalAccuracy) == 0 && c.testExamples == testExamples
                && c.points.equals(points) && java.util.Objects.equals(c.signal, signal)
                && c.offsetRows.equals(offsetRows);
    }

    @Override
    public int hashCode() {
        return specHash.hashCode() * 31 + points.hashCode();
    }

    @Override
    public String toString() {
        return "CalibrationCurve[" + workloadId + ", " + points.size() + " points, digital " + digitalAccuracy + "]";
    }
}
