package io.sextant.solver.cli;

import io.sextant.solver.report.ChartData;
import io.sextant.solver.report.PostTradeReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sextant report}: the post-trade report of a journal, as {@code index.html} with PNG charts
 * and CSV exports in the output directory. Exit 0 when written, 2 when the journal is unusable or
 * the directory cannot be written.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the post-trade report of a journal: HTML with charts (latency per stage, surplus per"
          + " auction, price impact against order size, split counts, pool usage) and CSV exports"
          + " of decisions, trades and legs."
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal.")
  private Path journal;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report directory.")
  private Path outDir;

  @Override
  public Integer call() {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final PostTradeReport report;
    try {
      report = PostTradeReport.of(journal);
      report.write(outDir);
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("sextant report: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("sextant report: cannot write " + outDir + ": " + e);
      return 2;
    }
    out.printf(
        "sextant report: %d decisions, %d analysed -> %s%n",
        report.decisions().size(), report.auctions().size(), outDir.resolve("index.html"));
    for (final ChartData c : report.charts()) {
      out.println("  " + (c.hasData() ? outDir.resolve(c.file()) : c.file() + " (no data)"));
    }
    for (final String p : report.problems()) {
      out.println("  not analysed: " + p);
    }
    out.flush();
    return 0;
  }
}
