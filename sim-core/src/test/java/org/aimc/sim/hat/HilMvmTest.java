package org.aimc.sim.hat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.aimc.sim.TestSpecs;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.hw.QuantisedNetwork;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.Network;
import org.aimc.sim.nn.Trainer;
import org.aimc.sim.nn.TrainingSpec;
import org.aimc.sim.space.SweepPlan;
import org.junit.jupiter.api.Test;

/**
 * Hardware-in-the-loop training runs its forward passes on the backend and its backward passes through the
 * twin: on an ideal chip, whose products are the twin's, it is in-silico training on the twin bit for bit;
 * on a chip with an effect the twin lacks, it trains on what the chip computes.
 */
class HilMvmTest {
    static final Network NET = Network.initialized(new int[] {30, 16, 10}, 12);
    static final Examples DATA = HatTesting.teacherData(NET, 96, 0.3, 13);

    static final String IDEAL = HatTesting.ideal("pcm", "current", "bit-serial", 4);

    static double[] train(MvmEngineFactory f, Network start) {
        Network net = start.copy();
        var engine = f.create(net);
        Trainer t = new Trainer(net, DATA, TrainingSpec.adam(3e-3, "constant", 0, 32, 2, 5), engine);
        t.runEpoch();
        t.runEpoch();
        double[] all = new double[(int) net.parameterCount()];
        int k = 0;
        for (double[] p : net.parameters()) {
            for (double v : p) {
                all[k++] = v;
            }
        }
        return all;
    }

    interface MvmEngineFactory {
        org.aimc.sim.nn.MvmEngine create(Network net);
    }

    @Test
    void onAnIdealChipHardwareInTheLoopIsInSilicoTrainingOnTheTwin() {
        SweepPlan plan = TestSpecs.plan(IDEAL, "  operating.node_nm: [22]");
        TrainingTarget t = TrainingTarget.of(HardwarePoint.of(plan, 0), ChipPhysics.NONE);
        double[] clips = {1, 3};
        double[] twinOnly = train(net -> new ModelMvm(t, ModelMvm.Model.PROBABILISTIC, false, clips, true, null), NET);

        double[] hil = train(net -> new HilMvm(SimulatedChip.of(plan, 0, 1, false, 0, ChipPhysics.NONE, null),
                new ModelMvm(t, ModelMvm.Model.PROBABILISTIC, false, clips, true, null), net, 1), NET);
        assertArrayEquals(twinOnly, hil, 0.0);
    }

    @Test
    void theChipIsProgrammedEveryReprogramStepsAndHoldsStaleWeightsInBetween() {
        SweepPlan plan = TestSpecs.plan(IDEAL, "  operating.node_nm: [22]");
        TrainingTarget t = TrainingTarget.of(HardwarePoint.of(plan, 0), ChipPhysics.NONE);
        double[] clips = {1, 3};
        SimulatedChip[] chip = new SimulatedChip[1];
        double[] every3 = train(net -> {
            chip[0] = SimulatedChip.of(plan, 0, 1, false, 0, ChipPhysics.NONE, null);
            return new HilMvm(chip[0], new ModelMvm(t, ModelMvm.Model.PROBABILISTIC, false, clips, true, null), net,
                    3);
        }, NET);
        // 96 examples in batches of 32: 3 steps per epoch, 6 steps, programmed at steps 0 and 3
        assertEquals(2, chip[0].programmings());
        double[] every1 = train(net -> new HilMvm(SimulatedChip.of(plan, 0, 1, false, 0, ChipPhysics.NONE, null),
                new ModelMvm(t, ModelMvm.Model.PROBABILISTIC, false, clips, true, null), net, 1), NET);
        assertNotEquals(every1[0], every3[0], "stale weights on the chip change the training");
        QuantisedNetwork q = chip[0].programmed();
        assertEquals(NET.depth(), q.network().depth());
    }
}
