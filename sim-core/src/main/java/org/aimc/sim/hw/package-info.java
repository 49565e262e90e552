/**
 * Hardware-mapped inference (tier B): a trained {@link org.aimc.sim.nn.Network} quantised
 * ({@link org.aimc.sim.hw.QuantisedNetwork}, ranges from {@link org.aimc.sim.hw.ActivationRanges}), programmed
 * onto the tiles of a design point ({@link org.aimc.sim.hw.HardwarePoint}) for one chip instance
 * ({@link org.aimc.sim.hw.HardwareNetwork}, an {@link org.aimc.sim.nn.MvmEngine}, so the network's own
 * forward pass runs on it), with measured MVM errors ({@link org.aimc.sim.hw.MvmErrorMeter}) and the
 * per-chip runs and statistics of a refinement ({@link org.aimc.sim.hw.ChipRun},
 * {@link org.aimc.sim.hw.AccuracyStats}).
 *
 * <p>Typical use:
 * <pre>
 *   QuantisedNetwork q = QuantisedNetwork.of(net, weightBits, inputBits,
 *           ActivationRanges.calibrate(net, trainingExamples, 2000, inputBits));
 *   HardwarePoint p = HardwarePoint.of(plan, pointIndex).at(86400, true);
 *   HardwareNetwork chip = HardwareNetwork.program(q, p, chipInstance);
 *   net.forward(chip, x, batch, workspace);   // or chip.classify(test, 100, predictions)
 * </pre>
 */
package org.aimc.sim.hw;
