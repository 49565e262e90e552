package org.aimc.sim.domain;

/** Energy, latency and area of one tile MVM with their breakdown, SI units. A mutable output holder. */
public final class TileCost {
    public double energyArrayJ;
    public double energyDacJ;
    public double energyAdcJ;
    public double energySenseJ;
    public double energyDigitalJ;
    public double latencyS;
    public double areaArrayM2;
    public double areaDacM2;
    public double areaAdcM2;
    public double areaSenseM2;
    public double areaDigitalM2;

    public double energyJ() {
        return energyArrayJ + energyDacJ + energyAdcJ + energySenseJ + energyDigitalJ;
    }

    public double areaM2() {
        return areaArrayM2 + areaDacM2 + areaAdcM2 + areaSenseM2 + areaDigitalM2;
    }

    public void clear() {
        energyArrayJ = 0;
        energyDacJ = 0;
        energyAdcJ = 0;
        energySenseJ = 0;
        energyDigitalJ = 0;
        latencyS = 0;
        areaArrayM2 = 0;
        areaDacM2 = 0;
        areaAdcM2 = 0;
        areaSenseM2 = 0;
        areaDigitalM2 = 0;
    }
}
