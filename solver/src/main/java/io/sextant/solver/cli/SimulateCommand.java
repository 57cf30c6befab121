package io.sextant.solver.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowFormatException;
import io.sextant.feeds.cow.CowToken;
import io.sextant.feeds.cow.LiquidityCatalog;
import io.sextant.solver.simulate.SwapFileParser;
import io.sextant.solver.simulate.SwapOutcome;
import io.sextant.solver.simulate.SwapRequest;
import io.sextant.solver.simulate.SwapSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sextant simulate}: exact swaps against an auction's liquidity, each from the auction's
 * state. Exit 0 when the batch ran (a swap that cannot be done is an answer in its slot), 2 when
 * the auction or swaps file is unusable.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates swaps with the exact on-chain math of each pool of a CoW auction.",
      "Each swap starts from the auction's state; one that cannot be done gets an error in its"
          + " slot and the run goes on."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--auction",
      paramLabel = "FILE",
      description =
          "Auction in the CoW solver-engine format (default: the embedded mainnet auction).")
  private Path auction;

  @Option(
      names = "--swaps",
      required = true,
      paramLabel = "SWAPS.json",
      description =
          "JSON array of {\"pool\",\"sellToken\",\"buyToken\",\"kind\":\"sell\"|\"buy\",\"amount\""
              + "[,\"sqrtPriceLimitX96\"]}.")
  private Path swaps;

  @Option(names = "--json", description = "Print a JSON array of results instead of a table.")
  private boolean json;

  @Override
  public Integer call() {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final CowAuction a;
    final List<SwapFileParser.Entry> entries;
    try {
      a = AuctionInput.load(auction);
    } catch (NoSuchFileException e) {
      err.println("sextant simulate: no such auction file: " + auction);
      return 2;
    } catch (IOException e) {
      err.println("sextant simulate: cannot read " + AuctionInput.describe(auction) + ": " + e);
      return 2;
    } catch (CowFormatException e) {
      err.println(
          "sextant simulate: bad auction "
              + AuctionInput.describe(auction)
              + ": "
              + e.getMessage());
      return 2;
    }
    try {
      entries = new SwapFileParser().parse(Files.readString(swaps));
    } catch (NoSuchFileException e) {
      err.println("sextant simulate: no such swaps file: " + swaps);
      return 2;
    } catch (IOException e) {
      err.println("sextant simulate: cannot read " + swaps + ": " + e);
      return 2;
    } catch (CowFormatException e) {
      err.println("sextant simulate: bad swaps file " + swaps + ": " + e.getMessage());
      return 2;
    }
    final List<SwapOutcome> outcomes = new SwapSimulator(LiquidityCatalog.of(a)).simulate(entries);
    if (json) {
      out.println(toJson(outcomes));
    } else {
      printTable(out, a, outcomes);
    }
    out.flush();
    return 0;
  }

  /** The results as the JSON array {@code --json} prints, in request order. */
  static String toJson(final List<SwapOutcome> outcomes) {
    final ObjectMapper mapper = new ObjectMapper();
    final ArrayNode arr = mapper.createArrayNode();
    for (SwapOutcome o : outcomes) {
      final ObjectNode n = arr.addObject();
      if (!o.ok()) {
        n.put("error", o.error());
        continue;
      }
      final SwapRequest s = o.request();
      n.put("pool", s.pool());
      n.put("sellToken", s.sellToken());
      n.put("buyToken", s.buyToken());
      n.put("kind", s.kind());
      n.put("amount", s.amount().toString());
      n.put("amountIn", o.amountIn().toString());
      n.put("amountOut", o.amountOut().toString());
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void printTable(
      final PrintWriter out, final CowAuction a, final List<SwapOutcome> outcomes) {
    out.printf(
        "%-3s %-6s %-4s %-10s %-10s %34s %34s%n",
        "#", "pool", "kind", "sell", "buy", "amountIn", "amountOut");
    int failed = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      final SwapOutcome o = outcomes.get(i);
      final SwapRequest s = o.request();
      if (!o.ok()) {
        failed++;
        out.printf("%-3d error: %s%n", i, o.error());
        continue;
      }
      out.printf(
          "%-3d %-6s %-4s %-10s %-10s %34s %34s%n",
          i,
          s.pool(),
          s.kind(),
          symbol(a, s.sellToken()),
          symbol(a, s.buyToken()),
          o.amountIn(),
          o.amountOut());
    }
    out.printf("%d swaps, %d failed%n", outcomes.size(), failed);
  }

  private static String symbol(final CowAuction a, final String token) {
    final CowToken t = a.tokens().get(token);
    if (t != null && t.symbol() != null) {
      return t.symbol();
    }
    return token.substring(0, 10);
  }
}
