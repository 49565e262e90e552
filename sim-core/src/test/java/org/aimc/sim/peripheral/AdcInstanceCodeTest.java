package org.aimc.sim.peripheral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link AdcInstance#code} (two branch-free comparisons, then walks for thresholds beyond an LSB) against the
 * definition of the transfer: the code is the number of thresholds at or below the converter's position
 * (p - P/2)(1 + gain) + P/2 + offset, clipped to the codes.
 */
class AdcInstanceCodeTest {

    @ParameterizedTest
    @CsvSource({
        "0.5, 0.2, 1.0, 0.005", // the SAR defaults: every threshold within an LSB of its place
        "3.0, 0.2, 1.0, 0.005", // an INL bow of 3 LSB: the walks move
        "0.0, 1.5, 0.0, 0.0", //   a DNL of 1.5 LSB: thresholds cross their neighbours' places
    })
    void codeCountsTheThresholdsAtOrBelowThePosition(double inl, double dnl, double offset, double gain) {
        UniformRandomProvider r = KeyedRandom.stream(11, 0, Purpose.CIRCUIT_MISMATCH, 0);
        var z = ZigguratSampler.NormalizedGaussian.of(r);
        AdcErrors e = new AdcErrors(inl, dnl, offset, gain, 0);
        int bits = 6;
        int p = 1 << bits;
        for (int instance = 0; instance < 20; instance++) {
            AdcInstance adc = AdcInstance.draw(e, bits, z);
            for (int n = 0; n < 20_000; n++) {
                double pos = -4 + (p + 8) * r.nextDouble();
                double q = adc.affine(pos);
                int count = 0;
                boolean near = false;
                for (int k = 1; k < p; k++) {
                    double t = adc.threshold(k);
                    count += q >= t ? 1 : 0;
                    near |= Math.abs(q - t) < 1e-4; // single-precision thresholds: no verdict this close
                }
                if (!near) {
                    assertEquals(count, adc.code(pos, 0), "position " + pos + " (q = " + q + ")");
                }
            }
        }
    }
}
