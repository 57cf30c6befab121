package io.sextant.solver.replay;

import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.EngineConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Builds the engine a replay runs the recorded requests through. Engines register themselves as a
 * {@link ServiceLoader} service ({@code META-INF/services/io.sextant.solver.replay.SolverFactory});
 * {@code sextant replay --engine NAME} picks one by name. Without a name the only one registered is
 * used, or {@value #DEFAULT} (the production engine, {@code CowSolver}) when there are several.
 */
public interface SolverFactory {
  /** The engine replayed when several are registered and none is named. */
  String DEFAULT = "cow";

  /** The name {@code --engine} selects. */
  String name();

  /** An engine running with {@code config}. */
  AuctionSolver create(EngineConfig config);

  /**
   * An engine running with {@code config} that reads the time from {@code clock} (replay passes a
   * {@link ReplayClock}, so deadline decisions reproduce). Engines that never read the time need
   * not override this.
   */
  default AuctionSolver create(final EngineConfig config, final Clock clock) {
    return create(config);
  }

  /**
   * The registered factory named {@code name}; when {@code name} is null, the only one registered
   * or the one named {@value #DEFAULT}.
   *
   * @throws IllegalArgumentException none registered, no such name, or several, none of them
   *     {@value #DEFAULT}, and no name given
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
    if (all.size() == 1 && name == null) {
      return all.get(0);
    }
    final String wanted = name == null ? DEFAULT : name;
    for (final SolverFactory f : all) {
      if (f.name().equals(wanted)) {
        return f;
      }
    }
    if (name == null) {
      throw new IllegalArgumentException(
          "--engine: several engines registered and none is " + DEFAULT + ": " + names);
    }
    throw new IllegalArgumentException("--engine: no engine named " + name + "; known: " + names);
  }
}
