package org.aimc.sim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.aimc.sim.spec.SpecException;
import org.junit.jupiter.api.Test;

class TrainingSpecTest {
    @Test
    void invalidSettingsNameTheField() {
        assertEquals("optimizer: unknown value 'rmsprop'; allowed: [sgd, adam]", assertThrows(SpecException.class,
                () -> new TrainingSpec("rmsprop", 0.1, "constant", 0, 0.9, 0.999, 1e-8, 0, 8, 1, 1)).getMessage());
        assertEquals("batch_size", assertThrows(SpecException.class,
                () -> TrainingSpec.adam(0.1, "constant", 0, 0, 1, 1)).path());
        assertEquals("schedule", assertThrows(SpecException.class,
                () -> TrainingSpec.adam(0.1, "step", 0, 8, 1, 1)).path());
        assertEquals("learning_rate", assertThrows(SpecException.class,
                () -> TrainingSpec.adam(-1, "constant", 0, 8, 1, 1)).path());
        assertEquals("momentum", assertThrows(SpecException.class,
                () -> TrainingSpec.sgd(0.1, "constant", 1.0, 0, 8, 1, 1)).path());
    }

    @Test
    void hashCoversEverySetting() {
        TrainingSpec a = TrainingSpec.adam(1e-3, "cosine", 0, 128, 20, 1);
        assertEquals("optimizer=adam\nlearning_rate=0.001\nschedule=cosine\nmomentum=0.0\nbeta1=0.9\nbeta2=0.999\n"
                + "epsilon=1.0E-8\nweight_decay=0.0\nbatch_size=128\nepochs=20\nseed=1\n", a.canonicalText());
        assertEquals(64, a.hash().length());
        assertEquals(a.hash(), TrainingSpec.adam(1e-3, "cosine", 0, 128, 20, 1).hash());
        assertNotEquals(a.hash(), a.withSeed(2).hash());
        assertNotEquals(a.hash(), a.withEpochs(21).hash());
        assertEquals(Adam.class, a.newOptimizer().getClass());
        assertEquals(Sgd.class, TrainingSpec.sgd(0.1, "constant", 0.9, 0, 8, 1, 1).newOptimizer().getClass());
    }
}
