package io.sextant.solver.config;

/**
 * Where the decision journal goes; the {@code journal:} section of {@code config/sextant.yaml}.
 *
 * @param enabled whether inputs and decisions are journalled at all
 * @param dir directory of the journal's files, relative to the working directory unless absolute
 * @param rollCycle how often the journal starts a new file
 */
public record JournalConfig(boolean enabled, String dir, RollCycle rollCycle) {
  /** The shipped defaults (the same values as {@code config/sextant.yaml}). */
  public static final JournalConfig DEFAULTS = new JournalConfig(true, "journal", RollCycle.DAILY);

  /** How often the journal starts a new file; spelled in the YAML as the constant's name. */
  public enum RollCycle {
    /** A file per minute (tests, short experiments). */
    MINUTELY,
    /** A file per hour. */
    HOURLY,
    /** A file per day. */
    DAILY
  }

  /** Checks every field; the message names the key. */
  public JournalConfig {
    if (dir == null || dir.isBlank()) {
      throw new IllegalArgumentException("journal.dir: must not be empty");
    }
    if (rollCycle == null) {
      throw new IllegalArgumentException("journal.rollCycle: must be given");
    }
  }
}
