package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aimc.sim.accuracy.ErrorBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analytic bit-line IR drop ({@link ColumnSumErrors#addIrDrop}: the mean-field term and the attenuation of
 * each cell's own current) against the tier-B tile, whose first-order factors ({@link IrDropFactors}) carry
 * both, with IR drop the only nonideality and an ideal converter (256 x 256, 1-bit cells, differential): the
 * relative error, the output gain E[e y] / E[y^2] and the error with the gain set aside agree within 10 %,
 * 12 % and 10 %. Without the attenuation the analytic error was half the simulated one and its gain 0.
 */
class IrDropAttenuationTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"rram, current, bit-serial", "pcm, current, amplitude", "rram, charge, pwm"})
    void analyticIrDropMatchesTheSimulatedTile(String device, String domain, String dac) {
        String base = "  device: {kind: " + device + "}\n  domain: {kind: " + domain + "}\n"
                + "  array: {rows: 256, cols: 256}\n  dac: {kind: " + dac + ", bits: 8}\n  adc: {kind: ideal, bits: 8}\n"
                + "  mapping: {weight_bits: 8, bits_per_cell: 1, signed: differential}\n";
        Tiles.Point p = Tiles.point(base, "nonideal.programming_noise=0", "nonideal.read_noise=0", "nonideal.drift=0",
                "nonideal.ir_drop=analytic", "nonideal.stuck_at=0", "nonideal.nonlinearity=0",
                "nonideal.temperature=0", "nonideal.circuit_mismatch=0", "nonideal.circuit_noise=0");
        ErrorBudget b = p.budget();
        double[] m = new double[5];
        for (int chip = 0; chip < 2; chip++) {
            double[][][] r = Tiles.simulate(p, chip, 32, 99);
            Tiles.errorMoments(r[0], r[1], m);
        }
        double se = m[0];
        double sy = m[1];
        double sey = m[2];
        double rel = Math.sqrt(se / sy);
        double gain = sey / sy;
        double effective = Math.sqrt((se - sey * gain) / sy) / (1 + gain);
        System.out.printf("| %s %s | rel %.4f vs %.4f | gain %.4f vs %.4f | effective %.4f vs %.4f |%n", device,
                domain, b.relativeError(), rel, b.gain(), gain, b.effectiveRelativeError(), effective);
        assertEquals(rel, b.relativeError(), 0.10 * rel, "relative error");
        assertEquals(gain, b.gain(), 0.12 * Math.abs(gain), "gain");
        assertEquals(effective, b.effectiveRelativeError(), 0.10 * effective, "error with the gain set aside");
    }
}
