package org.aimc.sim.peripheral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.spec.SpecException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * Converter behaviour: an exact quantiser errs by at most half an LSB inside its range and clips outside;
 * INL/DNL drawn per chip have the bow as their mean and the specified DNL spread; comparator noise has the
 * specified spread; amplitude-DAC levels likewise; every kind's costs are positive and its parameters
 * validate.
 */
class ConverterTest {
    @Test
    void anExactQuantiserErrsByAtMostHalfAnLsbInsideAndClipsOutside() {
        UniformRandomProvider r = KeyedRandom.stream(1, 0, Purpose.DATA, 0);
        for (int bits : new int[] {1, 4, 8}) {
            AdcInstance a = AdcInstance.exact(bits);
            int p = a.codes();
            double lo = -3.7;
            double step = 0.013;
            for (int t = 0; t < 20_000; t++) {
                double v = lo + (1.4 * r.nextDouble() - 0.2) * p * step;
                double out = lo + (a.code((v - lo) / step, 0) + 0.5) * step;
                if (v >= lo && v < lo + p * step) {
                    assertTrue(Math.abs(out - v) <= 0.5 * step * (1 + 1e-12), "inside: " + v + " -> " + out);
                } else if (v < lo) {
                    assertEquals(lo + 0.5 * step, out, 1e-12, "clips at the bottom code");
                } else {
                    assertEquals(lo + (p - 0.5) * step, out, 1e-12, "clips at the top code");
                }
            }
        }
    }

    @Test
    void drawnThresholdsHaveTheBowAsMeanAndTheSpecifiedDnl() {
        AdcErrors e = new AdcErrors(0.7, 0.25, 0, 0, 0);
        int bits = 6;
        int p = 1 << bits;
        int chips = 4000;
        double[] sum = new double[p];
        double dnlSum = 0;
        double dnlSq = 0;
        long n = 0;
        var z = ZigguratSampler.NormalizedGaussian.of(KeyedRandom.stream(2, 0, Purpose.CIRCUIT_MISMATCH, 0));
        for (int chip = 0; chip < chips; chip++) {
            AdcInstance a = AdcInstance.draw(e, bits, z);
            for (int k = 1; k < p; k++) {
                sum[k] += a.threshold(k) - k;
                if (k < p - 1) {
                    double dnl = a.threshold(k + 1) - a.threshold(k) - 1;
                    dnlSum += dnl;
                    dnlSq += dnl * dnl;
                    n++;
                }
            }
        }
        for (int k = 1; k < p; k++) {
            double bow = 0.7 * Math.sin(Math.PI * k / p);
            // mean of chips draws: sigma / sqrt(chips) = 0.18 / 63 ~ 0.003 LSB
            assertEquals(bow, sum[k] / chips, 0.012, "INL of code " + k);
        }
        double dnlMean = dnlSum / n;
        double dnlSd = Math.sqrt(dnlSq / n - dnlMean * dnlMean);
        assertEquals(0.25, dnlSd, 0.25 * 0.03, "DNL standard deviation");
    }

    @Test
    void comparatorNoiseHasItsSpreadAndOffsetAndGainInvert() {
        AdcInstance a = AdcInstance.draw(new AdcErrors(0, 0, 1.5, 0.02, 0.4), 10,
                ZigguratSampler.NormalizedGaussian.of(KeyedRandom.stream(3, 0, Purpose.CIRCUIT_MISMATCH, 0)));
        var z = ZigguratSampler.NormalizedGaussian.of(KeyedRandom.stream(3, 0, Purpose.CIRCUIT_NOISE, 0));
        UniformRandomProvider r = KeyedRandom.stream(3, 0, Purpose.DATA, 0);
        double s = 0;
        double s2 = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            // inputs uniform over a stretch of codes: the error of the code centre against the affine transfer
            // is the quantisation error (uniform, 1/12) plus the comparator noise, independent
            double pos = 300 + 200 * r.nextDouble();
            double e = a.code(pos, z.sample()) + 0.5 - a.affine(pos);
            s += e;
            s2 += e * e;
        }
        double mean = s / n;
        double sd = Math.sqrt(s2 / n - mean * mean);
        assertEquals(Math.sqrt(0.16 + 1.0 / 12), sd, 0.01);
        assertEquals(0.0, mean, 0.01, "noise and quantisation average out around the affine transfer");
        double p = 400.25;
        assertEquals(p, a.unaffine(a.affine(p)), 1e-12);
    }

    @Test
    void amplitudeDacLevelsHaveTheBowAndTheDnlPerRow() {
        DacErrors e = new DacErrors(0.5, 0.2, 0, 0, 0);
        int bits = 5;
        int max = (1 << bits) - 1;
        DacInstance d = DacInstance.draw(e, Encoding.AMPLITUDE, bits, 20_000, KeyedRandom.stream(4, 0,
                Purpose.CIRCUIT_MISMATCH, 0));
        double dnlSq = 0;
        long n = 0;
        for (int k = 1; k <= max; k++) {
            double mean = 0;
            for (int row = 0; row < 20_000; row++) {
                mean += d.level(row, k) - k;
                if (k < max) {
                    double dnl = d.level(row, k + 1) - d.level(row, k) - 1 - (d.bow(k + 1) - d.bow(k));
                    dnlSq += dnl * dnl;
                    n++;
                }
            }
            assertEquals(d.bow(k), mean / 20_000, 0.005, "DAC INL of code " + k);
        }
        assertEquals(0.2, Math.sqrt(dnlSq / n), 0.2 * 0.02, "DAC DNL standard deviation");
        assertEquals(0.0, d.level(7, 0), 0.0, "code 0 drives nothing");
    }

    @Test
    void everyKindCostsSomethingAndValidatesItsParameters() {
        Technology tech = new Technology(22, 0.8, 300);
        for (AdcKind k : Peripherals.adcs().all()) {
            for (int bits = 1; bits <= 10; bits++) {
                if (k.ideal()) {
                    assertEquals(0.0, k.energyJ(bits, tech), 0.0);
                    continue;
                }
                assertTrue(k.energyJ(bits, tech) > 0 && k.conversionTimeS(bits, tech) > 0 && k.areaM2(bits, tech) > 0,
                        k.id());
                assertTrue(k.energyJ(bits + 1, tech) > k.energyJ(bits, tech), k.id() + " energy rises with bits");
            }
            AdcErrors.of(Peripherals.adcParams(k.id(), Map.of()));
        }
        for (DacKind k : Peripherals.dacs().all()) {
            assertTrue(k.coreEnergyJ(8, 0.2, tech) > 0 && k.areaM2(8, tech) > 0, k.id());
            DacErrors.of(Peripherals.dacParams(k.id(), Map.of()));
        }
        // an override one kind defines passes for every kind; an unknown name fails with the known ones
        Peripherals.adcParams("ideal", Map.of("inl_lsb", 0.1));
        SpecException ex = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> Peripherals.adcParams("sar", Map.of("inl", 0.1)));
        assertTrue(ex.getMessage().contains("inl_lsb"), ex.getMessage());
    }
}
