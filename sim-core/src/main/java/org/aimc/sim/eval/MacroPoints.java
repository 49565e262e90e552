package org.aimc.sim.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aimc.sim.spec.AdcSpec;
import org.aimc.sim.spec.ArraySpec;
import org.aimc.sim.spec.DacSpec;
import org.aimc.sim.spec.DeviceSpec;
import org.aimc.sim.spec.DomainSpec;
import org.aimc.sim.spec.MappingSpec;
import org.aimc.sim.spec.OperatingSpec;
import org.aimc.sim.spec.PointSpec;
import org.aimc.sim.spec.SpecException;

/**
 * Design points of published macros, from the columns of a calibration file (the format of
 * {@code conf/validation/macros-calibration.csv}): one row per macro and operating condition. Everything
 * the file does not state takes a documented default:
 * <ul>
 *   <li>{@code vdd_v} blank: the nominal core supply of the node ({@link #nominalVdd});</li>
 *   <li>the device preset: the memory type's default; bits per cell: as many as the device stores;</li>
 *   <li>the ADC kind: {@link #DEFAULT_ADC} of the compute domain; one ADC per column;</li>
 *   <li>signed weights: a differential pair; 1-bit weights are modelled as 2-bit sign-magnitude weights
 *       (a ±1 weight on one pair);</li>
 *   <li>the operating and nonideality settings of {@link PointSpec#DEFAULTS} (they do not enter TOPS/W).</li>
 * </ul>
 */
public final class MacroPoints {
    /** Columns a calibration file must have. */
    public static final List<String> REQUIRED = List.of("name", "memory_type", "compute_domain", "tech_node_nm",
            "rows", "cols", "input_bits", "weight_bits", "adc_bits", "input_encoding");

    /**
     * The readout converter each domain uses in the silicon of physics.md §2: SAR for current and
     * charge-redistribution (often re-using the array capacitors), CCO for the charge domain (IBM
     * HERMES-Core, ref. 10), flash for capacitive and resistive division (C3SRAM, XNOR-SRAM, refs. 9, 9b),
     * TDC for the time domain.
     */
    public static final Map<String, String> DEFAULT_ADC = Map.of("current", "sar", "charge", "cco",
            "charge-redistribution", "sar", "capacitive-division", "flash", "resistive-division", "flash",
            "time", "tdc");

    /** Input encodings of the file and the driver kinds that implement them. */
    public static final Map<String, String> ENCODINGS = Map.of("amplitude", "amplitude", "bit-serial",
            "bit-serial", "pwm", "pwm");

    private MacroPoints() {
    }

    /**
     * Nominal core supply by node, V: 1.8 (≥ 180 nm), 1.2 (130 nm), 1.0 (90–65 nm), 0.9 (45–28 nm), 0.8
     * (22–12 nm), 0.75 (below); typical foundry core voltages [T].
     */
    public static double nominalVdd(double nodeNm) {
        if (nodeNm >= 180) {
            return 1.8;
        }
        if (nodeNm >= 130) {
            return 1.2;
        }
        if (nodeNm >= 65) {
            return 1.0;
        }
        if (nodeNm >= 28) {
            return 0.9;
        }
        if (nodeNm >= 12) {
            return 0.8;
        }
        return 0.75;
    }

    /**
     * The design point of one file row (column name to text; blanks are empty strings).
     *
     * @throws SpecException naming the column when a value is missing or invalid
     */
    public static PointSpec point(Map<String, String> row) {
        for (String c : REQUIRED) {
            if (!row.containsKey(c) || row.get(c).isBlank()) {
                throw new SpecException(c, "missing (required columns: " + REQUIRED + ")");
            }
        }
        double node = number(row, "tech_node_nm");
        String vddText = row.getOrDefault("vdd_v", "");
        double vdd = vddText.isBlank() ? nominalVdd(node) : number(row, "vdd_v");
        String domain = row.get("compute_domain").strip();
        String encoding = row.get("input_encoding").strip();
        String dac = ENCODINGS.get(encoding);
        if (dac == null) {
            throw new SpecException("input_encoding", "unknown value '" + encoding + "'; allowed: "
                    + new java.util.TreeSet<>(ENCODINGS.keySet()));
        }
        String adc = DEFAULT_ADC.get(domain);
        if (adc == null) {
            throw new SpecException("compute_domain", "unknown value '" + domain + "'; allowed: "
                    + new java.util.TreeSet<>(DEFAULT_ADC.keySet()));
        }
        int weightBits = Math.max(2, integer(row, "weight_bits"));
        PointSpec d = PointSpec.DEFAULTS;
        try {
            return d.withDevice(DeviceSpec.of(row.get("memory_type").strip()))
                    .withDomain(DomainSpec.of(domain))
                    .withArray(new ArraySpec(integer(row, "rows"), integer(row, "cols"), d.array().access(),
                            d.array().wireOhm()))
                    .withDac(new DacSpec(dac, integer(row, "input_bits")))
                    .withAdc(new AdcSpec(adc, integer(row, "adc_bits"), 1, d.adc().fullScale(), d.adc().clipSigma()))
                    .withMapping(new MappingSpec(weightBits, 8, "differential"))
                    .withOperating(new OperatingSpec(node, vdd, d.operating().temperatureK(), d.operating().timeS(),
                            d.operating().driftCompensation()));
        } catch (SpecException e) {
            throw new SpecException(columnOf(e.path()), e.problem());
        }
    }

    private static String columnOf(String field) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rows", "rows");
        m.put("cols", "cols");
        m.put("bits", "input_bits / adc_bits");
        m.put("weight_bits", "weight_bits");
        m.put("node_nm", "tech_node_nm");
        m.put("vdd_v", "vdd_v");
        return m.getOrDefault(field, field);
    }

    static double number(Map<String, String> row, String col) {
        try {
            double v = Double.parseDouble(row.get(col).strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SpecException(col, "expected a number, got '" + row.get(col) + "'");
        }
    }

    static int integer(Map<String, String> row, String col) {
        double v = number(row, col);
        if (v != Math.rint(v) || Math.abs(v) > 1 << 20) {
            throw new SpecException(col, "expected an integer, got '" + row.get(col) + "'");
        }
        return (int) v;
    }
}
