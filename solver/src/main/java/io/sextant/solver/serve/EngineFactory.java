package io.sextant.solver.serve;

import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.EngineConfig;

/**
 * Builds the engine that {@code sextant serve} and the {@code solve-load} generator run: the one
 * place that names the {@link AuctionSolver} implementation.
 */
public final class EngineFactory {
  private EngineFactory() {}

  /**
   * The CoW engine configured by {@code config}.
   *
   * @throws IllegalStateException the engine is not part of this build
   */
  public static AuctionSolver create(final EngineConfig config) {
    // MERGE POINT: when io.sextant.solver.engine.CowSolver is on this branch, this line becomes
    //   return new io.sextant.solver.engine.CowSolver(config);
    throw new IllegalStateException(
        "engine not available: io.sextant.solver.engine.CowSolver is not in this build"
            + " (maxHops="
            + config.maxHops()
            + ")");
  }
}
