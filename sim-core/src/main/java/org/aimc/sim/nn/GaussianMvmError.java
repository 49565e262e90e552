package org.aimc.sim.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * An engine that adds zero-mean Gaussian error to every output of another engine's product:
 * {@code y = exact(x) + σ_l · N(0, 1)}, independently per output and per call (fresh noise on every
 * evaluation), with a fixed absolute standard deviation {@code σ_l} per layer.
 *
 * <p>With {@code σ_l = σ_rel · rms_l}, where {@code rms_l} is the root-mean-square of layer l's ideal
 * outputs ({@link MvmPowerMeter}), the injected error has {@code sqrt(E[e²] / E[y²]) = σ_rel} over the layer:
 * the definition of the {@code mvm_rel_error} column (physics.md §7), which the tier-A calibration
 * ({@link NoiseCalibration}) relies on. A σ of 0 leaves the product bit-for-bit unchanged.
 *
 * <p>Not thread-safe; the noise depends on the order of calls, which {@link Network#classify} fixes.
 */
public final class GaussianMvmError implements MvmEngine {
    private final MvmEngine exact;
    private final double[] sigma;
    private final double[] offset;
    private final NormalizedGaussianSampler z;

    /**
     * @param exact        the product the error is added to
     * @param sigmaByLayer absolute standard deviation of the error of each layer's outputs (≥ 0); copied
     * @param rng          source of the noise
     */
    public GaussianMvmError(MvmEngine exact, double[] sigmaByLayer, UniformRandomProvider rng) {
        this(exact, sigmaByLayer, new double[sigmaByLayer.length], rng);
    }

    /**
     * As above, every output of layer l also shifted by the static {@code offsetByLayer[l]} (the same for every
     * output and every input vector).
     */
    public GaussianMvmError(MvmEngine exact, double[] sigmaByLayer, double[] offsetByLayer, UniformRandomProvider rng) {
        if (offsetByLayer.length != sigmaByLayer.length) {
            throw new IllegalArgumentException("need one offset per layer: " + offsetByLayer.length + " offsets for "
                    + sigmaByLayer.length + " layers");
        }
        for (int l = 0; l < sigmaByLayer.length; l++) {
            double s = sigmaByLayer[l];
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("sigma of layer " + l + " must be finite and >= 0, got " + s);
            }
            if (!Double.isFinite(offsetByLayer[l])) {
                throw new IllegalArgumentException("offset of layer " + l + " must be finite, got " + offsetByLayer[l]);
            }
        }
        this.exact = exact;
        this.sigma = sigmaByLayer.clone();
        this.offset = offsetByLayer.clone();
        this.z = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /**
     * An engine whose error in layer l has standard deviation {@code sigmaRel · rmsByLayer[l]}.
     *
     * @param sigmaRel   relative error σ_rel ≥ 0
     * @param rmsByLayer RMS of each layer's ideal outputs
     */
    public static GaussianMvmError relative(MvmEngine exact, double sigmaRel, double[] rmsByLayer,
            UniformRandomProvider rng) {
        if (!(sigmaRel >= 0) || Double.isInfinite(sigmaRel)) {
            throw new IllegalArgumentException("sigmaRel must be finite and >= 0, got " + sigmaRel);
        }
        double[] s = new double[rmsByLayer.length];
        for (int l = 0; l < s.length; l++) {
            s[l] = sigmaRel * rmsByLayer[l];
        }
        return new GaussianMvmError(exact, s, rng);
    }

    @Override
    public void multiply(int layer, DenseLayer dense, double[] x, int batch, double[] y) {
        if (layer < 0 || layer >= sigma.length) {
            throw new IllegalArgumentException("layer " + layer + " has no sigma; this engine knows " + sigma.length
                    + " layers");
        }
        exact.multiply(layer, dense, x, batch, y);
        double s = sigma[layer];
        double o = offset[layer];
        int n = batch * dense.out();
        if (o != 0) {
            for (int i = 0; i < n; i++) {
                y[i] += o;
            }
        }
        if (s == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            y[i] += s * z.sample();
        }
    }
}
