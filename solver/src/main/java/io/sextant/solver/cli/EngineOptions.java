package io.sextant.solver.cli;

import io.sextant.solver.api.EngineConfig;
import picocli.CommandLine.Option;

/**
 * The engine flags of {@code serve}, {@code solve} and {@code demo} (a picocli mixin): {@code
 * --max-hops N} and {@code --no-matching} override the {@code engine:} section of the configuration
 * for one run.
 */
public final class EngineOptions {
  @Option(
      names = "--max-hops",
      paramLabel = "N",
      description = "Most pools on one path, 1..4; overrides engine.maxHops (default 3).")
  private Integer maxHops;

  @Option(
      names = "--no-matching",
      description =
          "Do not match opposite orders against each other; overrides engine.matchOrders.")
  private boolean noMatching;

  /**
   * {@code config} with these flags applied.
   *
   * @throws IllegalArgumentException a value out of range; the message names the flag and the key
   */
  public EngineConfig apply(final EngineConfig config) {
    try {
      return new EngineConfig(
          maxHops == null ? config.maxHops() : maxHops,
          config.deadlineSlackMillis(),
          config.settlementGasOverhead(),
          config.matchOrders() && !noMatching);
    } catch (IllegalArgumentException e) {
      final String m = e.getMessage();
      if (m.startsWith("engine.maxHops: ") && maxHops != null) {
        throw new IllegalArgumentException(
            "--max-hops " + m.substring("engine.maxHops: ".length()) + " (engine.maxHops)");
      }
      throw e;
    }
  }
}
