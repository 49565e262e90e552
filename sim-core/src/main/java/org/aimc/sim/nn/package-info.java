/**
 * Neural networks for the accuracy pipeline: multilayer perceptrons of {@link org.aimc.sim.nn.DenseLayer}s
 * with ReLU, softmax cross-entropy ({@link org.aimc.sim.nn.Losses}), SGD with momentum and Adam, and a
 * deterministic mini-batch {@link org.aimc.sim.nn.Trainer}, on plain row-major arrays (hot paths take
 * caller-owned outputs).
 *
 * <p>The hardware hook: every layer's matrix-vector product in {@link org.aimc.sim.nn.Network#forward}
 * goes through an {@link org.aimc.sim.nn.MvmEngine}. {@link org.aimc.sim.nn.DigitalMvm} is the exact
 * product; {@link org.aimc.sim.nn.GaussianMvmError} injects relative MVM error for the tier-A calibration
 * ({@link org.aimc.sim.nn.NoiseCalibration}); tier-B hardware models and hardware-aware training plug in the
 * same way. {@link org.aimc.sim.nn.NetworkCodec} turns weights into bytes and back (the files live in the
 * datasets module).
 *
 * <p>Reference workload {@code fashion-mlp} (conf/workloads/fashion-mlp.yaml): 784 inputs (a 28×28 image,
 * pixels / 255) → dense 256 + ReLU → dense 128 + ReLU → dense 10 (logits, softmax); weight matrices
 * 784×256, 256×128, 128×10 (235,146 parameters with biases).
 */
package org.aimc.sim.nn;
