package org.aimc.sim.nn;

import java.util.ArrayList;
import java.util.List;
import org.aimc.sim.accuracy.CalibrationCurve;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;

/**
 * Measures a workload's tier-A calibration curve: the accuracy of a trained network when every MVM output
 * of every layer carries zero-mean Gaussian error of relative standard deviation σ_rel.
 *
 * <p>Definition (consistent with the {@code mvm_rel_error} column, {@code sqrt(E[e²]/E[y²])} of one tile
 * column, physics.md §7): for layer l let {@code P_l = E[y²]} be the mean square of its ideal products
 * {@code y = x·W} (bias excluded), averaged over all output columns and all examples of the evaluation set
 * when the exact network runs on it ({@link MvmPowerMeter}). At σ_rel every output of layer l gets
 * {@code e ~ N(0, σ_rel² P_l)}, independently per output, per example and per evaluation, so the injected
 * error has {@code sqrt(E[e²]/E[y²]) = σ_rel} in every layer. The reference power is that of the clean
 * network, so the injected variance does not grow with the noise already propagated from earlier layers.
 * A layer split over several tiles has the same σ_rel when its tiles' partial sums are independent (the
 * error variances and the signal powers both add).
 *
 * <p>Offset rows ({@link CalibrationSettings#offsets()}): at offset δ every output of every hidden layer is
 * also shifted by {@code δ sqrt(P_l)}, the same for every output and example — the static error a converter's
 * systematic bow leaves on all columns of a layer. The last layer gets none: the same value added to every
 * logit does not change the class, so its offset is irrelevant by construction.
 *
 * <p>Randomness: realisation {@code r} of grid point {@code i} draws from
 * {@code KeyedRandom.stream(settings.seed(), 1 + i, TRAINING, r)} (point index 0 is left to the training
 * streams of {@link Trainer}), consumed in the order of {@link Network#classify}; of offset row k (from 1), grid
 * point i: point index {@code 1 + k · points + i}.
 */
public final class NoiseCalibration {
    private NoiseCalibration() {
    }

    /** Told after each grid point. */
    @FunctionalInterface
    public interface Listener {
        void pointDone(int index, CalibrationCurve.Point point);
    }

    /** sqrt(E[y²]) of each layer's exact products over {@code data} (the P_l of the class comment). */
    public static double[] outputRms(Network net, Examples data, int batchSize) {
        MvmPowerMeter meter = new MvmPowerMeter(MvmEngine.DIGITAL, net.depth());
        net.classify(data, meter, batchSize, null);
        return meter.rms();
    }

    /**
     * Measures the curve of {@code net} on {@code data}.
     *
     * <p>The first layer's input is the same in every evaluation, so its exact products are computed once
     * and replayed (then the noise is added as usual); the result is identical to running
     * {@link GaussianMvmError} over {@link MvmEngine#DIGITAL}, at a fraction of the cost.
     *
     * @param workloadId the workload measured (written into the curve)
     * @param specHash   hash of what is measured (written into the curve)
     * @param listener   told after each grid point; may be null
     */
    public static CalibrationCurve measure(String workloadId, String specHash, Network net, Examples data,
            CalibrationSettings settings, Listener listener) {
        return measure(workloadId, specHash, net, data, settings, listener, null);
    }

    /** As above, {@code offsetListener} (may be null) told after each offset row. */
    public static CalibrationCurve measure(String workloadId, String specHash, Network net, Examples data,
            CalibrationSettings settings, Listener listener,
            java.util.function.Consumer<CalibrationCurve.OffsetRow> offsetListener) {
        int bs = settings.batchSize();
        FirstLayerRecorder recorder = new FirstLayerRecorder(data.size() * net.layer(0).out());
        MvmPowerMeter meter = new MvmPowerMeter(recorder, net.depth());
        double digital = net.classify(data, meter, bs, null);
        double[] rms = meter.rms();
        List<CalibrationCurve.Point> points = new ArrayList<>(settings.points());
        for (int i = 0; i < settings.points(); i++) {
            double sigma = settings.sigma(i);
            double[] acc = new double[settings.seeds()];
            for (int r = 0; r < acc.length; r++) {
                MvmEngine noisy = GaussianMvmError.relative(new FirstLayerReplay(recorder.products), sigma, rms,
                        KeyedRandom.stream(settings.seed(), 1L + i, Purpose.TRAINING, r));
                acc[r] = net.classify(data, noisy, bs, null);
            }
            CalibrationCurve.Point p = CalibrationCurve.Point.of(sigma, acc);
            points.add(p);
            if (listener != null) {
                listener.pointDone(i, p);
            }
        }
        List<CalibrationCurve.OffsetRow> rows = new ArrayList<>(settings.offsets().size());
        int[] grid = settings.offsetSigmaIndices();
        for (int k = 0; k < settings.offsets().size(); k++) {
            double delta = settings.offsets().get(k);
            double[] offset = hiddenOffsets(delta, rms);
            List<CalibrationCurve.Point> row = new ArrayList<>(grid.length);
            for (int i : grid) {
                double sigma = settings.sigma(i);
                double[] s = new double[rms.length];
                for (int l = 0; l < s.length; l++) {
                    s[l] = sigma * rms[l];
                }
                double[] acc = new double[settings.offsetSeeds()];
                for (int r = 0; r < acc.length; r++) {
                    MvmEngine noisy = new GaussianMvmError(new FirstLayerReplay(recorder.products), s, offset,
                            KeyedRandom.stream(settings.seed(), 1L + (k + 1L) * settings.points() + i,
                                    Purpose.TRAINING, r));
                    acc[r] = net.classify(data, noisy, bs, null);
                }
                row.add(CalibrationCurve.Point.of(sigma, acc));
            }
            rows.add(new CalibrationCurve.OffsetRow(delta, row));
            if (offsetListener != null) {
                offsetListener.accept(rows.get(k));
            }
        }
        return new CalibrationCurve(workloadId, specHash, digital, data.size(), points, null, rows);
    }

    /** Offsets δ · rms_l of the hidden layers, 0 for the last layer. */
    public static double[] hiddenOffsets(double delta, double[] rms) {
        double[] o = new double[rms.length];
        for (int l = 0; l < o.length - 1; l++) {
            o[l] = delta * rms[l];
        }
        return o;
    }

    /** The exact product, recording layer 0's outputs in call order. */
    private static final class FirstLayerRecorder implements MvmEngine {
        final double[] products;
        private int next;

        FirstLayerRecorder(int size) {
            products = new double[size];
        }

        @Override
        public void multiply(int layer, DenseLayer dense, double[] x, int batch, double[] y) {
            MvmEngine.DIGITAL.multiply(layer, dense, x, batch, y);
            if (layer == 0) {
                int n = batch * dense.out();
                System.arraycopy(y, 0, products, next, n);
                next += n;
            }
        }
    }

    /** The exact product, replaying layer 0's recorded outputs in the same call order. */
    private static final class FirstLayerReplay implements MvmEngine {
        private final double[] products;
        private int next;

        FirstLayerReplay(double[] products) {
            this.products = products;
        }

        @Override
        public void multiply(int layer, DenseLayer dense, double[] x, int batch, double[] y) {
            if (layer != 0) {
                MvmEngine.DIGITAL.multiply(layer, dense, x, batch, y);
                return;
            }
            int n = batch * dense.out();
            System.arraycopy(products, next, y, 0, n);
            next += n;
        }
    }
}
