package io.sextant.solver.replay;

import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.EngineConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Builds the engine a replay runs the recorded requests through. Engines register themselves as a
 * {@link ServiceLoader} service ({@code META-INF/services/io.sextant.solver.replay.SolverFactory});
 * {@code sextant replay --engine NAME} picks one by name, and the only one registered is the
 * default.
 */
public interface SolverFactory {
  /** The name {@code --engine} selects. */
  String name();

  /** An engine running with {@code config}. */
  AuctionSolver create(EngineConfig config);

  /**
   * The registered factory named {@code name}, or the only one registered when {@code name} is
   * null.
   *
   * @throws IllegalArgumentException none registered, no such name, or several and no name given
   */
  static SolverFactory find(final String name) {
    final List<SolverFactory> all = new ArrayList<>();
    for (final SolverFactory f : ServiceLoader.load(SolverFactory.class)) {
      all.add(f);
    }
    final List<String> names = all.stream().map(SolverFactory::name).toList();
    if (all.isEmpty()) {
      throw new IllegalArgumentException(
          "no engine is registered for replay (META-INF/services/"
              + SolverFactory.class.getName()
              + ")");
    }
    if (name == null) {
      if (all.size() > 1) {
        throw new IllegalArgumentException("--engine: several engines registered: " + names);
      }
      return all.get(0);
    }
    for (final SolverFactory f : all) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("--engine: no engine named " + name + "; known: " + names);
  }
}
