package io.sextant.solver.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowFormatException;
import io.sextant.feeds.cow.CowJson;
import io.sextant.feeds.cow.CowLiquidity;
import io.sextant.feeds.cow.CowMarket;
import io.sextant.feeds.cow.CowToken;
import io.sextant.solver.quote.QuoteAnswer;
import io.sextant.solver.quote.QuoteEngine;
import io.sextant.solver.quote.QuoteFileParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sextant quote}: the best exact route for each query of a file over an auction's liquidity
 * ({@link QuoteEngine}). Exit 0 when the batch ran (a query without a route is an answer in its
 * slot), 2 when an option, the auction or the queries file is unusable.
 */
@Command(
    name = "quote",
    mixinStandardHelpOptions = true,
    description = {
      "Routes each query over an auction's liquidity: the optimal split across every path of at"
          + " most --max-hops pools, net of gas, with exact amounts per leg.",
      "A query that cannot be answered gets an error in its slot and the batch goes on."
    })
public final class QuoteCommand implements Callable<Integer> {
  /** The liquidity kinds of the CoW solver-engine format. */
  static final List<String> KINDS =
      List.of(
          "constantProduct", "concentratedLiquidity", "weightedProduct", "stable", "limitOrder");

  @Spec private CommandSpec spec;

  @Option(
      names = "--auction",
      paramLabel = "FILE",
      description =
          "Auction in the CoW solver-engine format (default: the embedded mainnet auction).")
  private Path auction;

  @Option(
      names = "--queries",
      required = true,
      paramLabel = "QUERIES.json",
      description =
          "JSON array of {\"id\",\"sellToken\",\"buyToken\",\"kind\":\"sell\"|\"buy\",\"amount\""
              + "[,\"minAmountOut\"|\"maxAmountIn\"]}, or an object with such a \"queries\" array"
              + " (the peers file).")
  private Path queries;

  @Option(
      names = "--max-hops",
      paramLabel = "N",
      defaultValue = "3",
      description = "Most pools per path, 1..5 (default ${DEFAULT-VALUE}).")
  private int maxHops;

  @Option(
      names = "--gas-price",
      paramLabel = "WEI",
      description = "Wei per gas unit (default: the auction's effectiveGasPrice; 0 ignores gas).")
  private BigInteger gasPrice;

  @Option(
      names = "--kinds",
      split = ",",
      paramLabel = "K",
      description =
          "Liquidity kinds the routes may use (default: all): constantProduct,"
              + " concentratedLiquidity, weightedProduct, stable, limitOrder.")
  private List<String> kinds;

  @Option(
      names = "--exclude",
      split = ",",
      paramLabel = "ADDR",
      description = "Pool addresses the routes may not use.")
  private List<String> exclude;

  @Option(names = "--json", description = "Print a JSON array of answers instead of a table.")
  private boolean json;

  @Override
  public Integer call() {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    if (maxHops < 1 || maxHops > 5) {
      throw new ParameterException(spec.commandLine(), "--max-hops: expected 1..5, got " + maxHops);
    }
    if (gasPrice != null && gasPrice.signum() < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--gas-price: expected a non-negative number of wei, got " + gasPrice);
    }
    final Set<String> kindSet = kinds();
    final Set<String> excluded = excluded();
    final CowAuction a;
    try {
      a = AuctionInput.load(auction);
    } catch (NoSuchFileException e) {
      err.println("sextant quote: no such auction file: " + auction);
      return 2;
    } catch (IOException e) {
      err.println("sextant quote: cannot read " + AuctionInput.describe(auction) + ": " + e);
      return 2;
    } catch (CowFormatException e) {
      err.println(
          "sextant quote: bad auction " + AuctionInput.describe(auction) + ": " + e.getMessage());
      return 2;
    }
    final QuoteFileParser.QuoteFile file;
    try {
      file = new QuoteFileParser().parse(Files.readString(queries));
    } catch (NoSuchFileException e) {
      err.println("sextant quote: no such queries file: " + queries);
      return 2;
    } catch (IOException e) {
      err.println("sextant quote: cannot read " + queries + ": " + e);
      return 2;
    } catch (CowFormatException e) {
      err.println("sextant quote: bad queries file " + queries + ": " + e.getMessage());
      return 2;
    }
    final Set<String> known = new HashSet<>();
    for (CowLiquidity l : a.liquidity()) {
      known.add(l.address());
    }
    for (String x : excluded) {
      if (!known.contains(x)) {
        throw new ParameterException(
            spec.commandLine(),
            "--exclude: no liquidity of " + AuctionInput.describe(auction) + " has address " + x);
      }
    }
    final double gas = (gasPrice != null ? gasPrice : a.effectiveGasPrice()).doubleValue();
    final CowMarket market = CowMarket.of(a, kindSet, excluded);
    final List<QuoteAnswer> answers = new QuoteEngine(market, maxHops, gas).quote(file.entries());
    if (json) {
      out.println(toJson(answers));
    } else {
      printTable(out, a, file.entries(), answers);
    }
    out.flush();
    return 0;
  }

