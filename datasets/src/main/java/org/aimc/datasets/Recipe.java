package org.aimc.datasets;

import org.aimc.sim.nn.CalibrationSettings;
import org.aimc.sim.nn.Network;
import org.aimc.sim.nn.TrainingSpec;
import org.aimc.sim.spec.LayerSpec;
import org.aimc.sim.spec.WorkloadSpec;

/**
 * How a workload's reference network is obtained: its shape, the data set it is trained on (with the
 * checksums that identify the data), the training settings and the calibration plan of its tier-A
 * surrogate. {@link #trainingHash()} keys the trained-weight cache, {@link #calibrationHash()} the curve.
 *
 * @param workload          the network's layers (dense, chained)
 * @param datasetId         the data set ({@code fashion-mnist})
 * @param datasetChecksums  {@code name=sha256} lines identifying the data ({@link DataSplit#checksums()})
 * @param training          optimizer, schedule, batch, epochs, seed
 * @param calibration       σ grid, seeds and batch of the calibration curve
 */
public record Recipe(WorkloadSpec workload, String datasetId, String datasetChecksums, TrainingSpec training,
        CalibrationSettings calibration) {
    /**
     * Version of the training code's results: part of the cache key, raised whenever a change to the
     * network, trainer or optimizer code changes the weights a recipe produces.
     */
    public static final int TRAINER_VERSION = 1;
    /**
     * Version of the calibration measurement: part of the curve's key, raised when its results change (2: the
     * curve carries the network's signal statistics, measured on {@link #SIGNAL_EXAMPLES} training examples).
     */
    public static final int CALIBRATION_VERSION = 2;
    /** Training examples the signal statistics of a calibration curve are measured on. */
    public static final int SIGNAL_EXAMPLES = 2000;

    public Recipe {
        Network.sizes(workload);
        if (datasetId == null || datasetId.isBlank() || datasetChecksums == null || datasetChecksums.isBlank()) {
            throw new IllegalArgumentException("a recipe needs a dataset id and its checksums");
        }
    }

    /** The workload's id. */
    public String workloadId() {
        return workload.id();
    }

    /**
     * SHA-256 of what determines the trained weights: trainer version, workload shape, training settings
     * (seed included), data set id and checksums.
     */
    public String trainingHash() {
        StringBuilder sb = new StringBuilder("aimc trained network\ntrainer_version=" + TRAINER_VERSION + "\n");
        sb.append("network=mlp relu softmax-cross-entropy he-normal\n");
        sb.append("workload=").append(workload.id()).append('\n');
        for (LayerSpec l : workload.layers()) {
            sb.append("layer=").append(l.name()).append(',').append(l.type()).append(',').append(l.fanIn())
                    .append(',').append(l.fanOut()).append(',').append(l.mvms()).append('\n');
        }
        sb.append("training:\n").append(training.canonicalText());
        sb.append("dataset=").append(datasetId).append('\n').append(datasetChecksums);
        return org.aimc.sim.config.SpecYaml.hash(sb.toString());
    }

    /**
     * SHA-256 of what determines the calibration curve: its version, the trained weights' hash and the
     * calibration settings (evaluated on the data set's test split). The curve's spec hash.
     */
    public String calibrationHash() {
        return org.aimc.sim.config.SpecYaml.hash("aimc calibration curve\ncalibration_version=" + CALIBRATION_VERSION
                + "\nworkload=" + workload.id() + "\ntraining_hash=" + trainingHash() + "\nevaluation=test\n"
                + calibration.canonicalText());
    }
}
