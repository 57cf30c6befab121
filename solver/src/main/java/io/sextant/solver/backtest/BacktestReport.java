package io.sextant.solver.backtest;

import io.sextant.portfolio.backtest.StrategyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a backtest report into a directory: {@code index.html} (the comparison table, the command
 * line, the charts) and PNG charts drawn with XChart: equity, drawdown, cumulative turnover,
 * cumulative costs, and the final risk contributions of each strategy. Cold path.
 */
public final class BacktestReport {
  private BacktestReport() {}

  /**
   * Writes the report.
   *
   * @param dir output directory (created)
   * @param title what was run (command line)
   * @param symbols asset labels
   * @param results the strategies
   */
  public static void write(
      final Path dir,
      final String title,
      final String[] symbols,
      final List<StrategyResult> results)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    line(dir, "equity", "portfolio value (quote units)", results, StrategyResult::equity);
    line(dir, "drawdown", "drawdown (fraction)", results, StrategyResult::drawdown);
    line(
        dir,
        "turnover",
        "cumulative turnover (x value)",
        results,
        StrategyResult::cumulativeTurnover);
    line(dir, "costs", "cumulative costs (quote units)", results, StrategyResult::cumulativeCosts);
    final CategoryChart rc =
        new CategoryChartBuilder()
            .width(1000)
            .height(450)
            .title("risk contributions at the end (share of variance)")
            .xAxisTitle("asset")
            .yAxisTitle("share")
            .build();
    for (StrategyResult r : results) {
      final double[] c = r.riskContributions();
      double total = 0;
      for (double x : c) {
        total += x;
      }
      final double[] share = new double[c.length];
      for (int i = 0; i < c.length; i++) {
        share[i] = total > 0 ? c[i] / total : 0;
      }
      rc.addSeries(r.name(), List.of(symbols), toList(share));
    }
    rc.getStyler().setXAxisLabelRotation(60);
    BitmapEncoder.saveBitmap(
        rc, dir.resolve("risk-contributions").toString(), BitmapEncoder.BitmapFormat.PNG);
    final StringBuilder html = new StringBuilder();
    html.append(
        """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Sextant backtest</title>
        <style>body{font-family:sans-serif;max-width:1050px;margin:auto}
        table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 10px;text-align:right}
        th:first-child,td:first-child{text-align:left}</style></head><body>
        <h1>Sextant backtest</h1>
        """);
    html.append("<p><code>").append(escape(title)).append("</code></p>\n");
    html.append(
        "<table><tr><th>strategy</th><th>tracking error</th><th>costs</th><th>TE + costs</th>"
            + "<th>turnover</th><th>max drawdown</th><th>breaker trips</th><th>trades</th></tr>\n");
    for (StrategyResult r : results) {
      html.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%s</td><td>%.3f%%</td><td>%.3f%%</td><td>%.3f%%</td><td>%.2f</td>"
                  + "<td>%.2f%%</td><td>%d</td><td>%d</td></tr>%n",
              r.name(),
              100 * r.trackingError(),
              100 * r.costs(),
              100 * r.score(),
              r.turnover(),
              100 * r.maxDrawdown(),
              r.breakerTrips(),
              r.executions().size()));
    }
    html.append(
        "</table>\n<p>Tracking error: annualised RMS of the per-step return difference against the"
            + " frictionless target portfolio. Costs: slippage + gas per year over average value."
            + " Turnover: traded value per year over value.</p>\n");
    for (String c : List.of("equity", "drawdown", "turnover", "costs", "risk-contributions")) {
      html.append("<p><img src=\"").append(c).append(".png\" alt=\"").append(c).append("\"></p>\n");
    }
    html.append("</body></html>\n");
    Files.writeString(dir.resolve("index.html"), html);
  }

  private interface Series {
    double[] of(StrategyResult r);
  }

  private static void line(
      final Path dir,
      final String name,
      final String yTitle,
      final List<StrategyResult> results,
      final Series series)
      throws IOException {
    final XYChart chart =
        new XYChartBuilder()
            .width(1000)
            .height(400)
            .title(name)
            .xAxisTitle("step")
            .yAxisTitle(yTitle)
            .build();
    for (StrategyResult r : results) {
      final double[] y = series.of(r);
      final double[] x = new double[y.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = i;
      }
      chart.addSeries(r.name(), x, y).setMarker(SeriesMarkers.NONE);
    }
    BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static List<Double> toList(final double[] a) {
    final Double[] b = new Double[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i];
    }
    return List.of(b);
  }

  private static String escape(final String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
