package org.aimc.sim.hat;

import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.domain.Readouts;
import org.aimc.sim.domain.TileContext;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.ParamValues;
import org.aimc.sim.spec.PointSpec;

/**
 * A design point resolved into what the training models need: the operand precisions and tile geometry of
 * the deployed network ({@code org.aimc.sim.hw.HardwareNetwork}), the weight mapping, the device-origin
 * error of every stored level ({@link LevelNoise}) and of every integer weight, the output-referred noise of
 * everything else from the point's analytic error budget ({@link org.aimc.sim.domain.DomainModel#errors}),
 * the ADC range when one conversion serves one output, and the systematic physics the physical model
 * differentiates through. Immutable.
 *
 * <p><b>Output noise.</b> The budget gives the variance of every error source of one column of a full tile in
 * squared integer output units. The weight noise already carries programming, drift and read noise, so the
 * probabilistic model adds the rest ({@link #outputVariance(boolean)}), less the ADC's quantisation when the
 * model quantises the output itself ({@link #outputRange}), and the physical model also less what its physics
 * reproduces (IR drop, the divider's compression). A row block of r rows gets the fraction r / rows of it
 * (the budget's terms grow with the rows summed).
 *
 * <p><b>Physics.</b> Current and charge domains: the bit-line IR drop when {@code nonideal.ir_drop} is not
 * {@code none} ({@link BitLineLadder}: first order for {@code analytic}, which is what the tier-B tile uses,
 * the exact ladder for {@code segmented} and {@code nodal}); charge domain: the bit line's RC settling into
 * the integrator when the chip physics asks for it ({@link ChargeSettling}). Resistive division with
 * bit-serial (gated) inputs and a linear read-out: the Millman divider ({@link MillmanDivider}) and each
 * node's converter (its range clips the node voltage, its codes quantise it; the range as the tier-B tile
 * sets it from the point's data statistics).
 */
public final class TrainingTarget {
    private final HardwarePoint point;
    private final TileContext ctx;
    private final WeightMapping map;
    private final ChipPhysics chip;
    private final int weightBits;
    private final int inputBits;
    private final int qMax;
    private final int xMax;
    private final int tileRows;
    private final int tileCols;
    private final Encoding encoding;
    private final int cycles;
    private final double levelStepS;
    private final double base;
    private final double compensation;
    private final LevelNoise noise;
    private final double[] weightMean;
    private final double[] weightVar;
    private final ErrorBudget budget;
    private final boolean outputQuantised;
    private final BitLineLadder.Mode irMode;
    private final double wireOhm;
    private final MillmanDivider divider;
    private final double[][] dividerCentre;
    /** Converter range of each divider node [slice][device] in voltage ratio, null with an ideal converter. */
    private final Readouts.Range[][] dividerRange;
    private final double settleBeta;
    private final double settleGamma;
    private final String domainId;

