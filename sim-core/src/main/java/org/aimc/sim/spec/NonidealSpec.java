package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.List;

/**
 * Nonideality switches. Each knob scales its effect: 0 = off, 1 = the preset's value.
 *
 * @param programmingNoise scale of static conductance variation (programming error; for SRAM the
 *                         read-path Vt mismatch)
 * @param readNoise        scale of temporal read noise
 * @param drift            scale of drift / relaxation
 * @param irDrop           wire-resistance model (physics.md §5.1): {@code none}; {@code analytic}, the
 *                         first-order closed form; {@code segmented}, random tiles with every bit line
 *                         solved exactly (word lines ideal); {@code nodal}, random tiles solved by the full
 *                         nodal model (org.aimc.sim.crossbar.IrDropTiers)
 */
public record NonidealSpec(double programmingNoise, double readNoise, double drift, String irDrop)
        implements Serializable {
    public static final List<String> IR_DROP = List.of("none", "analytic", "segmented", "nodal");

    public NonidealSpec {
        Checks.finiteIn("programming_noise", programmingNoise, 0, 100);
        Checks.finiteIn("read_noise", readNoise, 0, 100);
        Checks.finiteIn("drift", drift, 0, 100);
        Checks.oneOf("ir_drop", irDrop, IR_DROP);
    }

    public NonidealSpec withProgrammingNoise(double v) {
        return new NonidealSpec(v, readNoise, drift, irDrop);
    }

    public NonidealSpec withReadNoise(double v) {
        return new NonidealSpec(programmingNoise, v, drift, irDrop);
    }

    public NonidealSpec withDrift(double v) {
        return new NonidealSpec(programmingNoise, readNoise, v, irDrop);
    }

    public NonidealSpec withIrDrop(String v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, v);
    }
}
