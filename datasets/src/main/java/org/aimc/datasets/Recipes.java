package org.aimc.datasets;

import java.util.List;
import java.util.Map;
import org.aimc.sim.config.Presets;
import org.aimc.sim.nn.CalibrationSettings;
import org.aimc.sim.nn.TrainingSpec;

/**
 * The recipes of the shipped workloads that have a reference network ({@code conf/workloads/<id>.yaml}
 * gives the shape; this class the data set, the training and the calibration plan).
 *
 * <p>{@code fashion-mlp}: 784-256-128-10 with ReLU (conf/workloads/fashion-mlp.yaml), trained on the
 * 60,000 Fashion-MNIST training images (pixels / 255) with Adam (Kingma and Ba 2015 defaults β1 = 0.9,
 * β2 = 0.999, ε = 1e-8), learning rate 1e-3 with a cosine decay to 0 over 10 epochs, mini-batches of 128,
 * no weight decay, seed 1. Its calibration curve has 25 σ_rel from 1e-3 to 10 (6 per decade), 3 noise
 * seeds each, on the 10,000 test images, and 15 offset rows (static hidden-layer offsets δ from -2 to +1 of the
 * layers' clean RMS, {@link #OFFSETS}) at every other σ with 2 seeds each.
 */
public final class Recipes {
    /** Id of the reference workload. */
    public static final String FASHION_MLP = "fashion-mlp";

    private static final Map<String, TrainingSpec> TRAINING = Map.of(FASHION_MLP,
            TrainingSpec.adam(1e-3, "cosine", 0.0, 128, 10, 1));
    /**
     * The offsets δ of the calibration's offset rows: the static hidden-layer offsets the tier-A budgets give
     * (the converters' systematic bow; on {@code refine-acceptance.yaml} -0.02 at 8-bit amplitude to -1.05 at
     * 4-bit bit-serial), spaced about evenly in log, and a few positive ones.
     */
    static final List<Double> OFFSETS = List.of(-2.0, -1.4, -1.0, -0.7, -0.5, -0.35, -0.25, -0.18, -0.12, -0.06,
            0.06, 0.12, 0.25, 0.5, 1.0);
    private static final Map<String, CalibrationSettings> CALIBRATION = Map.of(FASHION_MLP,
            new CalibrationSettings(1e-3, 10, 25, 3, 1, 500, OFFSETS, 2));
    private static final Map<String, String> DATASET = Map.of(FASHION_MLP, FashionMnist.ID);

    private Recipes() {
    }

    /** Ids of the workloads with a recipe, sorted. */
    public static List<String> ids() {
        return TRAINING.keySet().stream().sorted().toList();
    }

    /**
     * The recipe of a shipped workload.
     *
     * @throws IllegalArgumentException for a workload without one, listing those that have one
     */
    public static Recipe get(String workloadId) {
        TrainingSpec t = TRAINING.get(workloadId);
        if (t == null) {
            throw new IllegalArgumentException("workload '" + workloadId + "' has no reference network recipe; known: "
                    + ids());
        }
        String ds = DATASET.get(workloadId);
        return new Recipe(Presets.workload(workloadId), ds, checksums(ds), t, CALIBRATION.get(workloadId));
    }

    /** The recipe's data set from its default location. */
    public static DataSplit loadData(Recipe r) {
        if (r.datasetId().equals(FashionMnist.ID)) {
            return FashionMnist.load();
        }
        throw new IllegalArgumentException("no loader for data set '" + r.datasetId() + "'; known: ["
                + FashionMnist.ID + "]");
    }

    private static String checksums(String datasetId) {
        if (datasetId.equals(FashionMnist.ID)) {
            return FashionMnist.checksums();
        }
        throw new IllegalArgumentException("unknown data set '" + datasetId + "'; known: [" + FashionMnist.ID + "]");
    }
}
