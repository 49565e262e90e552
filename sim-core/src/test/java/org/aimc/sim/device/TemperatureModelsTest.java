package org.aimc.sim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Temperature and I-V closed forms of the kinds that model them, recomputed by hand from the preset values
 * (conf/devices/*.yaml) and the formulas in the class Javadocs.
 */
class TemperatureModelsTest {
    static final double KB = 1.380649e-23;
    static final double Q = 1.602176634e-19;

    @Test
    void sramReadCurrentFollowsMobilityAndOverdrive() {
        DeviceModel d = DeviceContractTest.model("sram", "8t").atTemperature(360, 1);
        // preset: V_ov 0.35 V, dVt/dT -1 mV/K, mu ∝ T^-1.5: I(360)/I(300) = 1.2^-1.5 (0.41 / 0.35)^2
        double gain = Math.pow(1.2, -1.5) * Math.pow(0.41 / 0.35, 2);
        assertEquals(gain, ((SramDevice.Model) d).gain(), 1e-12);
        DeviceMoments m = new DeviceMoments();
        d.moments(20e-6, 0, 0, 0, 0, m);
        assertEquals((gain - 1) * (20e-6 - 1e-9), m.driftMean, 1e-18);
        // the mismatch sigma falls with the larger overdrive: 2 A_VT / sqrt(WL) / V_ov(T)
        assertEquals(2 * 2e-3 / Math.sqrt(0.01) / 0.41, ((SramDevice.Model) d).mismatchRel(), 1e-12);
    }

    @Test
    void mramTmrFallsWithTemperatureAndBias() {
        DeviceModel cold = DeviceContractTest.model("mram", "stt");
        DeviceModel hot = cold.atTemperature(350, 1);
        // preset: g_P = 200 uS, g_AP = 80 uS (TMR 150 %), TMR falls 0.2 %/K: TMR(350 K) = 1.5 (1 - 0.1) = 1.35
        assertEquals(1.35, ((MramDevice.Model) hot).tmr(), 1e-12);
        DeviceMoments m = new DeviceMoments();
        hot.moments(80e-6, 0, 0, 0, 0, m);
        assertEquals(200e-6 / 2.35 - 80e-6, m.driftMean, 1e-15, "R_AP falls");
        hot.moments(200e-6, 0, 0, 0, 0, m.clear());
        assertEquals(0, m.driftMean, 0, "R_P stays");
        // Johnson noise 4 k T df g / V_r^2 at 50 MHz, 0.1 V
        hot.moments(200e-6, 0, 0, 1, 0, m.clear());
        assertEquals(4 * KB * 350 * 5e7 * 200e-6 / 0.01, m.readVar, 1e-9 * m.readVar);
        // bias roll-off TMR(V) = TMR0 / (1 + (V / 0.5 V)^2): the AP cell at 0 V vs the 0.1 V read
        double tmrRead = 1.5 / (1 + 0.04);
        assertEquals((1 + tmrRead) / 2.5, cold.ivFactor(80e-6, 0), 1e-12);
        assertEquals(1.0, cold.ivFactor(200e-6, 0), 0, "the P state is ohmic");
    }

    @Test
    void flashSubthresholdCurrentIsExponentialInTemperature() {
        FlashDevice.Model hot = (FlashDevice.Model) DeviceContractTest.model("flash", "nor-fg").atTemperature(330, 1);
        // preset: n 1.5, g_t 10 uS, dVt/dT -1 mV/K, mu ∝ T^-1.5 so I_t ∝ T^0.5
        double vt300 = KB * 300 / Q;
        double vt330 = KB * 330 / Q;
        for (double g : new double[] {0.5e-9, 1e-7, 5e-6}) {
            double l = Math.log(g / 10e-6);
            double lT = (l * 1.5 * vt300 + 1e-3 * 30) / (1.5 * vt330);
            double expected = Math.pow(1.1, 0.5) * Math.exp(lT - l);
            assertEquals(expected, hot.temperatureRatio(g), 1e-12 * expected);
        }
        assertTrue(hot.temperatureRatio(0.5e-9) > hot.temperatureRatio(5e-6), "deep subthreshold states change most");
        assertTrue(hot.temperatureRatio(5e-6) > 1);
        // charge loss, Arrhenius-accelerated with Ea = 1.1 eV: a = 1 mV log10(1 + t AF / 1 s) / (n V_T)
        double af = Math.exp(1.1 / (KB / Q) * (1.0 / 300 - 1.0 / 330));
        assertEquals(1e-3 * Math.log10(1 + 3600 * af) / (1.5 * vt330), hot.chargeLoss(3600), 1e-12);
        // drain amplitude in subthreshold: I ∝ 1 - exp(-V / V_T), normalised at the 0.2 V read
        FlashDevice.Model ref = (FlashDevice.Model) DeviceContractTest.model("flash", "nor-fg");
        double v = 0.05;
        double expected = ((1 - Math.exp(-v / vt300)) / v) / ((1 - Math.exp(-0.2 / vt300)) / 0.2);
        assertEquals(expected, ref.ivFactor(1e-6, v), 1e-12);
    }

    @Test
    void sinhCurvesAreNormalisedAtTheReadVoltage() {
        DeviceModel rram = DeviceContractTest.model("rram", "neurram");
        // V_0 = 0.5 V, read 0.2 V: (sinh(0.2)/0.2) / (sinh(0.4)/0.4) at 0.1 V
        assertEquals((Math.sinh(0.2) / 0.2) / (Math.sinh(0.4) / 0.4), rram.ivFactor(20e-6, 0.1), 1e-12);
        DeviceModel pcm = DeviceContractTest.model("pcm", "aihwkit");
        assertEquals(1.0, pcm.ivFactor(25e-6, 0.05), 0, "the crystalline (full SET) state is ohmic");
        double s = (Math.sinh(0.05 / 0.26) / (0.05 / 0.26)) / (Math.sinh(0.2 / 0.26) / (0.2 / 0.26));
        assertEquals(1 + 0.75 * (s - 1), pcm.ivFactor(6.25e-6, 0.05), 1e-12, "amorphous share 3/4");
    }
}
