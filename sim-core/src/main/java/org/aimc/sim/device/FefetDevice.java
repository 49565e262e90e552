package org.aimc.sim.device;

import java.util.List;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * Ferroelectric FET (HZO gate stack, 28 nm HKMG / 22 FDX class): a multi-level cell whose channel conductance
 * is set by the partial polarisation of the gate ferroelectric (physics.md §3.1, §3.4; [18, 19, 27]).
 *
 * <ul>
 * <li>Programming error, state dependent as measured in [27] ("variation depends on the state"): partial
 * polarisation switches a random subset of N ferroelectric domains, so the programmed fraction x of the window
 * is binomial with sigma = sqrt(x (1 - x) / N) (largest mid-window, smallest at the fully polarised ends), plus
 * a floor: sigma(g) = (g_max - g_min) sqrt(x (1 - x) / N) + floor g_max. The binomial form is our model of the
 * reported state dependence; N and the floor are the preset's.
 * <li>Depolarisation / retention loss: the polarisation relaxes toward the unpolarised rest state
 * logarithmically in time, a(t) = r log10(1 + t / t_0) of the distance lost, with a device-to-device spread
 * ({@link Relaxation}).
 * <li>Read noise: 1/f and RTN of the channel (physics.md §3.1), as a multiplicative sigma per read.
 * <li>Stuck-at faults use the preset's rates.
 * </ul>
 *
 * <p>Not modelled: temperature (no numbers for the temperature dependence of multi-level FeFET states in the
 * references; the temperature knob has no effect); I-V nonlinearity ({@link #ivFactor} is 1: with the drain
 * read in the triode region, I = beta ((V_GS - V_t) V - V^2 / 2), the quadratic term is the same for every
 * polarisation state and cancels in differential pairs and against the g_min reference).
 */
public final class FefetDevice implements DeviceKind {
    @Override
    public String id() {
        return "fefet";
    }

    @Override
    public String description() {
        return "ferroelectric FET (HZO), multi-level, state-dependent variation, depolarisation";
    }

    @Override
    public List<ParamDef> parameters() {
        return DeviceParams.with(
                ParamDef.required("domains", 1, 1e9, "ferroelectric domains switching independently in one gate"),
                ParamDef.required("prog_floor_rel", 0, 1, "state-independent programming sigma as a fraction of g_max"),
                ParamDef.required("read_noise_rel", 0, 1, "relative read-noise sigma (1/f, RTN)"),
                ParamDef.required("depol_per_decade", 0, 1, "fraction of the distance to the rest state lost per decade of time"),
                ParamDef.required("depol_spread_rel", 0, 10, "relative device-to-device spread of the depolarisation"),
                ParamDef.required("depol_t0_s", 1e-9, 1e9, "time constant of the logarithmic depolarisation, s"),
                ParamDef.required("rest_fraction", 0, 1, "position of the unpolarised rest state in the window"));
    }

    @Override
    public DeviceModel create(ParamValues v) {
        return new Model(new DeviceParams(v), v.get("domains"), v.get("prog_floor_rel"), v.get("read_noise_rel"),
                v.get("depol_per_decade"), v.get("depol_spread_rel"), v.get("depol_t0_s"), v.get("rest_fraction"));
    }

    static final class Model extends RelaxingModel {
        private final double domains;
        private final double floorRel;
        private final double perDecade;
        private final double t0;

        Model(DeviceParams p, double domains, double floorRel, double readRel, double perDecade, double spread,
                double t0, double restFraction) {
            super(p, restFraction, spread, readRel);
            this.domains = domains;
            this.floorRel = floorRel;
            this.perDecade = perDecade;
            this.t0 = t0;
        }

        @Override
        public String kind() {
            return "fefet";
        }

        @Override
        public double programmingSigma(double g) {
            double x = Math.min(Math.max((g - p.gMinS) / (p.gMaxS - p.gMinS), 0), 1);
            return (p.gMaxS - p.gMinS) * Math.sqrt(x * (1 - x) / domains) + floorRel * p.gMaxS;
        }

        @Override
        double lostFraction(double t) {
            return perDecade * Math.log10(1 + t / t0);
        }
    }
}
