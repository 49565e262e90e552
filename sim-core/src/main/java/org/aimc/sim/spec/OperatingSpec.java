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
 */
public record OperatingSpec(double nodeNm, double vddV, double temperatureK, double timeS, boolean driftCompensation)
        implements Serializable {
    public OperatingSpec {
        Checks.finiteIn("node_nm", nodeNm, 1, 1000);
        Checks.finiteIn("vdd_v", vddV, 0.1, 5);
        Checks.finiteIn("temperature_k", temperatureK, 1, 1000);
        Checks.finiteIn("time_s", timeS, 0, 1e10);
    }

    public OperatingSpec withNodeNm(double v) {
        return new OperatingSpec(v, vddV, temperatureK, timeS, driftCompensation);
    }

    public OperatingSpec withVddV(double v) {
        return new OperatingSpec(nodeNm, v, temperatureK, timeS, driftCompensation);
    }

    public OperatingSpec withTemperatureK(double v) {
        return new OperatingSpec(nodeNm, vddV, v, timeS, driftCompensation);
    }

    public OperatingSpec withTimeS(double v) {
        return new OperatingSpec(nodeNm, vddV, temperatureK, v, driftCompensation);
    }

    public OperatingSpec withDriftCompensation(boolean v) {
        return new OperatingSpec(nodeNm, vddV, temperatureK, timeS, v);
    }
}
