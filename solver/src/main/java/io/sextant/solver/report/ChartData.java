package io.sextant.solver.report;

import java.util.List;

/**
 * What one chart of the report shows, before it is drawn: its file, title, axis titles and series.
 * Tests and the HTML page read it; {@link ReportCharts} hands it to XChart.
 *
 * @param file file name of the PNG in the report directory
 * @param title chart title
 * @param kind {@code category} (bars over category labels) or {@code scatter} (x/y points)
 * @param xTitle x-axis title
 * @param yTitle y-axis title
 * @param series the series, in legend order
 */
public record ChartData(
    String file, String title, String kind, String xTitle, String yTitle, List<Series> series) {

  /**
   * One series: {@code labels} (category charts) or {@code x} (scatter charts), and {@code y}.
   *
   * @param name legend name
   * @param labels category labels, or empty for scatter charts
   * @param x x values, or empty for category charts
   * @param y y values
   */
  public record Series(String name, List<String> labels, List<Double> x, List<Double> y) {}

  /** Whether any series has a point. */
  public boolean hasData() {
    for (final Series s : series) {
      if (!s.y().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
