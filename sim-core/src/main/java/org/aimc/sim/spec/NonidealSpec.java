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
 * @param stuckAt          scale of the device's stuck-at-g_min and stuck-at-g_max fault rates (default 0:
 *                         see {@link PointSpec#DEFAULTS})
 * @param nonlinearity     scale of the device's I-V nonlinearity (its departure from I = g V), felt where a
 *                         domain applies amplitude-encoded voltages
 * @param temperature      scale of temperature effects: the device sees T_ref + temperature · (T - T_ref),
 *                         T = operating.temperature_k, T_ref = the preset's reference temperature
 */
public record NonidealSpec(double programmingNoise, double readNoise, double drift, String irDrop, double stuckAt,
        double nonlinearity, double temperature) implements Serializable {
    public static final List<String> IR_DROP = List.of("none", "analytic", "segmented", "nodal");

    public NonidealSpec {
        Checks.finiteIn("programming_noise", programmingNoise, 0, 100);
        Checks.finiteIn("read_noise", readNoise, 0, 100);
        Checks.finiteIn("drift", drift, 0, 100);
        Checks.oneOf("ir_drop", irDrop, IR_DROP);
        Checks.finiteIn("stuck_at", stuckAt, 0, 100);
        Checks.finiteIn("nonlinearity", nonlinearity, 0, 100);
        Checks.finiteIn("temperature", temperature, 0, 100);
    }

    public NonidealSpec withProgrammingNoise(double v) {
        return new NonidealSpec(v, readNoise, drift, irDrop, stuckAt, nonlinearity, temperature);
    }

    public NonidealSpec withReadNoise(double v) {
        return new NonidealSpec(programmingNoise, v, drift, irDrop, stuckAt, nonlinearity, temperature);
    }

    public NonidealSpec withDrift(double v) {
        return new NonidealSpec(programmingNoise, readNoise, v, irDrop, stuckAt, nonlinearity, temperature);
    }

    public NonidealSpec withIrDrop(String v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, v, stuckAt, nonlinearity, temperature);
    }

    public NonidealSpec withStuckAt(double v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, irDrop, v, nonlinearity, temperature);
    }

    public NonidealSpec withNonlinearity(double v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, irDrop, stuckAt, v, temperature);
    }

    public NonidealSpec withTemperature(double v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, irDrop, stuckAt, nonlinearity, v);
    }
}
