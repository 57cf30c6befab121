package io.sextant.solver.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place on a terminal stream ({@code \r}), at most every 100 ms,
 * closed with a newline. Hand-drawn: one line of code per frame does not need a library.
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintWriter out;
  private final String unit;
  private long lastDraw;
  private boolean drawn;

  ProgressBar(final PrintWriter out, final String unit) {
    this.out = out;
    this.unit = unit;
  }

  void update(final long done, final long total) {
    final long now = System.nanoTime();
    if (done < total && drawn && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    drawn = true;
    final int filled = total <= 0 ? WIDTH : (int) (WIDTH * Math.min(done, total) / total);
    out.print(
        String.format(
            Locale.ROOT,
            "\r[%s%s] %d/%d %s",
            "=".repeat(filled),
            " ".repeat(WIDTH - filled),
            done,
            total,
            unit));
    out.flush();
  }

  void finish() {
    if (drawn) {
      out.println();
      out.flush();
    }
  }
}
