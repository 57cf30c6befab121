package io.sextant.solver.cli;

import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.EngineVersion;
import io.sextant.solver.config.SextantConfig;
import io.sextant.solver.journal.Journal;
import io.sextant.solver.journal.JournalingSolver;

/** How {@code serve}, {@code solve} and {@code demo} assemble their configuration and engine. */
final class EngineSetup {
  private EngineSetup() {}

  /**
   * The configuration a command runs with: {@code --config} (or the defaults) overridden by the
   * engine and journal flags.
   *
   * @throws IllegalArgumentException a bad file, key or flag; the message names it
   */
  static SextantConfig resolve(
      final ConfigOption config, final EngineOptions engine, final JournalOptions journal) {
    final SextantConfig file = config.load();
    return file.withEngine(engine.apply(file.engine())).withJournal(journal.apply(file.journal()));
  }

  /**
   * {@code engine} journaled into {@code journal} with this build's {@link EngineVersion} and the
   * hash of {@code cfg}'s engine section, or {@code engine} itself when {@code journal} is null.
   */
  static AuctionSolver journaled(
      final AuctionSolver engine, final SextantConfig cfg, final Journal journal) {
    return journal == null
        ? engine
        : new JournalingSolver(engine, journal, EngineVersion.current(), cfg.engine());
  }
}