  private Set<String> kinds() {
    if (kinds == null) {
      return null;
    }
    final Set<String> s = new LinkedHashSet<>();
    for (String k : kinds) {
      if (!KINDS.contains(k)) {
        throw new ParameterException(
            spec.commandLine(),
            "--kinds: unknown liquidity kind \"" + k + "\" (expected one of " + KINDS + ")");
      }
      s.add(k);
    }
    return s;
  }

  private Set<String> excluded() {
    final Set<String> s = new HashSet<>();
    if (exclude == null) {
      return s;
    }
    for (String x : exclude) {
      try {
        s.add(CowJson.address(x.trim(), "--exclude"));
      } catch (CowFormatException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
    }
    return s;
  }

  /** The answers as the JSON array {@code --json} prints, in query order. */
  static String toJson(final List<QuoteAnswer> answers) {
    final ObjectMapper mapper = new ObjectMapper();
    final ArrayNode arr = mapper.createArrayNode();
    for (QuoteAnswer q : answers) {
      final ObjectNode n = arr.addObject();
      n.put("id", q.id());
      if (!q.ok()) {
        n.put("error", q.error());
        continue;
      }
      n.put("amountIn", q.amountIn().toString());
      n.put("amountOut", q.amountOut().toString());
      n.put("gasUnits", q.gasUnits());
      final ArrayNode legs = n.putArray("legs");
      for (QuoteAnswer.Leg l : q.legs()) {
        final ObjectNode j = legs.addObject();
        j.put("pool", l.pool());
        j.put("tokenIn", l.tokenIn());
        j.put("tokenOut", l.tokenOut());
        j.put("amountIn", l.amountIn().toString());
        j.put("amountOut", l.amountOut().toString());
      }
      n.put("micros", q.micros());
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void printTable(
      final PrintWriter out,
      final CowAuction a,
      final List<QuoteFileParser.Entry> entries,
      final List<QuoteAnswer> answers) {
    out.printf(
        "%-4s %-20s %-4s %-10s %-10s %34s %34s %4s %8s %10s%n",
        "#", "id", "kind", "sell", "buy", "amountIn", "amountOut", "legs", "gas", "micros");
    int failed = 0;
    final List<Double> micros = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      final QuoteAnswer q = answers.get(i);
      if (!q.ok()) {
        failed++;
        out.printf("%-4d %-20s error: %s%n", i, abbreviate(q.id()), q.error());
        continue;
      }
      final var query = entries.get(i).query();
      micros.add(q.micros());
      out.printf(
          "%-4d %-20s %-4s %-10s %-10s %34s %34s %4d %8d %10.1f%n",
          i,
          abbreviate(q.id()),
          query.kind(),
          symbol(a, query.sellToken()),
          symbol(a, query.buyToken()),
          q.amountIn(),
          q.amountOut(),
          q.legs().size(),
          q.gasUnits(),
          q.micros());
    }
    final double[] m = micros.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    out.printf(
        "%d queries, %d failed; engine time per answered query: median %.1f µs, max %.1f µs%n",
        answers.size(),
        failed,
        m.length == 0 ? 0.0 : m[m.length / 2],
        m.length == 0 ? 0.0 : m[m.length - 1]);
  }

  private static String abbreviate(final String id) {
    return id.length() > 20 ? id.substring(0, 19) + "…" : id;
  }

  private static String symbol(final CowAuction a, final String token) {
    final CowToken t = a.tokens().get(token);
    if (t != null && t.symbol() != null) {
      return t.symbol();
    }
    return token.substring(0, 10);
  }
}
