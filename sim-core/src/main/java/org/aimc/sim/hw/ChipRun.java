package org.aimc.sim.hw;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.aimc.sim.nn.Examples;

/**
 * The refinement of one design point on one chip instance: the network programmed onto the chip and
 * classified over a test set at each requested time since programming, with and without drift
 * compensation. Every setting reprograms the same chip (same static draws), so settings differ only by
 * time and compensation.
 */
public final class ChipRun {
    /** Input vectors of each layer over which the MVM errors are measured. */
    public static final int METER_VECTORS = 1000;

    private ChipRun() {
    }

    /** An evaluation setting: time since programming and whether drift compensation is on. */
    public record Setting(double timeS, boolean driftCompensation) implements Serializable {
        public Setting {
            if (!(timeS >= 0) || Double.isInfinite(timeS)) {
                throw new IllegalArgumentException("time must be finite and >= 0 s, got " + timeS);
            }
        }
    }

    /**
     * The outcome of one chip at one setting.
     *
     * @param accuracy                fraction of the test set classified correctly
     * @param mvmRelErrorMeasured     {@link MvmErrorMeter#mvmRelError()}
     * @param operandRelErrorMeasured {@link MvmErrorMeter#operandRelError()}
     * @param mvmGainMeasured         {@link MvmErrorMeter#mvmGain()}
     * @param mvmRelErrorEffectiveMeasured {@link MvmErrorMeter#mvmRelErrorEffective()}
     * @param mvmRelErrorByLayer      {@link MvmErrorMeter#mvmRelError(int)} of each layer
     */
    public record Result(Setting setting, int chip, double accuracy, double mvmRelErrorMeasured,
            double operandRelErrorMeasured, double mvmGainMeasured, double mvmRelErrorEffectiveMeasured,
            double[] mvmRelErrorByLayer) implements Serializable {
    }

    /**
     * Runs chip {@code chip} of {@code point} at every setting over {@code test}, in batches of
     * {@code batchSize}.
     */
    public static List<Result> run(QuantisedNetwork q, HardwarePoint point, int chip, List<Setting> settings,
            Examples test, int batchSize) {
        List<Result> out = new ArrayList<>(settings.size());
        for (Setting s : settings) {
            HardwarePoint at = point.at(s.timeS(), s.driftCompensation());
            HardwareNetwork hw = HardwareNetwork.programMetered(q, at, chip, METER_VECTORS);
            double acc = hw.classify(test, batchSize, null);
            MvmErrorMeter m = hw.errors();
            double[] layers = new double[m.layers()];
            for (int l = 0; l < layers.length; l++) {
                layers[l] = m.mvmRelError(l);
            }
            out.add(new Result(s, chip, acc, m.mvmRelError(), m.operandRelError(), m.mvmGain(),
                    m.mvmRelErrorEffective(), layers));
        }
        return out;
    }
}
