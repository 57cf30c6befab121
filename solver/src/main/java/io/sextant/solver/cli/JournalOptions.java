package io.sextant.solver.cli;

import io.sextant.solver.config.JournalConfig;
import io.sextant.solver.journal.Journal;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The journal flags of {@code serve}, {@code solve}, {@code demo} and {@code feed} (a picocli
 * mixin): {@code --journal DIR}, {@code --no-journal}, {@code --roll-cycle CYCLE}. They override
 * the {@code journal:} section of the configuration for one run; without them the section decides
 * (journaling on, into {@code journal/}, by default).
 */
public final class JournalOptions {
  @Option(
      names = "--journal",
      paramLabel = "DIR",
      description =
          "Journal every input and decision in DIR (default: journal.dir of the configuration,"
              + " ./journal).")
  private Path dir;

  @Option(
      names = "--no-journal",
      description = "Do not journal (overrides journal.enabled, which is true by default).")
  private boolean off;

  @Option(
      names = "--roll-cycle",
      paramLabel = "CYCLE",
      description =
          "Journal file roll cycle, overrides journal.rollCycle (default FAST_DAILY; any of"
              + " FIVE_MINUTELY, TEN_MINUTELY, TWENTY_MINUTELY, HALF_HOURLY, FAST_HOURLY,"
              + " TWO_HOURLY, FOUR_HOURLY, SIX_HOURLY, FAST_DAILY, WEEKLY).")
  private String rollCycle;

  /**
   * {@code config} with these flags applied.
   *
   * @throws IllegalArgumentException contradictory flags or an unknown roll cycle; the message
   *     names the flag
   */
  public JournalConfig apply(final JournalConfig config) {
    if (off && dir != null) {
      throw new IllegalArgumentException("--journal and --no-journal exclude each other");
    }
    String cycle = config.rollCycle();
    if (rollCycle != null) {
      try {
        cycle = Journal.rollCycleName(rollCycle);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--roll-cycle " + e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
      }
    }
    return new JournalConfig(
        !off && (dir != null || config.enabled()),
        dir == null ? config.dir() : dir.toString(),
        cycle);
  }

  /**
   * Opens the journal {@code config} describes (creating its directory), or returns null when
   * journaling is off.
   *
   * @throws IllegalStateException the directory cannot be created or is not a journal; the message
   *     names it
   */
  public static Journal open(final JournalConfig config) {
    if (!config.enabled()) {
      return null;
    }
    try {
      return Journal.open(config.path(), config.rollCycle());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot open the journal " + config.dir() + " (journal.dir): " + e.getMessage(), e);
    }
  }
}
