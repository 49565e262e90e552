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
 * @param irDrop           wire-resistance model: {@code none} or {@code analytic} (first-order closed form)
 * @param circuitMismatch  scale of every static circuit mismatch drawn per chip instance: capacitor and
 *                         transistor mismatch, delay-stage mismatch, DAC and ADC INL/DNL, offset and gain,
 *                         pulse-edge errors (the magnitudes are domain and converter parameters)
 * @param circuitNoise     scale of every temporal circuit noise: kT/C, thermal current noise, jitter,
 *                         comparator noise
 */
public record NonidealSpec(double programmingNoise, double readNoise, double drift, String irDrop,
        double circuitMismatch, double circuitNoise) implements Serializable {
    public static final List<String> IR_DROP = List.of("none", "analytic");

    public NonidealSpec {
        Checks.finiteIn("programming_noise", programmingNoise, 0, 100);
        Checks.finiteIn("read_noise", readNoise, 0, 100);
        Checks.finiteIn("drift", drift, 0, 100);
        Checks.oneOf("ir_drop", irDrop, IR_DROP);
        Checks.finiteIn("circuit_mismatch", circuitMismatch, 0, 100);
        Checks.finiteIn("circuit_noise", circuitNoise, 0, 100);
    }

    /** Device knobs and IR drop, circuit knobs at 1 (their preset magnitudes). */
    public NonidealSpec(double programmingNoise, double readNoise, double drift, String irDrop) {
        this(programmingNoise, readNoise, drift, irDrop, 1.0, 1.0);
    }

    public NonidealSpec withProgrammingNoise(double v) {
        return new NonidealSpec(v, readNoise, drift, irDrop, circuitMismatch, circuitNoise);
    }

    public NonidealSpec withReadNoise(double v) {
        return new NonidealSpec(programmingNoise, v, drift, irDrop, circuitMismatch, circuitNoise);
    }

    public NonidealSpec withDrift(double v) {
        return new NonidealSpec(programmingNoise, readNoise, v, irDrop, circuitMismatch, circuitNoise);
    }

    public NonidealSpec withIrDrop(String v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, v, circuitMismatch, circuitNoise);
    }

    public NonidealSpec withCircuitMismatch(double v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, irDrop, v, circuitNoise);
    }

    public NonidealSpec withCircuitNoise(double v) {
        return new NonidealSpec(programmingNoise, readNoise, drift, irDrop, circuitMismatch, v);
    }
}
