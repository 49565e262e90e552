package org.aimc.sim.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aimc.sim.TestSpecs;
import org.aimc.sim.config.Presets;
import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.device.Devices;
import org.aimc.sim.domain.DomainModel;
import org.aimc.sim.domain.Domains;
import org.aimc.sim.domain.TileContext;
import org.aimc.sim.domain.TileCost;
import org.aimc.sim.spec.LayerSpec;
import org.aimc.sim.spec.PointSpec;
import org.aimc.sim.spec.WorkloadSpec;
import org.aimc.sim.space.SweepPlan;
import org.junit.jupiter.api.Test;

/** Consistency of the network roll-up with the tile it is built from. */
class NetworkRollupTest {
    record Tile(TileContext c, DomainModel m, TileCost cost) {
    }

    static Tile tile(String base) {
        SweepPlan plan = TestSpecs.plan(base, "  operating.node_nm: [22]");
        PointSpec p = plan.space().decode(0);
        DeviceModel dev = Devices.registry().require(p.device().kind())
                .create(SweepPlan.deviceParams(p.device(), plan.spec().devices()));
        TileContext c = TileContext.of(p, dev);
        DomainModel m = Domains.registry().require(p.domain().kind()).create(SweepPlan.domainParams(p.domain()));
        TileCost t = new TileCost();
        m.cost(c, p.array().rows(), c.weightColumns(), t);
        return new Tile(c, m, t);
    }

    static final String CURRENT = """
              device: {kind: rram}
              domain: {kind: current}
              array: {rows: 128, cols: 256}
            """;
    static final String CHARGE = """
              device: {kind: pcm}
              domain: {kind: charge}
              dac: {kind: pwm, bits: 6}
              adc: {kind: cco, bits: 8}
            """;

    static NetworkRollup roll(Tile t, WorkloadSpec w) {
        return new NetworkRollup().compute(w, t.c(), t.m(), t.cost().areaM2(), t.cost().latencyS);
    }

    @Test
    void oneLayerFillingOneTileReproducesTheTile() {
        for (String base : List.of(CURRENT, CHARGE)) {
            Tile t = tile(base);
            int rows = t.c().spec.array().rows();
            int wc = t.c().weightColumns();
            WorkloadSpec w = new WorkloadSpec("one", "one tile", "test",
                    List.of(new LayerSpec("fc", "dense", rows, wc, 1)));
            NetworkRollup r = roll(t, w);
            assertEquals(1, r.tiles);
            assertEquals(t.cost().energyJ(), r.energyJ, 1e-12 * r.energyJ, base);
            assertEquals(t.cost().latencyS, r.latencyS, 0, base);
            assertEquals(t.cost().latencyS, r.latencyPipelinedS, 0, base);
            assertEquals(t.cost().areaM2(), r.areaM2, 0, base);
            assertEquals(1.0, r.utilization, 1e-12, base);
            assertEquals(2.0 * rows * wc / t.cost().energyJ(), 2 * r.macs / r.energyJ, 1e-9 * r.macs / r.energyJ);
        }
    }

    @Test
    void layerSumsEqualTotalsAndAreaCoversTheTiles() {
        Tile t = tile(CURRENT);
        for (String id : List.of("fashion-mlp", "lenet-5", "vgg-8", "resnet-18", "bert-base-layer")) {
            WorkloadSpec w = Presets.workload(id);
            NetworkRollup r = roll(t, w);
            double sumE = 0;
            double sumMacs = 0;
            double maxBusy = 0;
            long tiles = 0;
            int rows = t.c().spec.array().rows();
            int wc = t.c().weightColumns();
            for (int i = 0; i < w.layers().size(); i++) {
                LayerSpec l = w.layers().get(i);
                sumE += r.layerEnergyJ[i];
                sumMacs += l.macs();
                maxBusy = Math.max(maxBusy, l.mvms() * t.cost().latencyS);
                tiles += ((l.fanIn() + rows - 1) / rows) * (long) ((l.fanOut() + wc - 1) / wc);
                // a layer costs at least its MVMs on fully used tiles, pro rata
                assertTrue(r.layerEnergyJ[i] > 0, id + " " + l.name());
            }
            assertEquals(sumE, r.energyJ, 1e-12 * sumE, id);
            assertEquals(sumMacs, r.macs, 0, id);
            assertEquals(tiles, r.tiles, id);
            assertEquals(maxBusy, r.latencyPipelinedS, 0, id);
            assertTrue(r.latencyPipelinedS <= r.latencyS, id);
            assertTrue(r.tiles * t.cost().areaM2() <= r.areaM2, id);
            assertTrue(r.utilization > 0 && r.utilization <= 1, id);
        }
    }

    @Test
    void aLayerOverTwoRowBlocksCostsItsTilesPlusThePartialSumAdditions() {
        // independent sum: a full tile, a half-height tile, and one digital addition per output at full
        // dot-product width (weight + input bits + log2 fan-in) per MVM
        Tile t = tile(CURRENT);
        int rows = t.c().spec.array().rows();
        int wc = t.c().weightColumns();
        int fanIn = rows + rows / 2;
        WorkloadSpec w = new WorkloadSpec("two", "two row blocks", "test",
                List.of(new LayerSpec("fc", "dense", fanIn, wc, 3)));
        NetworkRollup r = roll(t, w);
        TileCost full = new TileCost();
        TileCost half = new TileCost();
        t.m().cost(t.c(), rows, wc, full);
        t.m().cost(t.c(), rows / 2, wc, half);
        int width = t.c().spec.mapping().weightBits() + t.c().inputBits()
                + (32 - Integer.numberOfLeadingZeros(fanIn));
        double expect = 3 * (full.energyJ() + half.energyJ() + wc * width * t.c().tech.addBitEnergyJ());
        assertEquals(expect, r.energyJ, 1e-12 * expect);
        assertEquals(2, r.tiles);
        assertEquals(0.75, r.utilization, 1e-12);
        assertEquals(3 * t.cost().latencyS, r.latencyS, 1e-12 * r.latencyS);
        assertEquals(2 * t.cost().areaM2() + wc * org.aimc.sim.peripheral.ShiftAdd.areaM2(width, t.c().tech),
                r.areaM2, 1e-12 * r.areaM2);
    }

    @Test
    void convolutionsAreIm2colMvms() {
        // LeNet-5 C1: 1 x 5 x 5 inputs per MVM, 6 outputs, 28 x 28 MVMs (LeCun et al. 1998, Fig. 2)
        LayerSpec c1 = Presets.workload("lenet-5").layers().get(0);
        assertEquals(25, c1.fanIn());
        assertEquals(6, c1.fanOut());
        assertEquals(784, c1.mvms());
        // ResNet-18 has ~1.8 G multiply-accumulates per 224 x 224 image (He et al. 2016, Table 1: 1.8e9 FLOPs)
        double macs = 0;
        for (LayerSpec l : Presets.workload("resnet-18").layers()) {
            macs += l.macs();
        }
        assertEquals(1.8e9, macs, 0.05e9);
    }
}
