package io.sextant.solver.api;

/**
 * How the engine solves; the {@code engine:} section of {@code config/sextant.yaml}.
 *
 * @param maxHops most pools on one path of a route (1..4)
 * @param deadlineSlackMillis the engine answers this long before the auction's deadline
 * @param settlementGasOverhead gas of a settlement beyond its interactions (transfers, checks)
 * @param matchOrders whether opposite orders are matched against each other before routing
 */
public record EngineConfig(
    int maxHops, long deadlineSlackMillis, long settlementGasOverhead, boolean matchOrders) {
  /** The shipped defaults. */
  public static final EngineConfig DEFAULTS = new EngineConfig(3, 500, 106_391, true);

  /** Checks every field; the message names the key. */
  public EngineConfig {
    if (maxHops < 1 || maxHops > 4) {
      throw new IllegalArgumentException("engine.maxHops: " + maxHops + " is outside 1..4");
    }
    if (deadlineSlackMillis < 0) {
      throw new IllegalArgumentException("engine.deadlineSlackMillis: must not be negative");
    }
    if (settlementGasOverhead < 0) {
      throw new IllegalArgumentException("engine.settlementGasOverhead: must not be negative");
    }
  }
}