    private TrainingTarget(HardwarePoint point, ChipPhysics chip) {
        this.point = point;
        this.chip = chip;
        this.ctx = point.context();
        PointSpec spec = point.spec();
        this.domainId = spec.domain().kind();
        this.map = ctx.mapping;
        this.weightBits = spec.mapping().weightBits();
        this.inputBits = ctx.inputBits();
        this.qMax = map.qMax();
        this.xMax = ctx.operands.xMax();
        this.tileRows = point.tileRows();
        this.tileCols = point.tileColumns();
        this.encoding = ctx.encoding();
        this.cycles = ctx.cycles();
        var ni = spec.nonideal();
        ParamValues dp = SweepPlan.domainParams(spec.domain());
        boolean rd = domainId.equals("resistive-division");
        double accessOhm = rd ? dp.get("access_r_on_ohm") : 0;
        double gMin = ctx.device.params().gMinS;
        double gMax = ctx.device.params().gMaxS;
        if (accessOhm > 0) {
            gMin = gMin / (1 + gMin * accessOhm);
            gMax = gMax / (1 + gMax * accessOhm);
        }
        this.levelStepS = (gMax - gMin) / (map.levels() - 1);
        this.base = gMin / levelStepS;
        this.compensation = ctx.deviceErrors.compensation;
        double readScale = 1;
        if (encoding == Encoding.BIT_SERIAL) {
            double ex2 = ctx.operands.ex2();
            readScale = ex2 > 0 ? ctx.operands.bitActivity() * (Math.scalb(1.0, 2 * inputBits) - 1) / 3.0 / ex2 : 1;
        }
        this.noise = LevelNoise.of(ctx.device, gMin, levelStepS, map.levels(), accessOhm, ni.programmingNoise(),
                ni.readNoise(), ni.drift(), spec.operating().timeS(), readScale);
        this.weightMean = new double[2 * qMax + 1];
        this.weightVar = new double[2 * qMax + 1];
        noise.weightTables(map, true, weightMean, weightVar);
        this.budget = new ErrorBudget();
        point.domain().errors(ctx, budget);
        boolean linearDomain = domainId.equals("current") || domainId.equals("charge");
        this.outputQuantised = linearDomain && cycles == 1 && map.slices() == 1 && !ctx.adc.ideal();
        boolean ir = linearDomain && !ni.irDrop().equals("none") && spec.array().wireOhm() > 0;
        this.irMode = !ir ? null : ni.irDrop().equals("analytic") ? BitLineLadder.Mode.FIRST_ORDER
                : BitLineLadder.Mode.EXACT;
        this.wireOhm = ir ? spec.array().wireOhm() : 0;
        if (rd && encoding == Encoding.BIT_SERIAL && dp.get("invert_millman") == 0) {
            Readouts.Inputs in = Readouts.inputs(ctx);
            int rows = spec.array().rows();
            double meanLevel = Readouts.meanLevel(ctx);
            double load = Math.max(dp.get("load_ratio") * rows * in.eu() * (base + meanLevel), 1e-12);
            this.divider = new MillmanDivider(load, false);
            Readouts.Digit[][] lv = Readouts.levels(ctx);
            this.dividerCentre = new double[lv.length][];
            this.dividerRange = ctx.adc.ideal() ? null : new Readouts.Range[lv.length][];
            for (int s = 0; s < lv.length; s++) {
                dividerCentre[s] = new double[lv[s].length];
                if (dividerRange != null) {
                    dividerRange[s] = new Readouts.Range[lv[s].length];
                }
                for (int d = 0; d < lv[s].length; d++) {
                    Readouts.Digit l = lv[s][d].shift(base);
                    double mu = Readouts.mean(in, l, rows);
                    dividerCentre[s][d] = mu;
                    if (dividerRange != null) {
                        // the tier-B tile's converter range of a gated node, in voltage ratio
                        double sd = Math.sqrt(Readouts.variance(in, l, rows));
                        double sMax = rows * in.uMax() * Math.max(l.max(), 0);
                        dividerRange[s][d] = Readouts.dividerRange(ctx, divider::ratio, mu, sd, sMax,
                                new Readouts.Range());
                    }
                }
            }
        } else {
            this.divider = null;
            this.dividerCentre = null;
            this.dividerRange = null;
        }
        if (domainId.equals("charge") && chip.chargeSettling()) {
            double capF = ctx.tech.wireCapF(spec.array().rows() * ctx.cellPitchM()) + chip.chargeNodeCapF();
            double tLsb = dp.get("t_lsb_s");
            this.settleBeta = capF / (tLsb * levelStepS);
            this.settleGamma = 1 / (chip.chargeInputOhm() * levelStepS);
        } else {
            this.settleBeta = 0;
            this.settleGamma = 0;
        }
    }

    /**
     * The training target of a feasible design point.
     *
     * @throws IllegalStateException when the point is infeasible (with the reason)
     */
    public static TrainingTarget of(HardwarePoint point, ChipPhysics chip) {
        if (point.infeasibility() != null) {
            throw new IllegalStateException("infeasible design point: " + point.infeasibility());
        }
        return new TrainingTarget(point, chip);
    }

    public HardwarePoint point() {
        return point;
    }

    public TileContext context() {
        return ctx;
    }

    public ChipPhysics chipPhysics() {
        return chip;
    }

    public String domainId() {
        return domainId;
    }

    public WeightMapping mapping() {
        return map;
    }

    public int weightBits() {
        return weightBits;
    }

    public int inputBits() {
        return inputBits;
    }

    /** Largest weight magnitude Q. */
    public int qMax() {
        return qMax;
    }

    /** Largest input code. */
    public int xMax() {
        return xMax;
    }

