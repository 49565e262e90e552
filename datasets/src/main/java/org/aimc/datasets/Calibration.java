package org.aimc.datasets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.aimc.sim.accuracy.CalibrationCurve;
import org.aimc.sim.accuracy.WorkloadSignal;
import org.aimc.sim.hw.LayerStatistics;
import org.aimc.sim.nn.NoiseCalibration;
import org.aimc.sim.nn.SignalStatistics;

/**
 * The cache of tier-A calibration curves: a workload's curve ({@link NoiseCalibration}) stored as
 * {@code <cacheDir>/calibration/<workload>-<calibrationHash>.tsv} ({@link CalibrationCurve#toText()}),
 * built when missing — which trains the network first when its weights are not cached either.
 *
 * <p>The lead's entry point: {@code Calibration.loadOrBuild("fashion-mlp", cacheDir, log)}. Finding a
 * cached curve reads neither the data set nor the weights (the key uses the data set's verified checksum
 * constants). The cache directory is a local path; on a cluster, build on the driver and ship the curve
 * (it is {@link java.io.Serializable}).
 */
public final class Calibration {
    /** Sub-directory of the cache directory holding calibration curves. */
    public static final String DIR = "calibration";

    private Calibration() {
    }

    /**
     * {@code signal} with every layer's bit-serial range ratios ({@link LayerStatistics#bitSerialRatios}) on the
     * first {@link Recipe#SIGNAL_EXAMPLES} training examples, with {@value #RATIO_WEIGHT_BITS}-bit weights.
     */
    static WorkloadSignal withBitSerialRatios(WorkloadSignal signal, TrainedNetworks.Trained t, DataSplit split) {
        return signal.withBitSerialRatios(LayerStatistics.bitSerialRatios(t.network(), split.train(),
                Math.min(Recipe.SIGNAL_EXAMPLES, split.train().size()), RATIO_WEIGHT_BITS));
    }

    /** Weight precision of the quantised network the bit-serial range ratios are measured through. */
    static final int RATIO_WEIGHT_BITS = 8;

    /** The cache file of a recipe's curve. */
    public static Path file(Path cacheDir, Recipe recipe) {
        return cacheDir.resolve(DIR).resolve(recipe.workloadId() + "-" + recipe.calibrationHash() + ".tsv");
    }

    /** A shipped workload's cached curve, if present and valid; never builds. */
    public static Optional<CalibrationCurve> load(String workloadId, Path cacheDir) {
        return load(Recipes.get(workloadId), cacheDir, null);
    }

    /** A recipe's cached curve, if present and valid (an unreadable or foreign file is reported and ignored). */
    public static Optional<CalibrationCurve> load(Recipe recipe, Path cacheDir, Consumer<String> log) {
        Path file = file(cacheDir, recipe);
        byte[] bytes = CacheFiles.readIfPresent(file);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            CalibrationCurve c = CalibrationCurve.parse(new String(bytes, StandardCharsets.UTF_8));
            if (c.specHash().equals(recipe.calibrationHash()) && c.workloadId().equals(recipe.workloadId())) {
                return Optional.of(c);
            }
            TrainedNetworks.say(log, file + ": belongs to " + c.workloadId() + " " + c.specHash() + "; ignored");
        } catch (IllegalArgumentException e) {
            TrainedNetworks.say(log, file + ": unreadable (" + e.getMessage() + "); ignored");
        }
        return Optional.empty();
    }

    /** {@link #loadOrBuild(String, Path, Consumer)} without progress messages. */
    public static CalibrationCurve loadOrBuild(String workloadId, Path cacheDir) {
        return loadOrBuild(workloadId, cacheDir, null);
    }

    /**
     * A shipped workload's curve from {@code cacheDir}, built and stored when missing (reading the data set
     * from its default location, {@link FashionMnist#directory()}).
     *
     * @param log told about progress of training and calibration; may be null
     * @throws IllegalArgumentException for a workload without a recipe ({@link Recipes#ids()})
     * @throws DatasetException         when the curve must be built and the data set is missing or corrupt
     */
    public static CalibrationCurve loadOrBuild(String workloadId, Path cacheDir, Consumer<String> log) {
        Recipe r = Recipes.get(workloadId);
        return loadOrBuild(r, cacheDir, () -> Recipes.loadData(r), log);
    }

    /** A recipe's curve from {@code cacheDir}, built on {@code data} (asked for only when needed) and stored. */
    public static CalibrationCurve loadOrBuild(Recipe recipe, Path cacheDir, Supplier<DataSplit> data,
            Consumer<String> log) {
        Path file = file(cacheDir, recipe);
        synchronized (CacheFiles.lock(file)) {
            Optional<CalibrationCurve> cached = load(recipe, cacheDir, log);
            if (cached.isPresent() && (cached.get().signal() == null || cached.get().signal().hasBitSerialRatios())) {
                return cached.get();
            }
            DataSplit split = data.get();
            if (cached.isPresent()) {
                // a curve stored before the signal statistics held the bit-serial range ratios: the same
                // measurement (same key), completed with them
                TrainedNetworks.Trained t = TrainedNetworks.loadOrTrain(recipe, cacheDir, () -> split, log);
                CalibrationCurve c = cached.get().withSignal(withBitSerialRatios(cached.get().signal(), t, split));
                TrainedNetworks.say(log, "signal statistics completed with the bit-serial range ratios: " + c.signal());
                CacheFiles.writeAtomically(file, c.toText().getBytes(StandardCharsets.UTF_8));
                return c;
            }
            TrainedNetworks.Trained t = TrainedNetworks.loadOrTrain(recipe, cacheDir, () -> split, log);
            TrainedNetworks.say(log, "measuring the calibration curve of " + recipe.workloadId() + " on "
                    + split.test().size() + " test examples: " + recipe.calibration().canonicalText()
                    .replace('\n', ' ').strip());
            CalibrationCurve c = NoiseCalibration.measure(recipe.workloadId(), recipe.calibrationHash(), t.network(),
                    split.test(), recipe.calibration(), (i, p) -> TrainedNetworks.say(log, String.format(Locale.ROOT,
                            "sigma_rel %.4g: accuracy %.4f ± %.4f", p.sigmaRel(), p.accuracyMean(), p.accuracyStd())),
                    row -> TrainedNetworks.say(log, String.format(Locale.ROOT,
                            "offset %+.3g: accuracy %.4f at sigma_rel %.4g, %.4f at %.4g", row.offsetRel(),
                            row.points().get(0).accuracyMean(), row.points().get(0).sigmaRel(),
                            row.points().get(row.points().size() / 2).accuracyMean(),
                            row.points().get(row.points().size() / 2).sigmaRel())));
            c = c.withSignal(withBitSerialRatios(SignalStatistics.measure(t.network(), split.train(),
                    Math.min(Recipe.SIGNAL_EXAMPLES, split.train().size())), t, split));
            TrainedNetworks.say(log, "signal statistics: " + c.signal());
            CacheFiles.writeAtomically(file, c.toText().getBytes(StandardCharsets.UTF_8));
            TrainedNetworks.say(log, "stored the calibration curve in " + file);
            return c;
        }
    }
}
