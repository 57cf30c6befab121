package io.sextant.solver.config;

import io.sextant.solver.journal.Journal;
import java.nio.file.Path;

/**
 * Where the decision journal goes; the {@code journal:} section of {@code config/sextant.yaml}.
 * {@code serve}, {@code solve}, {@code demo} and {@code feed} journal by default; {@code --journal
 * DIR} and {@code --no-journal} override {@code dir} and {@code enabled}.
 *
 * @param enabled whether inputs and decisions are journaled at all
 * @param dir directory of the journal's files, relative to the working directory unless absolute
 * @param rollCycle how often the journal starts a new file: a Chronicle Queue roll-cycle name, one
 *     of {@link Journal#ROLL_CYCLES} (case-insensitive; kept in its canonical upper-case spelling)
 */
public record JournalConfig(boolean enabled, String dir, String rollCycle) {
  /** The shipped defaults (the same values as {@code config/sextant.yaml}). */
  public static final JournalConfig DEFAULTS =
      new JournalConfig(true, "journal", Journal.DEFAULT_ROLL_CYCLE);

  /** Checks every field; the message names the key. */
  public JournalConfig {
    if (dir == null || dir.isBlank()) {
      throw new IllegalArgumentException("journal.dir: must not be empty");
    }
    if (rollCycle == null) {
      throw new IllegalArgumentException("journal.rollCycle: must be given");
    }
    rollCycle = Journal.rollCycleName(rollCycle);
  }

  /** The journal directory as a path. */
  public Path path() {
    return Path.of(dir);
  }
}
