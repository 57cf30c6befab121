package io.sextant.solver.serve;

import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.engine.CowSolver;
import java.time.Clock;

/**
 * Builds the engine that {@code sextant serve} and the {@code solve-load} generator run: the one
 * place that names the {@link AuctionSolver} implementation.
 */
public final class EngineFactory {
  private EngineFactory() {}

  /** The CoW engine ({@link CowSolver}) configured by {@code config}, on the system clock. */
  public static AuctionSolver create(final EngineConfig config) {
    return new CowSolver(config, Clock.systemUTC());
  }
}
