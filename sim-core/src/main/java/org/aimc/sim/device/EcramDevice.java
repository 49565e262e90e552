package org.aimc.sim.device;

import java.util.List;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * Electrochemical RAM: a three-terminal cell whose channel conductance is set by ions moved through an
 * electrolyte, with many near-linear states (physics.md §3.1, §3.4; [25, 26]). For inference it is treated
 * as physics.md §3.4 advises, like RRAM with small programming noise and a retention-decay term:
 *
 * <ul>
 * <li>Programming error: a state-independent sigma, a fraction of the window (open-loop programming, "small"
 * [26]).
 * <li>Relaxation: open-circuit-potential self-discharge [25] pulls the channel exponentially toward a rest
 * state, a(t) = 1 - exp(-t / tau) of the distance lost, with a device-to-device spread
 * ({@link Relaxation}).
 * <li>Read noise: "low" (physics.md §3.1), a multiplicative sigma per read.
 * <li>Stuck-at faults use the preset's rates.
 * </ul>
 *
 * <p>Not modelled: temperature (the references give no temperature coefficients; the temperature knob has no
 * effect); I-V nonlinearity ({@link #ivFactor} is 1: the channel is read as a resistor at ~0.1 V, physics.md
 * §3.1).
 */
public final class EcramDevice implements DeviceKind {
    @Override
    public String id() {
        return "ecram";
    }

    @Override
    public String description() {
        return "electrochemical RAM, many states, small programming noise, open-circuit relaxation";
    }

    @Override
    public List<ParamDef> parameters() {
        return DeviceParams.with(
                ParamDef.required("prog_sigma_rel", 0, 1, "programming sigma as a fraction of the window g_max - g_min"),
                ParamDef.required("read_noise_rel", 0, 1, "relative read-noise sigma"),
                ParamDef.required("relax_tau_s", 1e-9, 1e15, "time constant of the open-circuit relaxation, s"),
                ParamDef.required("relax_spread_rel", 0, 10, "relative device-to-device spread of the relaxation"),
                ParamDef.required("rest_fraction", 0, 1, "position of the relaxed (rest) state in the window"));
    }

    @Override
    public DeviceModel create(ParamValues v) {
        return new Model(new DeviceParams(v), v.get("prog_sigma_rel"), v.get("read_noise_rel"), v.get("relax_tau_s"),
                v.get("relax_spread_rel"), v.get("rest_fraction"));
    }

    static final class Model extends RelaxingModel {
        private final double sigma;
        private final double tau;

        Model(DeviceParams p, double progRel, double readRel, double tau, double spread, double restFraction) {
            super(p, restFraction, spread, readRel);
            this.sigma = progRel * (p.gMaxS - p.gMinS);
            this.tau = tau;
        }

        @Override
        public String kind() {
            return "ecram";
        }

        @Override
        public double programmingSigma(double g) {
            return sigma;
        }

        @Override
        double lostFraction(double t) {
            return -Math.expm1(-t / tau);
        }
    }
}
