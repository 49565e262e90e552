package org.aimc.sim.spec;

import java.io.Serializable;

/**
 * Operating point.
 *
 * @param nodeNm            CMOS technology node in nm (sets feature size F and wire/gate scaling)
 * @param vddV              supply voltage in V
 * @param temperatureK      temperature in K
 * @param timeS             time since programming at which the network is evaluated, in s
 * @param driftCompensation digital global rescale from a reference read (aihwkit GlobalDriftCompensation)
 * @param columnCalibration per-column digital affine calibration (gain, offset) of the readout chain,
 *                          measured after programming (physics.md §1.1, §2.2)
 */
public record OperatingSpec(double nodeNm, double vddV, double temperatureK, double timeS, boolean driftCompensation,
        boolean columnCalibration) implements Serializable {
    public OperatingSpec {
        Checks.finiteIn("node_nm", nodeNm, 1, 1000);
        Checks.finiteIn("vdd_v", vddV, 0.1, 5);
        Checks.finiteIn("temperature_k", temperatureK, 1, 1000);
        Checks.finiteIn("time_s", timeS, 0, 1e10);
    }

    /** An operating point with the per-column calibration on. */
    public OperatingSpec(double nodeNm, double vddV, double temperatureK, double timeS, boolean driftCompensation) {
        this(nodeNm, vddV, temperatureK, timeS, driftCompensation, true);
    }

    public OperatingSpec withNodeNm(double v) {
        return new OperatingSpec(v, vddV, temperatureK, timeS, driftCompensation, columnCalibration);
    }

    public OperatingSpec withVddV(double v) {
        return new OperatingSpec(nodeNm, v, temperatureK, timeS, driftCompensation, columnCalibration);
    }

    public OperatingSpec withTemperatureK(double v) {
        return new OperatingSpec(nodeNm, vddV, v, timeS, driftCompensation, columnCalibration);
    }

    public OperatingSpec withTimeS(double v) {
        return new OperatingSpec(nodeNm, vddV, temperatureK, v, driftCompensation, columnCalibration);
    }

    public OperatingSpec withDriftCompensation(boolean v) {
        return new OperatingSpec(nodeNm, vddV, temperatureK, timeS, v, columnCalibration);
    }

    public OperatingSpec withColumnCalibration(boolean v) {
        return new OperatingSpec(nodeNm, vddV, temperatureK, timeS, driftCompensation, v);
    }
}
