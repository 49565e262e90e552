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
 * sum_i u_i^2 v_i), then the domain's analog physics ({@link #analog}: read noise, circuit noise, static
 * gain and offset, saturation), the channel's converter ({@link AdcInstance}, range from {@link Readouts}),
 * the per-column affine calibration, the domain's digital inverse ({@link #toZ}), and the shift-and-add of
 * slices and bit-serial cycles, the digital offset removal and the drift-compensation rescale.
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
    /** Read-noise variance per unit u^2, [row][channel], or null when it is {@link #readScale} for every row. */
    protected double[][] readVar;
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
    /** postVariance plus the converter's comparator noise referred to its input, set by {@link #finish}. */
    private double[] noiseAfter;
    protected final DacInstance dac;
    protected final UniformRandomProvider mismatch;
    protected final NormalizedGaussianSampler mismatchZ;
    private AdcInstance[] adcs;
    private int perAdc;
    private ColumnCalibration calibration;
    /** Temporal noise of the current evaluation. */
    protected NormalizedGaussianSampler readZ;
    protected NormalizedGaussianSampler circuitZ;
    /** Per-cycle row aggregates: sum u, sum u^2, rows with u &gt; 0. */
    protected double sumU;
    protected double sumU2;
    protected int activeRows;
    private final double[] u;
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
        this.chCol = new int[channels];
        for (int ch = 0; ch < channels; ch++) {
            int node = ch % nodes;
            int s = (ch / nodes) % slices;
            chCol[ch] = ch / (nodes * slices);
            chWeight[ch] = arr.mapping.sliceWeight(s) * (node == 0 ? 1 : -1);
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
     * Sets the read-noise variance of every (row, channel) from the devices a channel reads: the
     * per-level variance of the programmed array times {@code scale(row, channel, device index)}^2 summed
     * over the channel's devices. Detects the common case of a variance that does not depend on the row.
     */
    protected final void readVariance(DeviceScale scale) {
        if (arr.noReadNoise()) {
            readNoise = false;
            return;
        }
        readNoise = true;
        double[][] v = new double[rows][channels];
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
                    sum += k * k * arr.readVariance(arr.level(idx));
                }
                v[i][ch] = sum;
                if (sum != v[0][ch]) {
                    uniform = false;
                }
            }
        }
        if (uniform) {
            System.arraycopy(v[0], 0, readScale, 0, channels);
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
        int k = c.spec.adc().columnsPerAdc();
        perAdc = k;
        int n = (channels + k - 1) / k;
        adcs = new AdcInstance[n];
        int bits = c.spec.adc().bits();
        for (int a = 0; a < n; a++) {
            adcs[a] = c.adc.ideal() ? null : AdcInstance.draw(c.adcErrors, bits, mismatchZ);
        }
        noiseAfter = new double[channels];
        for (int ch = 0; ch < channels; ch++) {
            AdcInstance adc = adcs[ch / perAdc];
            double cmp = adc == null ? 0 : adc.noiseLsb() * step[ch] / (1 + adc.gain());
            noiseAfter[ch] = postVariance[ch] + cmp * cmp;
        }
        if (c.calibrated()) {
            double[] ga = new double[channels];
            double[] gb = new double[channels];
            for (int ch = 0; ch < channels; ch++) {
                double r0 = staticTransfer(ch, 0);
                double r1 = staticTransfer(ch, 1);
                ga[ch] = r1 - r0;
                gb[ch] = r0;
            }
            calibration = ColumnCalibration.measured(ga, gb);
        }
    }

    /** Noise-free, unquantised converter output of channel {@code ch} for a nominal native value {@code v}. */
    private double staticTransfer(int ch, double v) {
        double a = analogGain[ch] * v + analogOffset[ch];
        AdcInstance adc = adcs[ch / perAdc];
        if (adc == null) {
            return a;
        }
        return lo[ch] + step[ch] * adc.affine((a - lo[ch]) / step[ch]);
    }

    /**
     * Per-cycle input codes of the rows: the bit of cycle {@code k} for bit-serial inputs, the DAC level for
     * amplitude inputs, the input code for pulse widths. Domains with pulse-edge errors override it.
     * Writes {@code out[0..rows)}.
     */
    protected void rowInputs(int[] x, int k, double[] out) {
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
                    for (int i = 0; i < rows; i++) {
                        out[i] = dac.level(i, x[i]);
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
     * Adds the pulse errors of pulse-width inputs to the cycle's codes {@code out}: every non-zero pulse is
     * longer by the driver's static error of its row and by the difference of two independent edge-jitter
     * draws, in units of {@code tLsbS}. Does nothing for other encodings.
     */
    protected final void pulseErrors(int[] x, double[] out, double tLsbS) {
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
     * saturation, the domain's nonlinearity. With {@link #linearTransfer} it must be
     * analogGain[ch] x + analogOffset[ch].
     */
    protected abstract double transfer(int ch, double x);

    /**
     * The digital estimate of the channel's Z (the slice sum it stands for) from its corrected native
     * value, by the domain's nominal model (the identity for linear domains). {@link #sumU} and friends hold
     * the cycle's row aggregates.
     */
    protected double toZ(int ch, double v) {
        return v;
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
        boolean calibrate = calibration != null;
        double offset = digitalOffset();
        double comp = compensation();
        for (int v = 0; v < x.length; v++) {
            int[] xv = x[v];
            double[] y = out[v];
            Arrays.fill(y, 0, cols, 0);
            for (int k = 0; k < cycles; k++) {
                rowInputs(xv, k, u);
                accumulate();
                for (int ch = 0; ch < channels; ch++) {
                    double val;
                    double after = noiseAfter[ch];
                    if (linearTransfer) {
                        double g = analogGain[ch];
                        double var = g * g * accVar[ch] + after;
                        val = transfer(ch, acc[ch]);
                        if (var > 0) {
                            val += Math.sqrt(var) * circuitZ.sample();
                        }
                    } else {
                        val = transfer(ch, acc[ch] + readNoise(accVar[ch]));
                        if (after > 0) {
                            val += Math.sqrt(after) * circuitZ.sample();
                        }
                    }
                    double raw;
                    if (ideal) {
                        raw = val;
                    } else {
                        int code = adcs[ch / perAdc].code((val - lo[ch]) / step[ch], 0);
                        raw = lo[ch] + (code + 0.5) * step[ch];
                    }
                    double corr = calibrate ? calibration.apply(ch, raw) : raw;
                    y[chCol[ch]] += ShiftAdd.weight(chWeight[ch], k, serial) * toZ(ch, corr);
                }
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

    /** Row sums of the current cycle's inputs {@link #u} into {@link #acc} and {@link #accVar}. */
    private void accumulate() {
        Arrays.fill(acc, 0);
        double s1 = 0;
        double s2 = 0;
        int on = 0;
        boolean perRow = readNoise && readVar != null;
        if (perRow) {
            Arrays.fill(accVar, 0);
        }
        for (int i = 0; i < rows; i++) {
            double ui = u[i];
            if (ui == 0) {
                continue;
            }
            s1 += ui;
            s2 += ui * ui;
            on++;
            double[] a = contrib[i];
            for (int ch = 0; ch < channels; ch++) {
                acc[ch] += ui * a[ch];
            }
            if (perRow) {
                double u2 = ui * ui;
                double[] rv = readVar[i];
                for (int ch = 0; ch < channels; ch++) {
                    accVar[ch] += u2 * rv[ch];
                }
            }
        }
        sumU = s1;
        sumU2 = s2;
        activeRows = on;
        if (readNoise && !perRow) {
            for (int ch = 0; ch < channels; ch++) {
                accVar[ch] = s2 * readScale[ch];
            }
        } else if (!readNoise) {
            Arrays.fill(accVar, 0);
        }
    }

    /** Read noise of one channel in this cycle: sqrt(variance) · N(0, 1), or 0. */
    protected final double readNoise(double variance) {
        return variance > 0 ? Math.sqrt(variance) * readZ.sample() : 0;
    }
}
