package org.aimc.sim.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.spec.AdcSpec;
import org.aimc.sim.spec.ArraySpec;
import org.aimc.sim.spec.DacSpec;
import org.aimc.sim.spec.DataSpec;
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
 *   <li>{@code vdd_v} blank: the nominal core supply of the node ({@link Technology#nominalVddV});</li>
 *   <li>the device preset: the memory type's default; bits per cell: as many as the device stores;</li>
 *   <li>the ADC kind: {@link #DEFAULT_ADC} of the compute domain; one ADC per column;</li>
 *   <li>input encodings {@link #ENCODINGS}: {@code amplitude} is a per-row capacitive DAC (for
 *       charge redistribution the cell's switch passes the DAC level onto its capacitor, as the C-2C input
 *       DAC of Wang et al., VLSI 2022, does), {@code pwm} pulse widths, {@code bit-serial} one binary
 *       evaluation per input bit;</li>
 *   <li>signed weights: a differential pair; 1-bit weights are binary ±1 weights (mapping.weight_bits = 1:
 *       the sign alone, one device of the pair on, never a zero weight);</li>
 *   <li>read phases of the charge domain: the optional column {@code read_phases} (1, 2 or 4), else the
 *       mode the notes of a charge-domain row name ("one-phase", "two-phase", "four-phase", IBM HERMES's read modes, physics.md
 *       §2.2), else 1;</li>
 *   <li>local weight multiplexing: the optional column {@code weights_per_compute_cell} (storage cells
 *       sharing one compute element, 1..64; {@code array.weights_per_compute_cell}), blank or absent: 1 (every
 *       stored weight computes in every evaluation). Wang et al. (IEEE JSSC 2023, the journal version of the
 *       VLSI 2022 macro, abstract: "a maximum of 2k multiply-accumulate (MAC) operations in one clock cycle",
 *       "a local weight multiplexing scheme with a 9T SRAM cell") store 8k 8-bit weights and compute 2k: 4;</li>
 *   <li>the operating and nonideality settings of {@link PointSpec#DEFAULTS} (they do not enter TOPS/W).</li>
 * </ul>
 * TOPS/mm^2 is modelled for one tile of {@code rows x cols} with all its periphery (array, row drivers,
 * sense circuits, converters, shift-and-add): the macro area papers quote.
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
     * Operand statistics of a macro measurement: dense random operands, weights uniform over their range and
     * inputs uniform over their codes with no forced zeros (peak TOPS/W figures are measured on random
     * vectors; a network's ReLU sparsity is a workload property, {@link PointSpec#DEFAULTS}).
     */
    public static final DataSpec MEASURED_DATA = new DataSpec("uniform", 0.25, 0.0);

    /** Read-phase modes the notes of a row may name, and their phase counts. */
    static final Map<String, Integer> PHASE_WORDS = Map.of("one-phase", 1, "two-phase", 2, "four-phase", 4);

    /** Nominal core supply by node, V ({@link Technology#nominalVddV}). */
    public static double nominalVdd(double nodeNm) {
        return Technology.nominalVddV(nodeNm);
    }

    /**
     * Read phases of a row: the {@code read_phases} column when present and not blank, else for the charge
     * domain the one phase word its notes name, else 1.
     */
    /** Local weight multiplexing of a row: the optional column {@code weights_per_compute_cell}, else 1. */
    static int weightsPerComputeCell(Map<String, String> row) {
        String col = row.getOrDefault("weights_per_compute_cell", "");
        return col.isBlank() ? 1 : integer(row, "weights_per_compute_cell");
    }

    static int readPhases(Map<String, String> row, String domain) {
        String col = row.getOrDefault("read_phases", "");
        if (!col.isBlank()) {
            int p = integer(row, "read_phases");
            if (p != 1 && p != 2 && p != 4) {
                throw new SpecException("read_phases", "must be 1, 2 or 4, got " + p);
            }
            return p;
        }
        if (!domain.equals("charge")) {
            return 1;
        }
        String notes = row.getOrDefault("notes", "").toLowerCase(java.util.Locale.ROOT);
        int found = 0;
        for (Map.Entry<String, Integer> e : PHASE_WORDS.entrySet()) {
            if (notes.contains(e.getKey())) {
                if (found != 0) {
                    throw new SpecException("notes", "names several read modes " + PHASE_WORDS.keySet()
                            + "; give the column read_phases");
                }
                found = e.getValue();
            }
        }
        return found == 0 ? 1 : found;
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
        int weightBits = integer(row, "weight_bits");
        PointSpec d = PointSpec.DEFAULTS;
        try {
            DomainSpec dom = DomainSpec.of(domain);
            int phases = readPhases(row, domain);
            if (phases != 1) {
                if (!domain.equals("charge")) {
                    throw new SpecException("read_phases", phases + " read phases are a mode of the charge domain, "
                            + "not of " + domain);
                }
                dom = dom.withOverride("read_phases", phases);
            }
            return d.withDevice(DeviceSpec.of(row.get("memory_type").strip()))
                    .withDomain(dom)
                    .withArray(new ArraySpec(integer(row, "rows"), integer(row, "cols"), d.array().access(),
                            d.array().wireOhm(), weightsPerComputeCell(row)))
                    .withDac(new DacSpec(dac, integer(row, "input_bits")))
                    .withAdc(new AdcSpec(adc, integer(row, "adc_bits"), 1, d.adc().fullScale(), d.adc().clipSigma()))
                    .withMapping(new MappingSpec(weightBits, 8, "differential"))
                    .withOperating(new OperatingSpec(node, vdd, d.operating().temperatureK(), d.operating().timeS(),
                            d.operating().driftCompensation()))
                    .withData(MEASURED_DATA);
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
