package org.aimc.sim.domain;

import org.aimc.sim.peripheral.ColumnCalibration;
import org.aimc.sim.peripheral.ShiftAdd;

/**
 * Cost terms every domain shares (physics.md §5.7, §6): array and row-driver area, converters (one per
 * {@code adc.columns_per_adc} converted nodes), their shift-and-add and per-column calibration, and the
 * capacitance of row and column lines.
 */
final class TileCosts {
    private TileCosts() {
    }

    /** Cells of the whole tile, m^2. */
    static double arrayAreaM2(TileContext c) {
        return (double) c.spec.array().rows() * c.spec.array().cols() * c.device.params().cellAreaF2 * c.tech.f2();
    }

    /** One driver per compute row (the input reaches the shared compute element, not each stored weight), m^2. */
    static double dacAreaM2(TileContext c) {
        return c.computeRows() * c.dac.areaM2(c.inputBits(), c.tech);
    }

    /**
     * Why a domain whose column sums every cell's own contribution cannot take local weight multiplexing
     * (array.weights_per_compute_cell &gt; 1), or null without multiplexing.
     */
    static String noWeightMultiplexing(TileContext c, String domain, String why) {
        if (c.weightsPerComputeCell() == 1) {
            return null;
        }
        return "array.weights_per_compute_cell = " + c.weightsPerComputeCell() + " (local weight multiplexing) is "
                + "modelled for the shared-capacitor domains (charge-redistribution, capacitive-division); " + domain
                + " " + why + " (use 1)";
    }

    /**
     * Energy of the local weight-multiplexing select lines per MVM, J: with k &gt; 1 stored weights per
     * compute element, each of the tile's compute rows switches one select line (wire across the tile and
     * one mux gate per column) to pick the weight of this evaluation, once per MVM; 0 without multiplexing.
     */
    static double muxSelectEnergyJ(TileContext c, int computeRows) {
        if (c.weightsPerComputeCell() == 1) {
            return 0;
        }
        double v = c.tech.vddV();
        return computeRows * rowLineCapF(c) * v * v;
    }

    /**
     * Area of storage cells plus compute elements, m^2: each compute row's element (a capacitor of area
     * {@code capAreaM2} over its cell, the larger of the two setting the pitch) and the k - 1 plain storage
     * cells multiplexed onto it, over all columns. Without multiplexing rows x cols x max(cell, capacitor).
     */
    static double sharedCapacitorArrayAreaM2(TileContext c, double capAreaM2) {
        double cell = c.device.params().cellAreaF2 * c.tech.f2();
        int rows = c.spec.array().rows();
        int compute = c.computeRows();
        int cols = c.spec.array().cols();
        double area = (double) compute * cols * Math.max(cell, capAreaM2);
        if (rows > compute) {
            area += (double) (rows - compute) * cols * cell;
        }
        return area;
    }

    /** Converters of a tile whose weight slices each convert {@code nodes} nodes. */
    static int adcCount(TileContext c, int nodes) {
        int convCols = c.weightColumns() * c.mapping.slices() * nodes;
        int k = c.spec.adc().columnsPerAdc();
        return (convCols + k - 1) / k;
    }

    /** Width of the shift-and-add accumulator behind one ADC. */
    static int accumulatorBits(TileContext c) {
        return ShiftAdd.accumulatorBits(c.spec.adc().bits(), c.mapping.bitsPerCell(), c.mapping.slices(),
                c.inputBits(), c.serial());
    }

    /** Converters and their digital back end, m^2: writes the ADC and digital areas of {@code out}. */
    static void converterArea(TileContext c, int nodes, TileCost out) {
        int adcs = adcCount(c, nodes);
        int bits = c.spec.adc().bits();
        int acc = accumulatorBits(c);
        out.areaAdcM2 = adcs * c.adc.areaM2(bits, c.tech);
        double digital = ShiftAdd.areaM2(acc, c.tech);
        if (c.calibrated()) {
            digital += ColumnCalibration.areaM2(bits, acc, c.tech);
        }
        out.areaDigitalM2 = adcs * digital;
    }

    /**
     * Conversions of one MVM with {@code weightCols} logical columns in use and each slice converting
     * {@code nodes} nodes per input cycle.
     */
    static double conversions(TileContext c, int weightCols, int nodes) {
        return (double) c.cycles() * weightCols * c.mapping.slices() * nodes;
    }

    /** ADC energy and the digital energy (shift-add, calibration) of one MVM: writes them into {@code out}. */
    static void converterEnergy(TileContext c, int weightCols, int nodes, TileCost out) {
        double n = conversions(c, weightCols, nodes);
        int bits = c.spec.adc().bits();
        int acc = accumulatorBits(c);
        out.energyAdcJ = n * c.adc.energyJ(bits, c.tech);
        double digital = ShiftAdd.energyJ(acc, c.tech);
        if (c.calibrated()) {
            digital += ColumnCalibration.energyJ(bits, acc, c.tech);
        }
        out.energyDigitalJ = n * digital;
    }

    /** Time to convert the nodes sharing one converter after an evaluation, s. */
    static double conversionLatencyS(TileContext c) {
        return c.spec.adc().columnsPerAdc() * c.adc.conversionTimeS(c.spec.adc().bits(), c.tech);
    }

    /**
     * Capacitance of one row line across the tile, F: the wire (cols x cell pitch at 0.2 fF/µm) and one
     * minimum transistor terminal per cell on it (the access or input gate; {@link
     * org.aimc.sim.cost.Technology#gateCapF}).
     */
    static double rowLineCapF(TileContext c) {
        int cols = c.spec.array().cols();
        return c.tech.wireCapF(cols * c.cellPitchM()) + cols * c.tech.gateCapF();
    }

    /**
     * Capacitance of one column line along the tile, F: the wire (storage rows x cell pitch: it runs past
     * every stored weight) and one minimum transistor terminal per compute cell on it (the junction of the
     * access device or share switch, ~ a gate capacitance; with local weight multiplexing only the compute
     * rows connect to the column).
     */
    static double columnLineCapF(TileContext c) {
        int rows = c.spec.array().rows();
        return c.tech.wireCapF(rows * c.cellPitchM()) + c.computeRows() * c.tech.gateCapF();
    }

    /**
     * Mean and mean square of one cycle's input relative to its full scale: {@code out[0]} = E[u] / u_max,
     * {@code out[1]} = E[u^2] / u_max^2.
     */
    static void relativeInput(TileContext c, double[] out) {
        Readouts.Inputs in = Readouts.inputs(c);
        out[0] = in.eu() / in.uMax();
        out[1] = in.eu2() / ((double) in.uMax() * in.uMax());
    }

    /** Physical columns of {@code weightCols} logical columns. */
    static int physicalColumns(TileContext c, int weightCols) {
        return weightCols * c.mapping.columnsPerWeight();
    }
}
