/**
 * Hardware-aware training (HAT) in its three families (physics.md §8), on the networks of
 * {@link org.aimc.sim.nn} and the hardware-mapped inference of {@link org.aimc.sim.hw}.
 *
 * <ul>
 *   <li><b>Probabilistic / precise modelling</b>: {@link org.aimc.sim.hat.ModelMvm} with
 *       {@link org.aimc.sim.hat.ModelMvm.Model#PROBABILISTIC} — the deployment's input and weight
 *       quantisation with straight-through estimators and learned clipping levels
 *       ({@link org.aimc.sim.nn.Quantizers}), weight noise w̃ = κ (w + m(w) + σ(w) ε) with the
 *       reparameterisation trick, σ(w) from the point's device σ(g) ({@link org.aimc.sim.hat.LevelNoise}), output
 *       noise and the converter from the point's analytic error budget ({@link org.aimc.sim.hat.TrainingTarget}).</li>
 *   <li><b>Physical modelling</b>: {@link org.aimc.sim.hat.ModelMvm.Model#PHYSICAL} — the tiles' systematic
 *       physics inside the forward pass with exact gradients: Millman's divider of gated resistive division
 *       with its converters ({@link org.aimc.sim.hat.MillmanDivider}), the bit-line IR drop
 *       ({@link org.aimc.sim.hat.BitLineLadder}, gradient by an adjoint solve with the line's factorization) and
 *       the RC settling of charge-domain bit lines ({@link org.aimc.sim.hat.ChargeSettling}, an ODE solved
 *       exactly between pulse ends, differentiated in reverse).</li>
 *   <li><b>Hardware in the loop</b>: a {@link org.aimc.sim.hat.HardwareBackend} (program, run, read) runs the
 *       forward passes and a noise-free twin takes the gradients ({@link org.aimc.sim.hat.HilMvm}, physics-aware
 *       training); {@link org.aimc.sim.hat.SimulatedChip} is the reference backend — the behavioural chip plus
 *       the tier-C effects the models lack (full nodal IR drop, RC settling), with its own sampled mismatch and
 *       converter INL.</li>
 * </ul>
 *
 * <p>{@link org.aimc.sim.hat.HatRunner} runs one (design point, method, seed) of a training spec
 * ({@link org.aimc.sim.hat.HatSpec}, parsed by {@code org.aimc.sim.config.HatSpecYaml}): fine-tuning from the
 * workload's reference network, then evaluation on chip instances at the listed times after programming.
 */
package org.aimc.sim.hat;
