package io.sextant.solver.report;

import io.sextant.solver.journal.Decision;
import io.sextant.solver.journal.DecisionStatus;
import io.sextant.solver.journal.EntryType;
import io.sextant.solver.journal.JournalReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The post-trade report of a journal: reads every decision and the request it answers, analyses
 * them ({@link SolutionAnalysis}), and writes an HTML page with charts (latency per stage, surplus
 * per auction, price impact against order size, split counts, pool usage) and CSV exports of
 * decisions, trades and legs. Cold path.
 */
public final class PostTradeReport {
  /** Chart file names, in page order. */
  public static final List<String> CHART_FILES =
      List.of(
          "latency-per-stage.png",
          "surplus-per-auction.png",
          "price-impact-vs-size.png",
          "split-counts.png",
          "pool-usage.png");

  private static final int TOP_POOLS = 20;

  private final List<Decision> decisions;
  private final Map<Long, String> auctionIds;
  private final List<SolutionAnalysis.Auction> auctions;
  private final List<String> problems;
  private final List<ChartData> charts;

  private PostTradeReport(
      final List<Decision> decisions,
      final Map<Long, String> auctionIds,
      final List<SolutionAnalysis.Auction> auctions,
      final List<String> problems) {
    this.decisions = decisions;
    this.auctionIds = auctionIds;
    this.auctions = auctions;
    this.problems = problems;
    this.charts = List.of(latency(), surplus(), impact(), splits(), poolUsage());
  }

  /** Reads the journal in {@code dir} and analyses every decision. */
  public static PostTradeReport of(final Path dir) {
    final Map<Long, byte[]> requests = new HashMap<>();
    final List<Decision> decisions = new ArrayList<>();
    final Map<Long, String> ids = new HashMap<>();
    final List<SolutionAnalysis.Auction> auctions = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    try (JournalReader r = JournalReader.open(dir)) {
      r.toStart();
      while (r.next()) {
        if (r.type() == EntryType.REQUEST) {
          requests.put(r.index(), r.body());
        } else if (r.type() == EntryType.DECISION) {
          final Decision d = r.decision();
          decisions.add(d);
          final byte[] request = requests.remove(d.requestIndex());
          if (request == null) {
            problems.add("decision " + d.index() + ": request " + d.requestIndex() + " missing");
            continue;
          }
          if (d.status() != DecisionStatus.SOLVED) {
            ids.put(d.index(), "");
            continue;
          }
          try {
            final SolutionAnalysis.Auction a =
                SolutionAnalysis.analyse(d.index(), request, d.body());
            auctions.add(a);
            ids.put(d.index(), a.auctionId());
          } catch (IllegalArgumentException e) {
            problems.add("decision " + d.index() + ": " + e.getMessage());
          }
        }
      }
    }
    return new PostTradeReport(decisions, ids, auctions, problems);
  }

  /** The charts, in page order ({@link #CHART_FILES}). */
  public List<ChartData> charts() {
    return charts;
  }

  /** Decisions read. */
  public List<Decision> decisions() {
    return decisions;
  }

  /** The analysed (solved) decisions. */
  public List<SolutionAnalysis.Auction> auctions() {
    return auctions;
  }

  /** Decisions that could not be analysed, with the reason. */
  public List<String> problems() {
    return problems;
  }

