package org.aimc.sim.domain;

import java.util.HashMap;
import java.util.Map;
import org.aimc.sim.device.DeviceModel;
import org.aimc.sim.device.DeviceMoments;
import org.aimc.sim.device.DeviceParams;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * A device seen through the access transistor in series with it (1T1R, physics.md §2.5): the cell
 * conductance G' = g / (1 + g R_on). Levels are defined on G' — write-verify programs the device so that
 * the nominal cell conductances are equally spaced between G'(g_min) and G'(g_max) — and the device's
 * errors reach G' through the series combination: exactly in the samplers, to first order
 * (dG'/dg = 1 / (1 + g R_on)^2) in the closed-form moments. With R_on = 0 it is the device itself.
 */
final class SeriesAccessCell implements DeviceModel {
    private final DeviceModel dev;
    private final double rOn;
    private final DeviceParams params;

    SeriesAccessCell(DeviceModel dev, double rOnOhm) {
        this.dev = dev;
        this.rOn = rOnOhm;
        DeviceParams p = dev.params();
        Map<String, Double> v = new HashMap<>();
        for (ParamDef d : DeviceParams.COMMON) {
            v.put(d.name(), switch (d.name()) {
                case "g_min_s" -> cell(p.gMinS);
                case "g_max_s" -> cell(p.gMaxS);
                case "bits_per_cell_max" -> (double) p.bitsPerCellMax;
                case "read_voltage_v" -> p.readVoltageV;
                case "cell_area_f2" -> p.cellAreaF2;
                case "write_energy_j" -> p.writeEnergyJ;
                case "endurance_cycles" -> p.enduranceCycles;
                case "retention_s" -> p.retentionS;
                case "stuck_at_g_min_rate" -> p.stuckAtGMinRate;
                case "stuck_at_g_max_rate" -> p.stuckAtGMaxRate;
                default -> {
                    if (!d.hasDefault()) {
                        throw new IllegalStateException("device parameter " + d.name() + " unknown to the series cell");
                    }
                    yield d.defaultValue();
                }
            });
        }
        this.params = new DeviceParams(ParamValues.resolve(DeviceParams.COMMON, v, Map.of()));
    }

    /** Cell conductance of a device conductance, nominal R_on. */
    double cell(double g) {
        return g / (1 + g * rOn);
    }

    /** Device conductance of a cell conductance, nominal R_on. */
    double device(double gCell) {
        return gCell / (1 - gCell * rOn);
    }

    /** dG'/dg at device conductance g. */
    private double slope(double g) {
        double d = 1 + g * rOn;
        return 1 / (d * d);
    }

    @Override
    public String kind() {
        return dev.kind();
    }

    @Override
    public DeviceParams params() {
        return params;
    }

    @Override
    public double programmingSigma(double gCell) {
        double g = device(gCell);
        return dev.programmingSigma(g) * slope(g);
    }

    @Override
    public void moments(double gCell, double t, double prog, double read, double drift, DeviceMoments out) {
        double g = device(gCell);
        dev.moments(g, t, prog, read, drift, out);
        double k = slope(g);
        out.programmingMean *= k;
        out.driftMean *= k;
        out.programmingVar *= k * k;
        out.driftVar *= k * k;
        out.readVar *= k * k;
    }

    @Override
    public double samplePrograms(double gCell, double knob, NormalizedGaussianSampler z) {
        return cell(dev.samplePrograms(device(gCell), knob, z));
    }

    @Override
    public double sampleDrift(double gCell, double gCellProgrammed, double t, double scale,
            NormalizedGaussianSampler z) {
        return cell(dev.sampleDrift(device(gCell), device(gCellProgrammed), t, scale, z));
    }

    @Override
    public double sampleRead(double gCell, double gCellNow, double t, double knob, NormalizedGaussianSampler z) {
        return cell(dev.sampleRead(device(gCell), device(gCellNow), t, knob, z));
    }

    @Override
    public double stuckConductance(int state) {
        return cell(dev.stuckConductance(state));
    }

    @Override
    public DeviceModel atTemperature(double temperatureK, double knob) {
        DeviceModel d = dev.atTemperature(temperatureK, knob);
        return d == dev ? this : new SeriesAccessCell(d, rOn);
    }
}
