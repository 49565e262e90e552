package org.aimc.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.aimc.sim.accuracy.CalibrationCurve;
import org.aimc.sim.accuracy.WorkloadSignal;
import org.aimc.sim.nn.CalibrationSettings;
import org.aimc.sim.nn.NetworkCodec;
import org.aimc.sim.nn.TrainingSpec;
import org.aimc.sim.spec.LayerSpec;
import org.aimc.sim.spec.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trained-weight and calibration caches on a small synthetic workload. */
class CacheTest {
    @TempDir
    Path cache;

    static final DataSplit DATA = SyntheticData.blobSplit(3, 400, 400, 8, 3, 1.2);

    static Recipe recipe(long seed) {
        WorkloadSpec w = new WorkloadSpec("blob-mlp", "", "test", List.of(new LayerSpec("fc1", "dense", 8, 12, 1),
                new LayerSpec("fc2", "dense", 12, 3, 1)));
        return new Recipe(w, SyntheticData.BLOBS_ID, DATA.checksums(), TrainingSpec.adam(0.01, "cosine", 0, 32, 5, seed),
                new CalibrationSettings(1e-2, 3, 6, 3, 1, 100));
    }

    static Supplier<DataSplit> counting(int[] calls) {
        return () -> {
            calls[0]++;
            return DATA;
        };
    }

    @Test
    void weightsAreTrainedOnceThenRead() throws Exception {
        Recipe r = recipe(1);
        int[] calls = {0};
        List<String> log = new ArrayList<>();
        TrainedNetworks.Trained first = TrainedNetworks.loadOrTrain(r, cache, counting(calls), log::add);
        assertFalse(first.fromCache());
        assertEquals(1, calls[0]);
        Path file = TrainedNetworks.file(cache, r);
        assertEquals(cache.resolve("weights").resolve("blob-mlp-" + r.trainingHash() + ".net"), file);
        assertTrue(Files.isRegularFile(file));
        assertTrue(log.stream().anyMatch(s -> s.startsWith("epoch 5/5: loss")), log.toString());

        TrainedNetworks.Trained second = TrainedNetworks.loadOrTrain(r, cache, counting(calls), null);
        assertTrue(second.fromCache());
        assertEquals(1, calls[0], "the data is not read when the weights are cached");
        assertArrayEquals(NetworkCodec.encode(first.network()), NetworkCodec.encode(second.network()));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void aDamagedCacheFileIsReplaced() throws Exception {
        Recipe r = recipe(1);
        int[] calls = {0};
        byte[] good = NetworkCodec.encode(TrainedNetworks.loadOrTrain(r, cache, counting(calls), null).network());
        Path file = TrainedNetworks.file(cache, r);
        Files.write(file, new byte[] {1, 2, 3});
        List<String> log = new ArrayList<>();
        TrainedNetworks.Trained again = TrainedNetworks.loadOrTrain(r, cache, counting(calls), log::add);
        assertFalse(again.fromCache());
        assertTrue(log.get(0).contains("unreadable"), log.toString());
        assertArrayEquals(good, Files.readAllBytes(file), "retraining is deterministic");
    }

    @Test
    void theKeyCoversSeedSettingsAndData() {
        Recipe a = recipe(1);
        assertEquals(a.trainingHash(), recipe(1).trainingHash());
        assertNotEquals(a.trainingHash(), recipe(2).trainingHash());
        Recipe otherData = new Recipe(a.workload(), a.datasetId(), "blobs=other\n", a.training(), a.calibration());
        assertNotEquals(a.trainingHash(), otherData.trainingHash());
        assertNotEquals(a.calibrationHash(), otherData.calibrationHash());
        assertThrows(DatasetException.class, () -> TrainedNetworks.train(otherData, DATA, null));
    }

    @Test
    void calibrationIsBuiltOnceThenRead() throws Exception {
        Recipe r = recipe(1);
        int[] calls = {0};
        assertEquals(Optional.empty(), Calibration.load(r, cache, null));
        CalibrationCurve c = Calibration.loadOrBuild(r, cache, counting(calls), null);
        assertEquals(1, calls[0]);
        assertEquals(r.calibrationHash(), c.specHash());
        assertEquals(6, c.points().size());
        assertEquals(3, c.points().get(0).seeds());
        assertEquals(400, c.testExamples());
        assertEquals(List.of(), c.monotonicityViolations());
        assertTrue(c.startsAtDigitalAccuracy());
        Path file = Calibration.file(cache, r);
        assertEquals(c.toText(), Files.readString(file));

        CalibrationCurve again = Calibration.loadOrBuild(r, cache, () -> {
            throw new AssertionError("the data must not be read when the curve is cached");
        }, null);
        assertEquals(c, again);
        assertEquals(Optional.of(c), Calibration.load(r, cache, null));
    }

    @Test
    void aCurveStoredWithoutBitSerialRangeRatiosIsCompletedInPlace() throws Exception {
        Recipe r = recipe(1);
        CalibrationCurve c = Calibration.loadOrBuild(r, cache, () -> DATA, null);
        assertTrue(c.signal().hasBitSerialRatios());
        assertEquals(WorkloadSignal.MAX_INPUT_BITS, c.signal().layers().get(0).bitSerialRatio().size());
        // the same curve as an earlier version stored it: format 2, signal statistics without the ratios
        List<WorkloadSignal.Layer> bare = new ArrayList<>();
        for (WorkloadSignal.Layer l : c.signal().layers()) {
            bare.add(new WorkloadSignal.Layer(l.fanIn(), l.weightMeanSquare(), l.kappa()));
        }
        CalibrationCurve old = c.withSignal(new WorkloadSignal(bare));
        Path file = Calibration.file(cache, r);
        Files.writeString(file, old.toText().replace("format\t" + CalibrationCurve.FORMAT, "format\t2"));
        assertEquals(Optional.of(old), Calibration.load(r, cache, null));
        List<String> log = new ArrayList<>();
        CalibrationCurve completed = Calibration.loadOrBuild(r, cache, () -> DATA, log::add);
        assertEquals(c, completed, "the same points, the ratios measured again identically");
        assertEquals(c.toText(), Files.readString(file));
        assertTrue(log.stream().anyMatch(s -> s.contains("bit-serial range ratios")), log.toString());
    }

    @Test
    void aForeignCurveIsIgnored() throws Exception {
        Recipe r = recipe(1);
        CalibrationCurve c = Calibration.loadOrBuild(r, cache, () -> DATA, null);
        Path file = Calibration.file(cache, r);
        Files.writeString(file, c.toText().replace(r.calibrationHash(), "0".repeat(64)));
        List<String> log = new ArrayList<>();
        assertEquals(Optional.empty(), Calibration.load(r, cache, log::add));
        assertTrue(log.get(0).contains("belongs to blob-mlp " + "0".repeat(64)), log.toString());
        assertEquals(c, Calibration.loadOrBuild(r, cache, () -> DATA, null), "rebuilt identically");
    }

    @Test
    void shippedRecipes() {
        assertEquals(List.of("fashion-mlp"), Recipes.ids());
        Recipe r = Recipes.get("fashion-mlp");
        assertEquals("fashion-mnist", r.datasetId());
        assertEquals(FashionMnist.checksums(), r.datasetChecksums());
        assertTrue(r.calibration().points() >= 16 && r.calibration().seeds() >= 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recipes.get("resnet"));
        assertEquals("workload 'resnet' has no reference network recipe; known: [fashion-mlp]", e.getMessage());
    }
}
