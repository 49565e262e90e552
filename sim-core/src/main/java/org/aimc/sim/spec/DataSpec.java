package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.List;

/**
 * Operand statistics the analytic tier averages over (and the Monte-Carlo tiles draw from).
 *
 * @param weights           weight distribution before quantisation: {@code uniform} on [-1, 1],
 *                          {@code gaussian} or {@code laplace} with standard deviation {@code weightStd},
 *                          clipped to [-1, 1] (weights are normalised to max|W|)
 * @param weightStd         standard deviation of gaussian / laplace weights as a fraction of max|W|
 * @param inputZeroFraction probability that an input is exactly zero (ReLU sparsity); the others are
 *                          uniform over the non-zero input codes
 */
public record DataSpec(String weights, double weightStd, double inputZeroFraction) implements Serializable {
    public static final List<String> WEIGHTS = List.of("uniform", "gaussian", "laplace");

    public DataSpec {
        Checks.oneOf("weights", weights, WEIGHTS);
        Checks.positive("weight_std", weightStd, 1);
        Checks.finiteIn("input_zero_fraction", inputZeroFraction, 0, 0.99);
    }

    public DataSpec withWeights(String v) {
        return new DataSpec(v, weightStd, inputZeroFraction);
    }

    public DataSpec withWeightStd(double v) {
        return new DataSpec(weights, v, inputZeroFraction);
    }

    public DataSpec withInputZeroFraction(double v) {
        return new DataSpec(weights, weightStd, v);
    }
}
