package io.sextant.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.portfolio.breaker.BreakerKind;
import io.sextant.portfolio.breaker.BreakerTrip;
import io.sextant.solver.journal.EntryType;
import io.sextant.solver.journal.JournalReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PortfolioCommandsTest {
  static final String SMALL =
      """
      quote: USDC
      assets:
        - {symbol: USDC, address: "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", amount: 100000, volatility: 0.01, target: 0.4}
        - {symbol: WETH, address: "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", amount: 150, volatility: 0.6, target: 0.3}
        - {symbol: WBTC, address: "0x2260fac5e5542a773aa44fbcfedf7c193bc2c599", amount: 1, volatility: 0.5, target: 0.3}
      rebalance: {aversion: 300, horizonSteps: 168, trackingErrorTrigger: 0.01}
      """;

  record Run(int code, String out, String err) {}

  static Run run(final String... args) {
    final CommandLine cl = SextantCommand.newCommandLine();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    final int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void rebalanceShouldPrintRoutedTradesWithLegsAsJson(@TempDir final Path dir) throws Exception {
    final Path yaml = Files.writeString(dir.resolve("p.yaml"), SMALL);
    final Run r = run("rebalance", "--portfolio", yaml.toString(), "--json", "--no-journal");
    assertEquals(0, r.code(), r.err());
    final JsonNode plan = new ObjectMapper().readTree(r.out());
    assertTrue(plan.get("traded").asBoolean());
    assertTrue(plan.get("trades").size() >= 1);
    for (JsonNode t : plan.get("trades")) {
      assertTrue(t.get("legs").size() >= 1, t.toString());
      assertTrue(t.has("slippage") && t.has("gas"));
    }
    assertTrue(
        plan.get("risk").get("after").get("trackingError").asDouble()
            < plan.get("risk").get("before").get("trackingError").asDouble());
  }

  /**
   * With a deviation limit tighter than any pool's gap to its reference price, every asset's
   * breaker trips; each trip is journaled as a {@code BREAKER_TRIP} entry equal to the plan's.
   */
  @Test
  void rebalanceShouldJournalEveryBreakerTrip(@TempDir final Path dir) throws Exception {
    final Path yaml =
        Files.writeString(dir.resolve("p.yaml"), SMALL + "breakers: {maxDeviation: 0.000001}\n");
    final Path journal = dir.resolve("journal");
    final Run r =
        run("rebalance", "--portfolio", yaml.toString(), "--json", "--journal", journal.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("journaled"), r.err());
    final JsonNode trips = new ObjectMapper().readTree(r.out()).get("breakerTrips");
    assertTrue(trips.size() >= 1, r.out());
    final List<BreakerTrip> read = new ArrayList<>();
    try (JournalReader reader = JournalReader.open(journal)) {
      reader.toStart();
      while (reader.next()) {
        assertEquals(EntryType.BREAKER_TRIP, reader.type());
        read.add(reader.breakerTrip());
      }
    }
    assertEquals(trips.size(), read.size());
    for (int i = 0; i < read.size(); i++) {
      final BreakerTrip t = read.get(i);
      assertEquals(BreakerKind.PRICE_DEVIATION, t.kind(), trips.get(i).toString());
      assertEquals(1e-6, t.threshold(), 1e-18);
      assertTrue(t.observed() > t.threshold(), t.toString());
    }
  }

  /** The shipped example is meant to have work to do (README, RebalanceBenchmark rely on it). */
  @Test
  void shippedExampleShouldPlanTradesThatLowerTrackingError() throws Exception {
    final Run r =
        run(
            "rebalance",
            "--portfolio",
            "../config/portfolio-example.yaml",
            "--json",
            "--no-journal");
    assertEquals(0, r.code(), r.err());
    final JsonNode plan = new ObjectMapper().readTree(r.out());
    assertTrue(plan.get("traded").asBoolean(), r.out());
    assertTrue(
        plan.get("risk").get("after").get("trackingError").asDouble()
            < plan.get("risk").get("before").get("trackingError").asDouble());
  }

  @Test
  void shouldNameTheKeyOfABadPortfolioAndExit2(@TempDir final Path dir) throws Exception {
    final Path yaml =
        Files.writeString(dir.resolve("p.yaml"), SMALL.replace("amount: 150", "amount: -3"));
    final Run r = run("rebalance", "--portfolio", yaml.toString(), "--no-journal");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("assets[1].amount"), r.err());
    final Path unknown =
        Files.writeString(
            dir.resolve("q.yaml"),
            SMALL.replace(
                "0x2260fac5e5542a773aa44fbcfedf7c193bc2c599",
                "0x00000000000000000000000000000000000000aa"));
    final Run u = run("rebalance", "--portfolio", unknown.toString(), "--no-journal");
    assertEquals(2, u.code());
    assertTrue(
        u.err().contains("assets[2].address") && u.err().contains("not in the auction"), u.err());
  }

  @Test
  void backtestShouldPrintTheThreeStrategiesAndWriteAReport(@TempDir final Path dir)
      throws Exception {
    final Path yaml = Files.writeString(dir.resolve("p.yaml"), SMALL);
    final StringBuilder csv = new StringBuilder("time,USDC,WETH,WBTC\n");
    for (int t = 0; t < 200; t++) {
      csv.append(t)
          .append(",1,")
          .append(1600 + 40 * Math.sin(t / 9.0))
          .append(',')
          .append(26000 - 30 * t)
          .append('\n');
    }
    final Path prices = Files.writeString(dir.resolve("prices.csv"), csv);
    final Path out = dir.resolve("report");
    final Run r =
        run(
            "backtest",
            "--portfolio",
            yaml.toString(),
            "--prices",
            prices.toString(),
            "--json",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    final JsonNode s = new ObjectMapper().readTree(r.out()).get("strategies");
    assertEquals(3, s.size());
    assertEquals("cost-aware", s.get(0).get("name").asText());
    assertEquals("calendar", s.get(1).get("name").asText());
    assertEquals("threshold", s.get(2).get("name").asText());
    for (JsonNode n : s) {
      for (String k :
          new String[] {"trackingError", "costs", "turnover", "maxDrawdown", "breakerTrips"}) {
        assertTrue(n.has(k), k);
      }
    }
    for (String f :
        new String[] {
          "index.html",
          "equity.png",
          "drawdown.png",
          "turnover.png",
          "costs.png",
          "risk-contributions.png"
        }) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
  }

  @Test
  void backtestShouldNameLineAndColumnOfABadCsv(@TempDir final Path dir) throws Exception {
    final Path yaml = Files.writeString(dir.resolve("p.yaml"), SMALL);
    final Path prices =
        Files.writeString(
            dir.resolve("prices.csv"), "time,USDC,WETH,WBTC\n0,1,1600,26000\n1,1,x,26000\n");
    final Run r = run("backtest", "--portfolio", yaml.toString(), "--prices", prices.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("line 3, column 3 (WETH)"), r.err());
  }
}