  private ChartData latency() {
    final Map<String, List<Long>> byStage = new LinkedHashMap<>();
    for (final Decision d : decisions) {
      for (final Decision.Stage s : d.stages()) {
        byStage.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s.nanos());
      }
      byStage.computeIfAbsent("total", k -> new ArrayList<>()).add(d.totalNanos());
    }
    final List<String> labels = new ArrayList<>(byStage.keySet());
    final List<Double> p50 = new ArrayList<>();
    final List<Double> p90 = new ArrayList<>();
    final List<Double> max = new ArrayList<>();
    for (final String stage : labels) {
      final long[] v = byStage.get(stage).stream().mapToLong(Long::longValue).sorted().toArray();
      p50.add(percentile(v, 50) / 1e3);
      p90.add(percentile(v, 90) / 1e3);
      max.add(v[v.length - 1] / 1e3);
    }
    return new ChartData(
        CHART_FILES.get(0),
        "Latency per stage",
        "category",
        "stage",
        "µs",
        List.of(
            new ChartData.Series("p50", labels, List.of(), p50),
            new ChartData.Series("p90", labels, List.of(), p90),
            new ChartData.Series("max", labels, List.of(), max)));
  }

  private static long percentile(final long[] sorted, final double p) {
    final int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private ChartData surplus() {
    final List<String> labels = new ArrayList<>();
    final List<Double> y = new ArrayList<>();
    for (final SolutionAnalysis.Auction a : auctions) {
      labels.add(a.auctionId() + " #" + a.decisionIndex() % 1_000_000);
      y.add(a.surplusEth());
    }
    return new ChartData(
        CHART_FILES.get(1),
        "Surplus per auction",
        "category",
        "auction (decision)",
        "surplus, ETH",
        List.of(new ChartData.Series("surplus", labels, List.of(), y)));
  }

  private ChartData impact() {
    final List<Double> sellX = new ArrayList<>();
    final List<Double> sellY = new ArrayList<>();
    final List<Double> buyX = new ArrayList<>();
    final List<Double> buyY = new ArrayList<>();
    for (final SolutionAnalysis.Auction a : auctions) {
      for (final SolutionAnalysis.Trade t : a.trades()) {
        if (Double.isNaN(t.sizeEth()) || Double.isNaN(t.priceImpact()) || t.sizeEth() <= 0) {
          continue;
        }
        // log10 of the size: order sizes span many decades.
        (t.kind().equals("sell") ? sellX : buyX).add(Math.log10(t.sizeEth()));
        (t.kind().equals("sell") ? sellY : buyY).add(t.priceImpact() * 100);
      }
    }
    return new ChartData(
        CHART_FILES.get(2),
        "Price impact against order size",
        "scatter",
        "order size, log10 ETH",
        "price impact vs reference prices, %",
        List.of(
            new ChartData.Series("sell orders", List.of(), sellX, sellY),
            new ChartData.Series("buy orders", List.of(), buyX, buyY)));
  }

  private ChartData splits() {
    final TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (final SolutionAnalysis.Auction a : auctions) {
      for (final SolutionAnalysis.Trade t : a.trades()) {
        counts.merge(t.legs(), 1, Integer::sum);
      }
    }
    final List<String> labels = new ArrayList<>();
    final List<Double> y = new ArrayList<>();
    counts.forEach(
        (legs, n) -> {
          labels.add(Integer.toString(legs));
          y.add((double) n);
        });
    return new ChartData(
        CHART_FILES.get(3),
        "Split counts",
        "category",
        "legs leaving the sell token",
        "trades",
        List.of(new ChartData.Series("trades", labels, List.of(), y)));
  }

  private ChartData poolUsage() {
    final Map<String, Integer> uses = new HashMap<>();
    for (final SolutionAnalysis.Auction a : auctions) {
      for (final SolutionAnalysis.Leg l : a.legs()) {
        uses.merge(l.pool(), 1, Integer::sum);
      }
    }
    final List<Map.Entry<String, Integer>> top = new ArrayList<>(uses.entrySet());
    top.sort(
        (x, y) ->
            x.getValue().equals(y.getValue())
                ? x.getKey().compareTo(y.getKey())
                : Integer.compare(y.getValue(), x.getValue()));
    final List<String> labels = new ArrayList<>();
    final List<Double> y = new ArrayList<>();
    for (final Map.Entry<String, Integer> e : top.subList(0, Math.min(TOP_POOLS, top.size()))) {
      labels.add(e.getKey());
      y.add((double) e.getValue());
    }
    return new ChartData(
        CHART_FILES.get(4),
        "Pool usage (top " + TOP_POOLS + ")",
        "category",
        "liquidity id",
        "legs",
        List.of(new ChartData.Series("legs", labels, List.of(), y)));
  }

  /** Writes the charts, {@code index.html} and the CSV files into {@code out} (created). */
  public void write(final Path out) throws IOException {
    Files.createDirectories(out);
    for (final ChartData c : charts) {
      if (c.hasData()) {
        ReportCharts.write(c, out);
      } else {
        Files.deleteIfExists(out.resolve(c.file()));
      }
    }
    writeDecisions(out.resolve("decisions.csv"));
    writeTrades(out.resolve("trades.csv"));
    writeLegs(out.resolve("legs.csv"));
    writeHtml(out.resolve("index.html"));
  }

  private void writeDecisions(final Path file) throws IOException {
    final Map<Long, SolutionAnalysis.Auction> byIndex = new HashMap<>();
    for (final SolutionAnalysis.Auction a : auctions) {
      byIndex.put(a.decisionIndex(), a);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "decision_index,request_index,time,auction_id,status,solutions,deadline_hit,"
              + "total_us,engine_version,config_hash,surplus_eth,trades,legs,stages_us\n");
      for (final Decision d : decisions) {
        final SolutionAnalysis.Auction a = byIndex.get(d.index());
        final StringBuilder stages = new StringBuilder();
        for (final Decision.Stage s : d.stages()) {
          stages.append(stages.isEmpty() ? "" : ";").append(s.name()).append('=');
          stages.append(String.format(Locale.ROOT, "%.1f", s.nanos() / 1e3));
        }
        w.write(
            String.join(
                    ",",
                    Long.toString(d.index()),
                    Long.toString(d.requestIndex()),
                    Instant.ofEpochMilli(d.wallMillis()).toString(),
                    csv(auctionIds.getOrDefault(d.index(), "")),
                    DecisionStatus.name(d.status()),
                    Integer.toString(d.solutions()),
                    Boolean.toString(d.deadlineHit()),
                    String.format(Locale.ROOT, "%.1f", d.totalNanos() / 1e3),
                    csv(d.engineVersion()),
                    Long.toHexString(d.configHash()),
                    a == null ? "" : Double.toString(a.surplusEth()),
                    a == null ? "" : Integer.toString(a.trades().size()),
                    a == null ? "" : Integer.toString(a.legs().size()),
                    csv(stages.toString()))
                + "\n");
      }
    }
  }

  private void writeTrades(final Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "decision_index,auction_id,solution,order,kind,sell_token,buy_token,executed_sell,"
              + "executed_buy,size_eth,surplus_eth,price_impact,legs\n");
      for (final SolutionAnalysis.Auction a : auctions) {
        for (final SolutionAnalysis.Trade t : a.trades()) {
          w.write(
              String.join(
                      ",",
                      Long.toString(t.decisionIndex()),
                      csv(t.auctionId()),
                      Integer.toString(t.solution()),
                      t.order(),
                      t.kind(),
                      t.sellToken(),
                      t.buyToken(),
                      String.valueOf(t.executedSell()),
                      String.valueOf(t.executedBuy()),
                      number(t.sizeEth()),
                      number(t.surplusEth()),
                      number(t.priceImpact()),
                      Integer.toString(t.legs()))
                  + "\n");
        }
      }
    }
  }

  private void writeLegs(final Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "decision_index,auction_id,solution,leg,pool,input_token,output_token,input_amount,"
              + "output_amount\n");
      for (final SolutionAnalysis.Auction a : auctions) {
        for (final SolutionAnalysis.Leg l : a.legs()) {
          w.write(
              String.join(
                      ",",
                      Long.toString(l.decisionIndex()),
                      csv(l.auctionId()),
                      Integer.toString(l.solution()),
                      Integer.toString(l.leg()),
                      csv(l.pool()),
                      l.inputToken(),
                      l.outputToken(),
                      l.inputAmount().toString(),
                      l.outputAmount().toString())
                  + "\n");
        }
      }
    }
  }

  private static String number(final double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  private static String csv(final String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static String html(final String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private void writeHtml(final Path file) throws IOException {
    final long solved = decisions.stream().filter(d -> d.status() == DecisionStatus.SOLVED).count();
    final int trades = auctions.stream().mapToInt(a -> a.trades().size()).sum();
    final double surplus =
        auctions.stream().mapToDouble(SolutionAnalysis.Auction::surplusEth).sum();
    final StringBuilder b = new StringBuilder();
    b.append(
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Sextant post-trade report</title>
        <style>body{font-family:sans-serif;max-width:960px;margin:2em auto}
        td,th{padding:2px 8px;text-align:right}img{max-width:100%}</style></head><body>
        <h1>Sextant post-trade report</h1>
        """);
    b.append("<table>");
    row(b, "decisions", Integer.toString(decisions.size()));
    row(b, "solved", Long.toString(solved));
    row(b, "fulfilled trades", Integer.toString(trades));
    row(b, "surplus (ETH, reference prices)", String.format(Locale.ROOT, "%.6f", surplus));
    b.append("</table>\n");
    b.append(
        "<p>Exports: <a href=\"decisions.csv\">decisions.csv</a>, <a href=\"trades.csv\">"
            + "trades.csv</a>, <a href=\"legs.csv\">legs.csv</a></p>\n");
    for (final ChartData c : charts) {
      b.append("<h2>").append(html(c.title())).append("</h2>\n");
      if (c.hasData()) {
        b.append("<img src=\"").append(c.file()).append("\" alt=\"").append(html(c.title()));
        b.append("\">\n");
      } else {
        b.append("<p>No data in this journal.</p>\n");
      }
    }
    if (!problems.isEmpty()) {
      b.append("<h2>Decisions not analysed</h2><ul>\n");
      for (final String p : problems) {
        b.append("<li>").append(html(p)).append("</li>\n");
      }
      b.append("</ul>\n");
    }
    b.append("</body></html>\n");
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  private static void row(final StringBuilder b, final String k, final String v) {
    b.append("<tr><th>").append(html(k)).append("</th><td>").append(html(v)).append("</td></tr>");
  }

  @Override
  public String toString() {
    return "PostTradeReport" + Arrays.asList(decisions.size(), auctions.size());
  }
}
