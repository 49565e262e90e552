package org.aimc.sim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.aimc.sim.config.Presets;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.DeviceSpec;
import org.junit.jupiter.api.Test;

/** aihwkit PCMLikeNoiseModel spot values as restated in physics.md §3.2. */
class PcmDeviceTest {
    static PcmDevice.Model model() {
        return (PcmDevice.Model) new PcmDevice().create(SweepPlan.deviceParams(
                new DeviceSpec("pcm", "", new TreeMap<>()), Map.of("pcm", Presets.family("pcm"))));
    }

    @Test
    void programmingSigmaAtSpotValues() {
        PcmDevice.Model m = model();
        assertEquals(0.26348e-6, m.programmingSigma(0), 1e-12);
        assertEquals((0.26348 + 1.9650 * 0.5 - 1.1731 * 0.25) * 1e-6, m.programmingSigma(12.5e-6), 1e-12);
        assertEquals(1.05538e-6, m.programmingSigma(25e-6), 1e-11);
    }

    @Test
    void driftExponentStatistics() {
        assertEquals(0.049, PcmDevice.Model.muNu(1.0), 1e-12);
        assertEquals(0.008, PcmDevice.Model.sigmaNu(1.0), 1e-12);
        assertEquals(-0.0155 * Math.log(0.1) + 0.0244, PcmDevice.Model.muNu(0.1), 1e-12);
        assertEquals(-0.0125 * Math.log(0.1) - 0.0059, PcmDevice.Model.sigmaNu(0.1), 1e-12);
    }

    @Test
    void readNoiseAtOneHourAndFullScale() {
        // physics.md §3.2: at x = 1, t_inf = 1 h: sigma_rel = 0.0088 sqrt(ln((3620 + 250e-9) / 500e-9)) ~ 4.2 %
        double expected = 0.0088 * Math.sqrt(Math.log((3600 + 20 + 250e-9) / (2 * 250e-9)));
        assertEquals(expected, model().readRel(1.0, 3600), 1e-12);
        assertEquals(0.042, expected, 0.001);
    }
}
