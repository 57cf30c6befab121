package io.sextant.solver.engine;

import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.replay.SolverFactory;
import java.time.Clock;

/** Registers {@link CowSolver} for {@code sextant replay} under the name {@code cow}. */
public final class CowSolverFactory implements SolverFactory {
  @Override
  public String name() {
    return "cow";
  }

  @Override
  public AuctionSolver create(final EngineConfig config) {
    return new CowSolver(config, Clock.systemUTC());
  }

  @Override
  public AuctionSolver create(final EngineConfig config, final Clock clock) {
    return new CowSolver(config, clock);
  }
}
