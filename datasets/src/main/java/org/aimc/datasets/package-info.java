/**
 * Data sets and the reference networks built on them, with the file IO that sim-core must not do.
 *
 * <ul>
 *   <li>{@link org.aimc.datasets.Idx}: the IDX format (gzip or plain); {@link org.aimc.datasets.FashionMnist}:
 *       the Debian-packaged Fashion-MNIST, located by {@code -Daimc.fashion-mnist.dir}, then
 *       {@code AIMC_FASHION_MNIST_DIR}, then {@code /usr/share/datasets/fashion-mnist}, checksums verified on
 *       every load; {@link org.aimc.datasets.SyntheticData}: small deterministic sets for tests.</li>
 *   <li>{@link org.aimc.datasets.Recipes}: how each shipped workload's reference network is trained and
 *       calibrated; {@link org.aimc.datasets.TrainedNetworks}: the trained-weight cache;
 *       {@link org.aimc.datasets.Calibration}: the tier-A calibration-curve cache.</li>
 * </ul>
 *
 * <p>Cache layout under a cache directory (by convention {@code results/cache}, never committed):
 * {@code weights/<workload>-<trainingHash>.net} and {@code calibration/<workload>-<calibrationHash>.tsv}.
 */
package org.aimc.datasets;