    public int tileRows() {
        return tileRows;
    }

    /** Logical weight columns per tile. */
    public int tileColumns() {
        return tileCols;
    }

    public Encoding encoding() {
        return encoding;
    }

    /** Array evaluations per input vector (bits for bit-serial inputs, else 1). */
    public int cycles() {
        return cycles;
    }

    /** Level step ΔG at the node, S. */
    public double levelStepS() {
        return levelStepS;
    }

    /** Conductance of level 0 in level units, g_min / ΔG. */
    public double base() {
        return base;
    }

    /** Output rescale of the drift compensation κ. */
    public double compensation() {
        return compensation;
    }

    public LevelNoise levelNoise() {
        return noise;
    }

    /** m(w) of integer weight w ({@link LevelNoise}). */
    public double weightMean(int w) {
        return weightMean[w + qMax];
    }

    /** v(w) of integer weight w ({@link LevelNoise}), read noise included. */
    public double weightVariance(int w) {
        return weightVar[w + qMax];
    }

    /** The point's analytic error budget (one column of a full tile). Do not modify. */
    public ErrorBudget budget() {
        return budget;
    }

    /** True when the model quantises each row block's output as the tile's single conversion does. */
    public boolean outputQuantised() {
        return outputQuantised;
    }

    /**
     * The converter range of a row block of {@code rows} rows (one conversion per output: linear domains,
     * one slice, one cycle), as the tier-B tile sets it. Overwrites {@code out}.
     */
    public Readouts.Range outputRange(int rows, Readouts.Range out) {
        Readouts.Inputs in = Readouts.inputs(ctx);
        Readouts.Digit d = Readouts.difference(ctx, 0);
        double zMin = rows * in.uMax() * Math.min(d.min(), 0);
        double zMax = rows * in.uMax() * Math.max(d.max(), 0);
        return Readouts.linearRange(ctx, Readouts.mean(in, d, rows), Math.sqrt(Readouts.variance(in, d, rows)), zMin,
                zMax, out);
    }

    /** Bit-line IR-drop solution the physical model uses, or null without IR drop. */
    public BitLineLadder.Mode irDropMode() {
        return irMode;
    }

    /** Wire segment resistance of the IR-drop model, ohm. */
    public double wireOhm() {
        return wireOhm;
    }

    /** The divider of a gated resistive-division point with a linear read-out, or null. */
    public MillmanDivider divider() {
        return divider;
    }

    /** The read-out centre s0 of slice s, device d ({@link MillmanDivider}). */
    public double dividerCentre(int s, int d) {
        return dividerCentre[s][d];
    }

    /**
     * The converter range (voltage ratio) of divider node (slice s, device d), as the tier-B tile sets it, or
     * null when the converter is ideal.
     */
    public Readouts.Range dividerRange(int s, int d) {
        return dividerRange == null ? null : dividerRange[s][d];
    }

    /** True when the charge-domain bit lines settle through the integrator's input resistance. */
    public boolean chargeSettling() {
        return settleGamma > 0;
    }

    /** β = C / (T ΔG) of {@link ChargeSettling}. */
    public double settleBeta() {
        return settleBeta;
    }

    /** γ = 1 / (R_in ΔG) of {@link ChargeSettling}. */
    public double settleGamma() {
        return settleGamma;
    }

    /** True when the physical model has systematic physics beyond the probabilistic one. */
    public boolean hasPhysics() {
        return irMode != null || divider != null || chargeSettling();
    }

    /**
     * Output-referred noise variance of one column of a full tile, squared integer output units: the budget
     * without its device terms (carried by the weight noise), without the ADC's quantisation when the model
     * quantises the output, and, for the physical model, without the sources its physics reproduces.
     */
    public double outputVariance(boolean physical) {
        double v = budget.totalVariance() - budget.variance(ErrorSource.PROGRAMMING)
                - budget.variance(ErrorSource.DRIFT) - budget.variance(ErrorSource.READ_NOISE);
        if (outputQuantised) {
            v -= budget.variance(ErrorSource.ADC);
        }
        if (physical) {
            if (irMode != null) {
                v -= budget.variance(ErrorSource.IR_DROP);
            }
            if (divider != null) {
                v -= budget.variance(ErrorSource.COMPRESSION);
            }
        }
        return Math.max(v, 0);
    }
}
