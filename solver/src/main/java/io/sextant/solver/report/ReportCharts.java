package io.sextant.solver.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** Draws {@link ChartData} with XChart and writes it as PNG. Cold path; headless. */
public final class ReportCharts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 500;

  private ReportCharts() {}

  /** The XChart chart for {@code data} (which must have data). */
  public static Chart<?, ?> chart(final ChartData data) {
    if ("scatter".equals(data.kind())) {
      final XYChart c =
          new XYChartBuilder()
              .width(WIDTH)
              .height(HEIGHT)
              .title(data.title())
              .xAxisTitle(data.xTitle())
              .yAxisTitle(data.yTitle())
              .build();
      c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
      for (final ChartData.Series s : data.series()) {
        if (!s.y().isEmpty()) {
          c.addSeries(s.name(), s.x(), s.y());
        }
      }
      return c;
    }
    final CategoryChart c =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(data.title())
            .xAxisTitle(data.xTitle())
            .yAxisTitle(data.yTitle())
            .build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    c.getStyler().setXAxisLabelRotation(data.series().get(0).labels().size() > 8 ? 60 : 0);
    for (final ChartData.Series s : data.series()) {
      if (!s.y().isEmpty()) {
        c.addSeries(s.name(), s.labels(), s.y());
      }
    }
    return c;
  }

  /** Draws {@code data} into {@code dir}/{@code data.file()}. */
  public static void write(final ChartData data, final Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    try (OutputStream out = Files.newOutputStream(dir.resolve(data.file()))) {
      BitmapEncoder.saveBitmap(chart(data), out, BitmapEncoder.BitmapFormat.PNG);
    }
  }
}
