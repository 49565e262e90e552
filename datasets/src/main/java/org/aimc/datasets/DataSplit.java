package org.aimc.datasets;

import org.aimc.sim.nn.Examples;

/**
 * A classification data set's training and test examples.
 *
 * @param datasetId stable id of the data set ({@code fashion-mnist}, {@code synthetic-blobs})
 * @param train     training examples
 * @param test      test examples
 * @param checksums what identifies the content: {@code name=sha256} lines of its files (for Fashion-MNIST
 *                  the verified constants of {@link FashionMnist}); part of the trained-weight cache key
 */
public record DataSplit(String datasetId, Examples train, Examples test, String checksums) {
    public DataSplit {
        if (datasetId == null || datasetId.isBlank()) {
            throw new IllegalArgumentException("datasetId must not be empty");
        }
        if (train.features() != test.features() || train.classes() != test.classes()) {
            throw new IllegalArgumentException("train (" + train.features() + " features, " + train.classes()
                    + " classes) and test (" + test.features() + ", " + test.classes() + ") do not match");
        }
        if (checksums == null || checksums.isBlank()) {
            throw new IllegalArgumentException("checksums must not be empty");
        }
    }
}
