package io.sextant.solver.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.solver.cli.SextantCommand;
import io.sextant.solver.report.ChartData;
import io.sextant.solver.report.PostTradeReport;
import io.sextant.solver.report.ReportCharts;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.Chart;
import picocli.CommandLine;

class ReportTest {
  @TempDir static Path dir;
  static Path journal;

  @BeforeAll
  static void writeJournal() throws Exception {
    journal = dir.resolve("journal");
    JournalFixture.write(journal);
  }

  @Test
  void shouldWriteEveryChartWithItsSeriesAndTheCsvExports() throws Exception {
    // -Dsextant.report.out=DIR keeps the report of this journal (the README's chart comes from it).
    final Path out =
        Path.of(System.getProperty("sextant.report.out", dir.resolve("report").toString()));
    final StringWriter text = new StringWriter();
    final CommandLine cl = SextantCommand.newCommandLine();
    cl.setOut(new PrintWriter(text));
    cl.setErr(new PrintWriter(text));
    assertEquals(
        0,
        cl.execute("report", "--journal", journal.toString(), "--out", out.toString()),
        text.toString());

    final PostTradeReport report = PostTradeReport.of(journal);
    assertEquals(5, report.decisions().size());
    assertEquals(4, report.auctions().size()); // the malformed request has no solutions to analyse
    final List<ChartData> charts = report.charts();
    assertEquals(PostTradeReport.CHART_FILES, charts.stream().map(ChartData::file).toList());
    for (final ChartData c : charts) {
      assertTrue(c.hasData(), c.file());
      final BufferedImage png = ImageIO.read(out.resolve(c.file()).toFile());
      assertNotNull(png, c.file());
      assertEquals(900, png.getWidth(), c.file());
      // The series handed to XChart are the ones the data names.
      final Chart<?, ?> chart = ReportCharts.chart(c);
      for (final ChartData.Series s : c.series()) {
        if (!s.y().isEmpty()) {
          assertTrue(chart.getSeriesMap().containsKey(s.name()), c.file() + " " + s.name());
        }
      }
    }
    final ChartData latency = charts.get(0);
    assertEquals(
        List.of("p50", "p90", "max"),
        latency.series().stream().map(ChartData.Series::name).toList());
    assertEquals(List.of("parse", "route", "total"), latency.series().get(0).labels());
    final ChartData surplus = charts.get(1);
    assertEquals(4, surplus.series().get(0).y().size());
    assertTrue(surplus.series().get(0).y().stream().allMatch(v -> v >= 0), "limits respected");
    assertTrue(surplus.series().get(0).y().stream().anyMatch(v -> v > 0));
    // ETH at reference prices: a real auction's surplus is a few ETH at most, not wei.
    assertTrue(surplus.series().get(0).y().stream().allMatch(v -> v < 1_000), surplus.toString());
    final int trades = report.auctions().stream().mapToInt(a -> a.trades().size()).sum();
    final ChartData impact = charts.get(2);
    assertTrue(impact.series().get(0).x().size() > 10);
    assertTrue(impact.series().get(0).x().size() <= trades);
    final ChartData splits = charts.get(3);
    assertEquals(
        trades, splits.series().get(0).y().stream().mapToDouble(Double::doubleValue).sum(), 0);
    assertTrue(splits.series().get(0).labels().contains("2"), "some orders split in two");
    final ChartData pools = charts.get(4);
    assertTrue(pools.series().get(0).labels().size() <= 20);

    final List<String> decisions = Files.readAllLines(out.resolve("decisions.csv"));
    assertEquals(1 + 5, decisions.size());
    assertTrue(decisions.get(5).contains(",rejected,"), decisions.get(5));
    final long legs = report.auctions().stream().mapToLong(a -> a.legs().size()).sum();
    assertEquals(1 + legs, Files.readAllLines(out.resolve("legs.csv")).size());
    assertEquals(1 + trades, Files.readAllLines(out.resolve("trades.csv")).size());
    final String html = Files.readString(out.resolve("index.html"));
    for (final String f : PostTradeReport.CHART_FILES) {
      assertTrue(html.contains("src=\"" + f + "\""), f);
    }
  }
}
