package org.aimc.sim.domain;

import java.util.Arrays;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.peripheral.AdcInstance;
import org.aimc.sim.peripheral.ColumnCalibration;
import org.aimc.sim.peripheral.DacInstance;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.peripheral.ShiftAdd;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The behavioural (tier B) MVM of one programmed tile of one chip instance, shared by every domain: inputs
 * through the input encoding (per-cycle codes u, with the driver's errors), per conversion channel the
 * row sum A = sum_i u_i a_i of the domain's static per-cell contributions a (and the read-noise variance
 * sum_i u_i^2 v_i), then the domain's transfer ({@link #transfer}: static gain and offset, saturation,
 * nonlinearity) with the read noise before it and the circuit noise after it ({@link #postVariance}: kT/C,
 * thermal, jitter; the converter's comparator noise referred to its input joins it), the channel's
 * converter ({@link AdcInstance}, range from {@link Readouts}), the per-column affine calibration, the
 * domain's digital inverse ({@link #toZ}), and the shift-and-add of slices and bit-serial cycles, the
 * digital offset removal and the drift-compensation rescale. Temporal noise of a linear transfer is drawn
 * as one Gaussian per conversion (read and circuit noise add), from the circuit-noise stream.
 *
 * <p>A channel is one converted node: slice s of logical column j, and for domains that convert each
 * device of a differential pair separately, the device (node) with its sign. Channels are numbered
 * (j · slices + s) · nodes + node; converters serve {@code adc.columns_per_adc} consecutive channels.
 *
 * <p>Subclasses (one per domain) fill {@link #contrib}, optionally the read variances, the ranges and the
 * static analog gain/offset in their constructor, then call {@link #finish} to draw the converters and
 * fit the calibration. Not thread-safe (scratch buffers); one instance per thread.
 */
public abstract class TileBehaviour {
    protected final TileContext c;
    protected final ProgrammedArray arr;
    protected final int rows;
    protected final int cols;
    protected final int slices;
    /** Converted nodes per slice: 1 when the pair is subtracted in the analog domain. */
    protected final int nodes;
    protected final int channels;
    protected final int cycles;
    protected final boolean serial;
    protected final Encoding encoding;
    protected final int xMax;
    /** Static per-cell contributions, [row][channel]. */
    protected final double[][] contrib;
    /**
     * The contributions in single precision, summed in single precision, when every sum the tile can form is
     * below 2^24 in magnitude: integer contributions (ideal devices) then sum exactly, and non-integer ones
     * with a relative rounding of ~1e-7, far below any device error. Null: double sums.
     */
    private float[][] contribF;
    private float[] accF;
    /**
     * A second static per-cell contribution, [row][channel], or null: it enters a cycle's row sums times
     * {@link #rowScale} of each row that is on, summed together with {@link #contrib} (terms of a row's input
     * that are not linear in it but factor into a row scale and a per-cell weight, e.g. a device I-V
     * nonlinearity whose factor does not depend on the conductance).
     */
    protected double[][] scaled;
    /** {@link #scaled} in single precision when the contributions are summed in single precision. */
    private float[][] scaledF;
    /** Largest sum magnitude summed in single precision (2^24, where floats stop holding every integer). */
    static final double FLOAT_EXACT = 1 << 24;
    /**
     * Read-noise variance per unit u^2, [row][channel] (single precision: it only scales noise), or null when
     * it is {@link #readScale} for every row.
     */
    protected float[][] readVar;
    /** Per channel: read-noise variance per unit u^2 when it does not depend on the row. */
    protected final double[] readScale;
    protected boolean readNoise;
    /** Converter range per channel. */
    protected final double[] lo;
    protected final double[] step;
    /** Static analog gain and offset of each channel in native units (what the calibration measures). */
    protected final double[] analogGain;
    protected final double[] analogOffset;
    /** Variance of the temporal noise each channel adds after its transfer (kT/C, thermal, jitter), native units. */
    protected final double[] postVariance;
    /**
     * True when every channel's transfer is analogGain x + analogOffset: then the read noise before it and the
     * noise after it are drawn as one Gaussian.
     */
    protected boolean linearTransfer = true;
    /**
     * True when the domain adds input-dependent terms to the row sums that no per-cell contribution holds
     * ({@link #cycleTerms}, e.g. a device I-V nonlinearity).
     */
    protected boolean hasCycleTerms;
    /**
     * Global output gain the digital back end applies after the offset removal and drift compensation (1 but
     * for a gain fitted to a known systematic error such as the device I-V nonlinearity).
     */
    protected double outputGain = 1;
    /** Duration of one input LSB of pulse-width inputs, s: set by domains that take pulse widths. */
    protected double pulseLsbS;
    /** postVariance plus the converter's comparator noise referred to its input, set by {@link #finish}. */
    private double[] noiseAfter;
    private double[] invStep;
    private AdcInstance[] chAdc;
    private double[] calGain;
    private double[] calOffset;
    private final double[] value;
    /** Scratch of {@link #linearValues}: noise variances and draws per channel. */
    private final double[] noiseScratch;
    private final double[] drawScratch;
    /** Scratch of {@link #accumulate}: the rows that are on in the cycle. */
    private final int[] activeScratch;
    /**
     * Per channel and converter code: the calibrated, inverted estimate of Z (null when not tabulated).
     * Single precision (relative 6e-8, far below a converter step) keeps the tables of all channels in cache.
     */
    private float[][] zTable;
    /** Converter codes up to which {@link #zTable} is built. */
    static final int Z_TABLE_CODES = 1024;
    /**
     * True when a channel's corrected native value is its Z estimate ({@link #toZ} is the identity);
     * domains that override {@link #toZ} set it false.
     */
    protected boolean nativeIsZ = true;
    protected final DacInstance dac;
    protected final UniformRandomProvider mismatch;
    protected final NormalizedGaussianSampler mismatchZ;
    private AdcInstance[] adcs;
    private int perAdc;
    /** Temporal noise of the current evaluation. */
    protected NormalizedGaussianSampler readZ;
    protected NormalizedGaussianSampler circuitZ;
    /** Per-cycle row aggregates: sum u, sum u^2, rows with u &gt; 0. */
    protected double sumU;
    protected double sumU2;
    protected int activeRows;
    private final double[] u;
    /** Amplitude DAC levels per row and code already computed (NaN: not yet), rows allocated on first use. */
    private double[][] levels;
    private final double[] acc;
    private final double[] accVar;
    private final double[] chWeight;
    private final int[] chCol;

    /**
     * @param nodes converted nodes per slice (1, or the devices per slice for per-device conversion)
     */
    protected TileBehaviour(TileContext c, ProgrammedArray arr, int nodes, ChipKey key) {
        this.c = c;
        this.arr = arr;
        this.rows = arr.rows;
        this.cols = arr.cols;
        this.slices = arr.slices;
        this.nodes = nodes;
        this.channels = cols * slices * nodes;
        this.cycles = c.cycles();
        this.serial = c.serial();
        this.encoding = c.encoding();
        this.xMax = c.operands.xMax();
        this.contrib = new double[rows][channels];
        this.readScale = new double[channels];
        this.lo = new double[channels];
        this.step = new double[channels];
        this.analogGain = new double[channels];
        this.analogOffset = new double[channels];
        this.postVariance = new double[channels];
        Arrays.fill(analogGain, 1);
        this.mismatch = key.stream(Purpose.CIRCUIT_MISMATCH);
        this.mismatchZ = ZigguratSampler.NormalizedGaussian.of(mismatch);
        this.dac = DacInstance.draw(c.dacErrors, encoding, c.inputBits(), rows, mismatch);
        this.u = new double[rows];
        this.acc = new double[channels];
        this.accVar = new double[channels];
        this.chWeight = new double[channels];
        this.value = new double[channels];
        this.noiseScratch = new double[channels];
        this.drawScratch = new double[channels];
        this.activeScratch = new int[rows];
        this.chCol = new int[channels];
        for (int ch = 0; ch < channels; ch++) {
            int node = ch % nodes;
            int s = (ch / nodes) % slices;
            chCol[ch] = ch / (nodes * slices);
            chWeight[ch] = arr.mapping.sliceWeight(s) * (node == 0 ? 1 : -1);
        }
    }

    /** Sets the converter range of slice {@code s}, node {@code node} of every column. */
    protected final void setRange(int s, int node, Readouts.Range r) {
        for (int j = 0; j < cols; j++) {
            lo[channel(j, s, node)] = r.lo;
            step[channel(j, s, node)] = r.step;
        }
    }

    /** Channel of (column, slice, node). */
    protected final int channel(int j, int s, int node) {
        return (j * slices + s) * nodes + node;
    }

    protected final int sliceOf(int ch) {
        return (ch / nodes) % slices;
    }

    protected final int nodeOf(int ch) {
        return ch % nodes;
    }

    protected final int columnOf(int ch) {
        return chCol[ch];
    }

    /**
     * Largest ratio of a channel's per-row read variances for which their mean stands for all of them: the
     * aggregate variance sum_i u_i^2 v_i then differs from the exact one by less than the spread over
     * sqrt(rows on), a fraction of a percent of the read-noise sigma (e.g. the series access transistor of
     * resistive division, which scales an RRAM's read noise by 0.73..1 over the levels).
     */
    static final double NEAR_UNIFORM = 1.4;

    /**
     * Sets the read-noise variance of every (row, channel) from the devices a channel reads: the
     * per-level variance of the programmed array times {@code scale(row, channel, device index)}^2 summed
     * over the channel's devices. When a channel's variances differ little from row to row
     * ({@link #NEAR_UNIFORM}), their mean stands for them and the MVM needs no per-row sum of variances.
     */
    protected final void readVariance(DeviceScale scale) {
        if (arr.noReadNoise()) {
            readNoise = false;
            return;
        }
        readNoise = true;
        float[][] v = new float[rows][channels];
        double[] lo = new double[channels];
        double[] hi = new double[channels];
        double[] mean = new double[channels];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        boolean uniform = true;
        for (int i = 0; i < rows; i++) {
            for (int ch = 0; ch < channels; ch++) {
                int j = chCol[ch];
                int s = sliceOf(ch);
                double sum = 0;
                for (int d = 0; d < arr.devices; d++) {
                    if (nodes > 1 && d != nodeOf(ch)) {
                        continue;
                    }
                    int idx = arr.index(i, j, s, d);
                    double k = scale.of(i, ch, idx);
                    sum += k * k * arr.deviceReadVariance(idx);
                }
                v[i][ch] = (float) sum;
                lo[ch] = Math.min(lo[ch], sum);
                hi[ch] = Math.max(hi[ch], sum);
                mean[ch] += sum / rows;
            }
        }
        for (int ch = 0; ch < channels; ch++) {
            if (hi[ch] > NEAR_UNIFORM * lo[ch]) {
                uniform = false;
            }
        }
        if (uniform) {
            System.arraycopy(mean, 0, readScale, 0, channels);
            readVar = null;
        } else {
            readVar = v;
        }
    }

    /** The factor by which a device's normalised read error enters a channel's contribution. */
    @FunctionalInterface
    protected interface DeviceScale {
        double of(int row, int channel, int deviceIndex);
    }

    /**
     * Draws the converters (after the domain's own mismatch draws, from the same stream) and fits the
     * per-column calibration to each channel's static transfer. Call at the end of the constructor.
     */
    protected final void finish() {
        double maxAbs = 0;
        for (double[] row : contrib) {
            for (double a : row) {
                maxAbs = Math.max(maxAbs, Math.abs(a));
            }
        }
        double maxU = serial ? 1 : xMax * 1.5; // amplitude DAC levels may exceed the code by their INL
        if (rows * maxU * maxAbs < FLOAT_EXACT) {
            contribF = new float[rows][channels];
            for (int i = 0; i < rows; i++) {
                for (int ch = 0; ch < channels; ch++) {
                    contribF[i][ch] = (float) contrib[i][ch];
                }
            }
            accF = new float[channels];
        }
        int k = c.spec.adc().columnsPerAdc();
        perAdc = k;
        int n = (channels + k - 1) / k;
        adcs = new AdcInstance[n];
        int bits = c.spec.adc().bits();
        for (int a = 0; a < n; a++) {
            adcs[a] = c.adc.ideal() ? null : AdcInstance.draw(c.adcErrors, bits, mismatchZ);
        }
        noiseAfter = new double[channels];
        invStep = new double[channels];
        chAdc = new AdcInstance[channels];
        for (int ch = 0; ch < channels; ch++) {
            AdcInstance adc = adcs[ch / perAdc];
            double cmp = adc == null ? 0 : adc.noiseLsb() * step[ch] / (1 + adc.gain());
            noiseAfter[ch] = postVariance[ch] + cmp * cmp;
            invStep[ch] = 1 / step[ch];
            chAdc[ch] = adc;
        }
        if (c.calibrated()) {
            double[] ga = new double[channels];
            double[] gb = new double[channels];
            for (int ch = 0; ch < channels; ch++) {
                AdcInstance adc = adcs[ch / perAdc];
                // references at the centres of the second and the second-to-last code: clear of the clipping
                // of the end codes (offsets, gain errors and noise of about an LSB), where the INL bow is small
                int inset = adc == null || adc.codes() < 4 ? 0 : 1;
                double v0 = adc == null ? 0 : lo[ch] + (inset + 0.5) * step[ch];
                double v1 = adc == null ? 1 : lo[ch] + (adc.codes() - 1 - inset + 0.5) * step[ch];
                double r0 = meanReading(ch, v0);
                double r1 = meanReading(ch, v1);
                ga[ch] = (r1 - r0) / (v1 - v0);
                gb[ch] = r0 - ga[ch] * v0;
            }
            ColumnCalibration calibration = ColumnCalibration.measured(ga, gb);
            calGain = new double[channels];
            calOffset = new double[channels];
            for (int ch = 0; ch < channels; ch++) {
                calOffset[ch] = calibration.apply(ch, 0);
                calGain[ch] = calibration.apply(ch, 1) - calOffset[ch];
            }
        }
        if (!nativeIsZ && adcs.length > 0 && adcs[0] != null && (1 << bits) <= Z_TABLE_CODES) {
            zTable = new float[channels][1 << bits];
            for (int ch = 0; ch < channels; ch++) {
                for (int code = 0; code < zTable[ch].length; code++) {
                    double raw = lo[ch] + (code + 0.5) * step[ch];
                    zTable[ch][code] = (float) toZ(ch, calGain == null ? raw : calGain[ch] * raw + calOffset[ch]);
                }
            }
        }
    }

    /** Half-width of the noise grid of {@link #meanReading}, standard deviations. */
    static final double READING_SPAN = 6;
    /** Points of the noise grid of {@link #meanReading}. */
    static final int READING_POINTS = 241;

    /**
     * The mean converter reading (code centre in native units) of channel {@code ch} over many conversions of
     * a constant nominal native value {@code v}: the static analog gain and offset, the channel's temporal
     * noise after the transfer ({@link #postVariance} and the comparator noise), the converter's static
     * transfer and its code. This is all a calibration can measure: temporal noise far below a step leaves a
     * quantised reading (a converter offset below half a step moves no code and is invisible), noise of a
     * step or more dithers the mean toward the continuous transfer.
     */
    private double meanReading(int ch, double v) {
        double a = analogGain[ch] * v + analogOffset[ch];
        AdcInstance adc = adcs[ch / perAdc];
        if (adc == null) {
            return a;
        }
        double sd = Math.sqrt(noiseAfter[ch]) * invStep[ch];
        double p = (a - lo[ch]) * invStep[ch];
        if (!(sd > 1e-9)) {
            return lo[ch] + (adc.code(p, 0) + 0.5) * step[ch];
        }
        // the Gaussian average of the code over a grid of the noise (trapezoid rule, weights normalised)
        double h = 2 * READING_SPAN / (READING_POINTS - 1);
        double sum = 0;
        double wsum = 0;
        for (int i = 0; i < READING_POINTS; i++) {
            double z = -READING_SPAN + i * h;
            double w = Math.exp(-0.5 * z * z);
            sum += w * adc.code(p + sd * z, 0);
            wsum += w;
        }
        return lo[ch] + (sum / wsum + 0.5) * step[ch];
    }

    /**
     * Per-cycle input codes of the rows: the bit of cycle {@code k} for bit-serial inputs, the DAC level for
     * amplitude inputs, the input code for pulse widths (with the driver's pulse errors in units of
     * {@link #pulseLsbS} when a domain sets it).
     * Writes {@code out[0..rows)}.
     */
    protected void rowInputs(int[] x, int k, double[] out) {
        if (pulseLsbS > 0 && encoding == Encoding.PULSE_WIDTH) {
            for (int i = 0; i < rows; i++) {
                out[i] = x[i];
            }
            pulseErrors(x, out, pulseLsbS);
            return;
        }
        switch (encoding) {
            case BIT_SERIAL -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = (x[i] >>> k) & 1;
                }
            }
            case AMPLITUDE -> {
                if (dac.exactLevels()) {
                    for (int i = 0; i < rows; i++) {
                        out[i] = x[i];
                    }
                } else {
                    if (levels == null) {
                        levels = new double[rows][];
                    }
                    for (int i = 0; i < rows; i++) {
                        out[i] = level(i, x[i]);
                    }
                }
            }
            default -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = x[i];
                }
            }
        }
    }

    /**
     * The amplitude DAC level of code {@code k} at {@code row} ({@link DacInstance#level}), computed once per
     * (row, code) and kept: a level is a static draw of the chip, its hash-based Gaussian costs more than the
     * row's share of the MVM.
     */
    private double level(int row, int k) {
        double[] m = levels[row];
        if (m == null) {
            m = new double[xMax + 1];
            Arrays.fill(m, Double.NaN);
            levels[row] = m;
        }
        double l = m[k];
        if (l != l) {
            l = dac.level(row, k);
            m[k] = l;
        }
        return l;
    }

    /**
     * Adds the pulse errors of pulse-width inputs to the cycle's codes {@code out}: every non-zero pulse is
     * longer by the driver's static error of its row and by the difference of two independent edge-jitter
     * draws, in units of {@code tLsbS}. Does nothing for other encodings.
     */
    private void pulseErrors(int[] x, double[] out, double tLsbS) {
        if (encoding != Encoding.PULSE_WIDTH) {
            return;
        }
        double jitter = c.dacErrors.jitterS() / tLsbS;
        for (int i = 0; i < rows; i++) {
            if (x[i] > 0) {
                double e = dac.pulseErrorS(i) / tLsbS;
                if (jitter > 0) {
                    e += jitter * (circuitZ.sample() - circuitZ.sample());
                }
                out[i] += e;
            }
        }
    }

    /**
     * The native value channel {@code ch} presents to its converter for the row sum {@code x} (read noise
     * included), before the noise it adds itself ({@link #postVariance}): static analog gain and offset,
     * saturation, the domain's nonlinearity. Called only without {@link #linearTransfer}; with it the
     * transfer is analogGain[ch] x + analogOffset[ch].
     */
    protected double transfer(int ch, double x) {
        return analogGain[ch] * x + analogOffset[ch];
    }

    /**
     * d transfer / dx at {@code x}, where the transfer is {@code value} (numerically by default; domains with a
     * closed form override it).
     */
    protected double transferSlope(int ch, double x, double value) {
        double h = SMALL_NOISE * Math.max(Math.abs(x), 1e-300);
        return (transfer(ch, x + h) - transfer(ch, x - h)) / (2 * h);
    }

    /**
     * The digital estimate of the channel's Z, before the subtraction of {@link #sumOffset} x sum u, from its
     * corrected native value, by the domain's nominal model (the identity for linear domains). Must not
     * depend on the cycle (the MVM may tabulate it per converter code).
     */
    protected double toZ(int ch, double v) {
        return v;
    }

    /**
     * A contribution every row adds per unit of its input, left out of {@link #contrib} and added to each
     * channel's row sum as rowBase x sum u (a non-integer base would spoil the exact single-precision sums
     * of ideal integer contributions).
     */
    protected double rowBase() {
        return 0;
    }

    /** True when a cycle without any row on gives no conversions (current to time: nothing crosses). */
    protected boolean silentWithoutInput() {
        return false;
    }

    /** The part of a channel's native value per unit of the cycle's input sum, removed digitally. */
    protected double sumOffset() {
        return 0;
    }

    /** The digital offset removed per unit of input sum (Q for offset mappings). */
    protected double digitalOffset() {
        return arr.mapping.offset();
    }

    /** The output rescale of the drift compensation. */
    protected double compensation() {
        return arr.compensation;
    }

    /**
     * One MVM per input vector: {@code out[v][j]} = the tile's estimate of sum_i W_ij x[v][i]. Reads
     * {@code x}; overwrites {@code out[v][0..cols)}.
     */
    final void run(int[][] x, double[][] out, NormalizedGaussianSampler readNoise,
            NormalizedGaussianSampler circuitNoise) {
        this.readZ = readNoise;
        this.circuitZ = circuitNoise;
        boolean ideal = adcs.length == 0 || adcs[0] == null;
        double offset = digitalOffset();
        double comp = compensation() * outputGain;
        for (int v = 0; v < x.length; v++) {
            int[] xv = x[v];
            double[] y = out[v];
            Arrays.fill(y, 0, cols, 0);
            for (int k = 0; k < cycles; k++) {
                rowInputs(xv, k, u);
                accumulate(xv);
                if (activeRows == 0 && silentWithoutInput()) {
                    continue;
                }
                double ck = ShiftAdd.weight(1, k, serial);
                // the channels' values at their converters: transfer and temporal noise
                if (linearTransfer) {
                    linearValues();
                } else {
                    nonlinearValues(acc, accVar, noiseAfter, value);
                }
                convert(ideal, ck, sumOffset() * sumU, y);
            }
            if (offset != 0 || comp != 1) {
                long sx = 0;
                for (int i = 0; i < rows; i++) {
                    sx += xv[i];
                }
                for (int j = 0; j < cols; j++) {
                    y[j] = comp * (y[j] - offset * sx);
                }
            }
        }
    }

    /**
     * The values of the channels of a linear transfer for this cycle into {@link #value}: the row sums through
     * the static gain and offset, and one Gaussian of the read and circuit noise. In passes: values and
     * variances (vectorisable), the draws in channel order (only where the variance is positive), then value +
     * sigma z — the arithmetic and the draws of one loop over the channels.
     */
    private void linearValues() {
        double[] sd = noiseScratch;
        double[] z = drawScratch;
        double[] v = value;
        for (int ch = 0; ch < channels; ch++) {
            double g = analogGain[ch];
            sd[ch] = g * g * accVar[ch] + noiseAfter[ch];
            v[ch] = g * acc[ch] + analogOffset[ch];
        }
        NormalizedGaussianSampler n = circuitZ;
        for (int ch = 0; ch < channels; ch++) {
            z[ch] = sd[ch] > 0 ? n.sample() : 0;
        }
        for (int ch = 0; ch < channels; ch++) {
            v[ch] += Math.sqrt(sd[ch]) * z[ch]; // + 0 where the variance is 0
        }
    }

    /**
     * The cycle's conversions of {@link #value}: per channel the converter, the calibration and the digital
     * estimate of Z (less {@code shiftZ} when it is not the native value), weighted by {@code ck} and the
     * channel's slice weight and sign into its column of {@code y}.
     */
    private void convert(boolean ideal, double ck, double shiftZ, double[] y) {
        double[] v = value;
        if (zTable != null) {
            // converter, calibration and digital inverse in one table per channel
            for (int ch = 0; ch < channels; ch++) {
                int code = chAdc[ch].code((v[ch] - lo[ch]) * invStep[ch], 0);
                y[chCol[ch]] += ck * chWeight[ch] * (zTable[ch][code] - shiftZ);
            }
            return;
        }
        boolean cal = calGain != null;
        for (int ch = 0; ch < channels; ch++) {
            double x = v[ch];
            if (!ideal) {
                int code = chAdc[ch].code((x - lo[ch]) * invStep[ch], 0);
                x = lo[ch] + (code + 0.5) * step[ch];
            }
            if (cal) {
                x = calGain[ch] * x + calOffset[ch];
            }
            y[chCol[ch]] += ck * chWeight[ch] * (nativeIsZ ? x : toZ(ch, x) - shiftZ);
        }
    }

    /**
     * The values of the channels of a nonlinear transfer for this cycle: row sums {@code sums}, read-noise
     * variances {@code pre} before the transfer and noise variances {@code after} it. Writes {@code out}.
     * Domains may override it with a loop specialised to their transfer (the same noise draws).
     */
    protected void nonlinearValues(double[] sums, double[] pre, double[] after, double[] out) {
        for (int ch = 0; ch < channels; ch++) {
            out[ch] = nonlinearValue(ch, sums[ch], pre[ch], after[ch]);
        }
    }

    /** The value of a channel with a nonlinear transfer, its read noise before and its own noise after it. */
    protected final double nonlinearValue(int ch, double sum, double pre, double after) {
        double val = transfer(ch, sum);
        if (pre > 0 && pre < SMALL_NOISE * SMALL_NOISE * sum * sum) {
            // noise far below the value: through the transfer's local slope (error O(noise^2))
            double slope = transferSlope(ch, sum, val);
            double var = slope * slope * pre + after;
            return val + Math.sqrt(var) * circuitZ.sample();
        }
        if (pre > 0) {
            val = transfer(ch, sum + Math.sqrt(pre) * readZ.sample());
        }
        return after > 0 ? val + Math.sqrt(after) * circuitZ.sample() : val;
    }

    /**
     * Row sums of the current cycle's inputs {@link #u} (from the codes {@code x}) into {@link #acc} and
     * {@link #accVar}.
     */
    private void accumulate(int[] x) {
        if (accF != null) {
            Arrays.fill(accF, 0);
        } else {
            Arrays.fill(acc, 0);
        }
        double s1 = 0;
        double s2 = 0;
        int on = 0;
        boolean perRow = readNoise && readVar != null;
        if (perRow) {
            Arrays.fill(accVar, 0);
        }
        // the rows that are on, in order, listed without a branch per row (on/off is near random)
        int[] act = activeScratch;
        int n = 0;
        for (int i = 0; i < rows; i++) {
            long b = Double.doubleToRawLongBits(u[i]) << 1; // 0 for +0 and -0
            act[n] = i;
            n += (int) ((b | -b) >>> 63);
        }
        for (int r = 0; r < n; r++) {
            int i = act[r];
            double ui = u[i];
            s1 += ui;
            s2 += ui * ui;
            on++;
            if (scaled != null) {
                addScaledRow(i, ui, rowScale(i, x[i], ui));
            } else if (accF != null) {
                float fu = (float) ui;
                float[] a = contribF[i];
                float[] sum = accF;
                for (int ch = 0; ch < channels; ch++) {
                    sum[ch] += fu * a[ch];
                }
            } else {
                double[] a = contrib[i];
                for (int ch = 0; ch < channels; ch++) {
                    acc[ch] += ui * a[ch];
                }
            }
            if (perRow) {
                double u2 = ui * ui;
                float[] rv = readVar[i];
                for (int ch = 0; ch < channels; ch++) {
                    accVar[ch] += u2 * rv[ch];
                }
            }
        }
        sumU = s1;
        sumU2 = s2;
        activeRows = on;
        double base = rowBase() * s1;
        if (accF != null) {
            for (int ch = 0; ch < channels; ch++) {
                acc[ch] = accF[ch] + base;
            }
        } else if (base != 0) {
            for (int ch = 0; ch < channels; ch++) {
                acc[ch] += base;
            }
        }
        if (readNoise && !perRow) {
            for (int ch = 0; ch < channels; ch++) {
                accVar[ch] = s2 * readScale[ch];
            }
        } else if (!readNoise) {
            Arrays.fill(accVar, 0);
        }
        if (hasCycleTerms) {
            cycleTerms(x, u, acc);
        }
    }

    /** Adds row {@code i}'s contributions times {@code ui} and its {@link #scaled} ones times {@code p}. */
    private void addScaledRow(int i, double ui, double p) {
        if (accF != null) {
            if (scaledF == null) {
                scaledF = new float[rows][];
            }
            float[] b = scaledF[i];
            if (b == null) {
                b = new float[channels];
                for (int ch = 0; ch < channels; ch++) {
                    b[ch] = (float) scaled[i][ch];
                }
                scaledF[i] = b;
            }
            float fu = (float) ui;
            float fp = (float) p;
            float[] a = contribF[i];
            float[] sum = accF;
            for (int ch = 0; ch < channels; ch++) {
                sum[ch] += fu * a[ch] + fp * b[ch];
            }
        } else {
            double[] a = contrib[i];
            double[] b = scaled[i];
            for (int ch = 0; ch < channels; ch++) {
                acc[ch] += ui * a[ch] + p * b[ch];
            }
        }
    }

    /**
     * Adds to the channels' row sums {@code acc} the terms of this cycle's row inputs {@code u} (from the input
     * codes {@code x}) that the per-cell contributions do not hold. Called when {@link #hasCycleTerms}; the
     * default adds nothing.
     */
    protected void cycleTerms(int[] x, double[] u, double[] acc) {
    }

    /**
     * The scale of row {@code row}'s {@link #scaled} contributions for input code {@code code} and cycle input
     * {@code u} (non-zero). Called only when {@link #scaled} is set; must depend on nothing but its arguments.
     */
    protected double rowScale(int row, int code, double u) {
        return 0;
    }

    /**
     * Below this ratio of noise to value a nonlinear transfer carries the read noise by its local slope
     * (a relative error of order ratio^2 in the noise variance).
     */
    static final double SMALL_NOISE = 1e-2;

    /** Read noise of one channel in this cycle: sqrt(variance) · N(0, 1), or 0. */
    protected final double readNoise(double variance) {
        return variance > 0 ? Math.sqrt(variance) * readZ.sample() : 0;
    }
}
