package io.sextant.solver.journal;

import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.replay.SolverFactory;

/** Registers the test engine {@link DirectPoolSolver} for replay as {@code direct-pool}. */
public final class DirectPoolSolverFactory implements SolverFactory {
  /** The name {@code --engine} selects. */
  public static final String NAME = "direct-pool";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AuctionSolver create(final EngineConfig config) {
    return new DirectPoolSolver(config);
  }
}
