package org.aimc.datasets;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.aimc.sim.nn.Network;
import org.aimc.sim.nn.NetworkCodec;
import org.aimc.sim.nn.Trainer;

/**
 * The trained-weight cache: a workload's reference network trained by its {@link Recipe}, stored as
 * {@code <cacheDir>/weights/<workload>-<trainingHash>.net} ({@link NetworkCodec} bytes) and trained only
 * when that file is missing or unreadable. The cache lives under the results directory and is never
 * committed.
 */
public final class TrainedNetworks {
    /** Sub-directory of the cache directory holding trained weights. */
    public static final String DIR = "weights";

    /**
     * A trained network.
     *
     * @param recipe    how it was trained
     * @param network   the weights
     * @param fromCache whether they were read from the cache (false: trained now and stored)
     */
    public record Trained(Recipe recipe, Network network, boolean fromCache) {
    }

    private TrainedNetworks() {
    }

    /** The cache file of a recipe's weights. */
    public static Path file(Path cacheDir, Recipe recipe) {
        return cacheDir.resolve(DIR).resolve(recipe.workloadId() + "-" + recipe.trainingHash() + ".net");
    }

    /**
     * The shipped workload's reference network from {@code cacheDir}, trained (and stored) when missing, on
     * the data set of its recipe read from its default location ({@link FashionMnist#directory()}).
     */
    public static Trained loadOrTrain(String workloadId, Path cacheDir, Consumer<String> log) {
        Recipe r = Recipes.get(workloadId);
        return loadOrTrain(r, cacheDir, () -> Recipes.loadData(r), log);
    }

    /**
     * A recipe's network from {@code cacheDir}, or trained on {@code data} (asked for only when training
     * is needed) and stored.
     *
     * @param log told about training progress; may be null
     * @throws DatasetException when the data's checksums are not the recipe's
     */
    public static Trained loadOrTrain(Recipe recipe, Path cacheDir, Supplier<DataSplit> data, Consumer<String> log) {
        Path file = file(cacheDir, recipe);
        synchronized (CacheFiles.lock(file)) {
            byte[] bytes = CacheFiles.readIfPresent(file);
            if (bytes != null) {
                try {
                    Network net = NetworkCodec.decode(bytes);
                    int[] expected = Network.sizes(recipe.workload());
                    if (java.util.Arrays.equals(net.sizes(), expected)) {
                        return new Trained(recipe, net, true);
                    }
                    say(log, file + ": shape " + java.util.Arrays.toString(net.sizes()) + " is not the workload's "
                            + java.util.Arrays.toString(expected) + "; retraining");
                } catch (IllegalArgumentException e) {
                    say(log, file + ": unreadable (" + e.getMessage() + "); retraining");
                }
            }
            Network net = train(recipe, data.get(), log);
            CacheFiles.writeAtomically(file, NetworkCodec.encode(net));
            say(log, "stored trained weights in " + file);
            return new Trained(recipe, net, false);
        }
    }

    /** Trains a recipe's network on {@code data} (no cache). */
    public static Network train(Recipe recipe, DataSplit data, Consumer<String> log) {
        if (!data.datasetId().equals(recipe.datasetId()) || !data.checksums().equals(recipe.datasetChecksums())) {
            throw new DatasetException("workload '" + recipe.workloadId() + "' is trained on " + recipe.datasetId()
                    + " with checksums\n" + recipe.datasetChecksums() + "but the data given is " + data.datasetId()
                    + " with checksums\n" + data.checksums());
        }
        say(log, "training " + recipe.workloadId() + " " + java.util.Arrays.toString(Network.sizes(recipe.workload()))
                + " on " + data.train().size() + " " + data.datasetId() + " examples: "
                + recipe.training().canonicalText().replace('\n', ' ').strip());
        long t0 = System.nanoTime();
        long[] last = {t0};
        return Trainer.train(Network.sizes(recipe.workload()), data.train(), recipe.training(), (epoch, loss) -> {
            long now = System.nanoTime();
            say(log, String.format(java.util.Locale.ROOT, "epoch %d/%d: loss %.4f (%.1f s)", epoch + 1,
                    recipe.training().epochs(), loss, (now - last[0]) / 1e9));
            last[0] = now;
        });
    }

    static void say(Consumer<String> log, String message) {
        if (log != null) {
            log.accept(message);
        }
    }
}
