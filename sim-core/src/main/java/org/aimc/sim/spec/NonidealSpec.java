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
 * @param circuitMismatch  scale of every static circuit mismatch drawn per chip instance: capacitor and
 *                         transistor mismatch, delay-stage mismatch, DAC and ADC INL/DNL, offset and gain,
 *                         pulse-edge errors (the magnitudes are domain and converter parameters)
 * @param circuitNoise     scale of every temporal circuit noise: kT/C, thermal current noise, jitter,
 *                         comparator noise
 */
public record NonidealSpec(double programmingNoise, double readNoise, double drift, String irDrop, double stuckAt,
        double nonlinearity, double temperature, double circuitMismatch, double circuitNoise)
        implements Serializable {
    public static final List<String> IR_DROP = List.of("none", "analytic", "segmented", "nodal");

    public NonidealSpec {
        Checks.finiteIn("programming_noise", programmingNoise, 0, 100);
        Checks.finiteIn("read_noise", readNoise, 0, 100);
        Checks.finiteIn("drift", drift, 0, 100);
        Checks.oneOf("ir_drop", irDrop, IR_DROP);
        Checks.finiteIn("stuck_at", stuckAt, 0, 100);
        Checks.finiteIn("nonlinearity", nonlinearity, 0, 100);
        Checks.finiteIn("temperature", temperature, 0, 100);
        Checks.finiteIn("circuit_mismatch", circuitMismatch, 0, 100);
        Checks.finiteIn("circuit_noise", circuitNoise, 0, 100);
    }

    /** Device knobs and IR drop, circuit knobs at 1 (their preset magnitudes). */
    public NonidealSpec(double programmingNoise, double readNoise, double drift, String irDrop, double stuckAt,
            double nonlinearity, double temperature) {
        this(programmingNoise, readNoise, drift, irDrop, stuckAt, nonlinearity, temperature, 1.0, 1.0);
    }

    public NonidealSpec withProgrammingNoise(double v) {
        return new NonidealSpec(v, readNoise, drift, irDrop, stuckAt, nonlinearity, temperature, circuitMismatch, circuitNoise);
    }

    public NonidealSpec withReadNoise(double v) {
        return new NonidealSpec(programmingNoise, v, drift, irDrop, stuckAt, nonlinearity, temperature, circuitMismatch, circuitNoise);
    }

    public NonidealSpec withDrift(double v) {
        return new NonidealSpec(programmingNoise, readNoise, v, irDrop, stuckAt, nonlinearity, temperature, circuitMismatch, circuitNoise);
    }

    public NonidealSpec withIrDrop(String v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, v, stuckAt, nonlinearity, temperature, circuitMismatch, circuitNoise);
    }

    public NonidealSpec withStuckAt(double v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, irDrop, v, nonlinearity, temperature, circuitMismatch, circuitNoise);
    }

    public NonidealSpec withNonlinearity(double v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, irDrop, stuckAt, v, temperature, circuitMismatch, circuitNoise);
    }

    public NonidealSpec withTemperature(double v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, irDrop, stuckAt, nonlinearity, v, circuitMismatch, circuitNoise);
    }

    public NonidealSpec withCircuitMismatch(double v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, irDrop, stuckAt, nonlinearity, temperature, v,
                circuitNoise);
    }

    public NonidealSpec withCircuitNoise(double v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, irDrop, stuckAt, nonlinearity, temperature,
                circuitMismatch, v);
    }
}
