package org.aimc.sim.hat;

import java.util.Arrays;
import java.util.List;

/**
 * The training methods compared for a design point, by stable id (written into the {@code training} table).
 * Every method fine-tunes the same pre-trained network for the same number of epochs; they differ in the
 * forward model and its gradients.
 */
public enum HatMethod {
    /** Digital fine-tuning, hardware-unaware; deployed with MSE-calibrated input ranges. */
    BASELINE("baseline"),
    /** The probabilistic model of the point ({@link ModelMvm.Model#PROBABILISTIC}), noise drawn every step. */
    NOISE_INJECTION("noise-injection"),
    /** The physical model of the point ({@link ModelMvm.Model#PHYSICAL}), its systematic physics included. */
    PHYSICAL("physical"),
    /** Forward passes on a chip instance ({@link SimulatedChip}), gradients through the twin ({@link HilMvm}). */
    HARDWARE_IN_LOOP("hardware-in-loop"),
    /** The twin of hardware-in-the-loop training trained on its own, with the same schedule and data. */
    IN_SILICO("in-silico");

    private final String id;

    HatMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Ids of every method, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(HatMethod::id).toList();
    }

    /**
     * The method of an id.
     *
     * @throws IllegalArgumentException naming the id and the known ones
     */
    public static HatMethod of(String id) {
        for (HatMethod m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown training method '" + id + "'; known: " + ids());
    }
}
