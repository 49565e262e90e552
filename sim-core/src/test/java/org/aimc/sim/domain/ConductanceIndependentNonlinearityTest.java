package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.aimc.sim.device.DeviceModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tier-B current domain sums the I-V nonlinearity of a device whose factor does not depend on the
 * conductance (RRAM's sinh) as a second per-cell contribution scaled per row, in single precision, instead
 * of the general per-device sum over target conductances: the two give the same MVM outputs (up to a rare
 * converter code moved by the rounding), with every nonideality and the temporal noise on.
 */
class ConductanceIndependentNonlinearityTest {

    /** The device with {@link DeviceModel#ivFactorDependsOnConductance} true: the general per-target path. */
    private static DeviceModel general(DeviceModel d) {
        Object[] self = new Object[1];
        self[0] = Proxy.newProxyInstance(DeviceModel.class.getClassLoader(), new Class<?>[] {DeviceModel.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("ivFactorDependsOnConductance")) {
                        return true;
                    }
                    try {
                        Object r = m.invoke(d, args);
                        return r == d ? proxy : r;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DeviceModel) self[0];
    }

    @ParameterizedTest
    @ValueSource(strings = {"differential", "offset"})
    void sameOutputsAsThePerTargetSum(String signed) {
        Tiles.Point p = Tiles.point("  device: {kind: rram}\n  dac: {kind: amplitude, bits: 6}\n"
                + "  adc: {kind: sar, bits: 8}\n  array: {rows: 128, cols: 64}\n"
                + "  mapping: {weight_bits: 6, bits_per_cell: 2, signed: " + signed + "}\n"
                + "  operating: {time_s: 86400, drift_compensation: true}\n"
                + "  nonideal: {ir_drop: analytic, stuck_at: 1, nonlinearity: 1, temperature: 1}");
        TileContext fast = p.c();
        assertTrue(!fast.device.ivFactorDependsOnConductance(), "RRAM's factor does not depend on g");
        TileContext slow = TileContext.of(fast.spec, general(fast.device));
        TileContext linear = Tiles.point("  device: {kind: rram}\n  dac: {kind: amplitude, bits: 6}\n"
                + "  adc: {kind: sar, bits: 8}\n  array: {rows: 128, cols: 64}\n"
                + "  mapping: {weight_bits: 6, bits_per_cell: 2, signed: " + signed + "}\n"
                + "  operating: {time_s: 86400, drift_compensation: true}\n"
                + "  nonideal: {ir_drop: analytic, stuck_at: 1, nonlinearity: 0, temperature: 1}").c();
        int rows = 128;
        int cols = fast.weightColumns();
        int[][] w = Tiles.weights(fast, rows, cols, 7);
        int[][] x = Tiles.inputs(fast, 200, rows, 8);
        ChipKey key = new ChipKey(3, 0, 5);
        double[][] yFast = new double[x.length][cols];
        double[][] ySlow = new double[x.length][cols];
        double[][] yLin = new double[x.length][cols];
        TileSimulator.program(fast, p.model(), w, key).mvm(x, yFast, 0);
        TileSimulator.program(slow, p.model(), w, key).mvm(x, ySlow, 0);
        TileSimulator.program(linear, p.model(), w, key).mvm(x, yLin, 0);
        int differ = 0;
        double d2 = 0;
        double nl2 = 0;
        for (int v = 0; v < x.length; v++) {
            for (int j = 0; j < cols; j++) {
                double d = yFast[v][j] - ySlow[v][j];
                differ += d != 0 ? 1 : 0;
                d2 += d * d;
                double e = ySlow[v][j] - yLin[v][j];
                nl2 += e * e;
            }
        }
        int n = x.length * cols;
        System.out.printf("%s: %d of %d outputs differ, difference power %.3g, nonlinearity power %.3g%n", signed,
                differ, n, d2, nl2);
        // the nonlinearity moves the outputs; the two sums of it agree but for rounding (a code here and there)
        assertTrue(nl2 > 0, "the nonlinearity changes the outputs");
        assertTrue(differ <= 0.01 * n, differ + " of " + n + " outputs differ");
        assertTrue(d2 <= 1e-4 * nl2, "difference power " + d2 + " vs the nonlinearity's " + nl2);
    }
}
