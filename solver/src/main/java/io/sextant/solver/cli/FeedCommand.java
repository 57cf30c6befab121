package io.sextant.solver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.feeds.chain.ChainFeed;
import io.sextant.feeds.chain.CowLiquidityWriter;
import io.sextant.solver.journal.Journal;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sextant feed}: follows Uniswap V2 pairs and V3 pools on a JSON-RPC node (see {@link
 * ChainFeed}), printing progress, and at the end (or on Ctrl-C) writes the tracked state as a CoW
 * {@code liquidity} array. Exit 0 after a clean run, 2 when the pool list is unusable or the node
 * cannot be read at start.
 */
@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = {
      "Follows Uniswap V2/V3, Balancer V2 and Curve pools on an Ethereum node: initial state by eth_call, then logs block"
          + " by block (eth_getLogs; newHeads over WebSocket when --ws is given), with reorg"
          + " rollback and gap backfill.",
      "Prints progress; writes the tracked state as a CoW liquidity array with --dump.",
      "Journals every event (and the store at start and end) to ./journal (journal.dir of --config,"
          + " or --journal DIR) unless --no-journal."
    })
public final class FeedCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--rpc", required = true, paramLabel = "URL", description = "HTTP JSON-RPC.")
  private String rpc;

  @Option(
      names = "--ws",
      paramLabel = "URL",
      description = "WebSocket JSON-RPC for newHeads (default: HTTP polling only).")
  private String ws;

  @Option(
      names = "--pools",
      required = true,
      paramLabel = "POOLS.json",
      description =
          "JSON array of {\"kind\": uniswapV2|uniswapV3|balancerWeighted|balancerStable|curve,"
              + " \"address\", optional \"fee\" (uniswapV2, e.g. \"0.0025\"), optional"
              + " \"variant\" (balancerWeighted v0|v3Plus, curve legacy|factory)}.")
  private Path poolsFile;

  @Option(
      names = "--balancer-vault",
      paramLabel = "ADDRESS",
      defaultValue = ChainFeed.MAINNET_VAULT,
      description = "The Balancer V2 Vault (default: mainnet ${DEFAULT-VALUE}).")
  private String vault;

  @Option(
      names = "--until-block",
      paramLabel = "N",
      description = "Stop once block N is applied (default: run until interrupted).")
  private Long untilBlock;

  @Option(names = "--dump", paramLabel = "FILE", description = "Write the CoW liquidity array.")
  private Path dump;

  @Option(
      names = "--progress-ms",
      paramLabel = "MS",
      defaultValue = "1000",
      description = "Progress line interval (default ${DEFAULT-VALUE}).")
  private long progressMillis;

  @Option(
      names = "--rpc-timeout-ms",
      paramLabel = "MS",
      defaultValue = "10000",
      description =
          "Bound of one JSON-RPC call; a node that hangs longer is an outage (default"
              + " ${DEFAULT-VALUE}).")
  private long rpcTimeoutMillis;

  @Option(
      names = "--poll-ms",
      paramLabel = "MS",
      defaultValue = "100",
      description = "Head polling interval (default ${DEFAULT-VALUE}).")
  private long pollMillis;

  @Mixin private ConfigOption config;

  @Mixin private JournalOptions journalOptions;

  @Override
  public Integer call() throws InterruptedException {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final List<ChainFeed.Pool> pools;
    try {
      pools = readPools(poolsFile);
    } catch (NoSuchFileException e) {
      err.println("sextant feed: no such pools file: " + poolsFile);
      return 2;
    } catch (IOException | IllegalArgumentException e) {
      err.println("sextant feed: bad pools file " + poolsFile + ": " + e.getMessage());
      return 2;
    }
    final ChainFeed feed;
    try {
      if (rpcTimeoutMillis < 1 || pollMillis < 1 || progressMillis < 1) {
        err.println("sextant feed: --rpc-timeout-ms, --poll-ms and --progress-ms must be >= 1");
        return 2;
      }
      feed =
          new ChainFeed(
              rpc, ws, pools, 256, pollMillis, vault, Duration.ofMillis(rpcTimeoutMillis));
    } catch (IllegalArgumentException e) {
      err.println("sextant feed: --balancer-vault: " + e.getMessage());
      return 2;
    }
    final Journal journal;
    try {
      journal = JournalOptions.open(journalOptions.apply(config.load().journal()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("sextant feed: " + e.getMessage());
      return 2;
    }
    feed.journal(journal);
    try {
      feed.start();
    } catch (IOException | RuntimeException e) {
      err.println("sextant feed: cannot read the pools from " + rpc + ": " + e);
      feed.close();
      if (journal != null) {
        journal.close();
      }
      return 2;
    }
    if (journal != null) {
      out.println("sextant feed: journaling to " + journal.dir());
    }
    out.printf("sextant feed: %d pools from block %d%n", pools.size(), feed.processedBlock());
    out.flush();
    final Thread hook =
        new Thread(
            () -> {
              finish(feed, journal, out, err);
            },
            "sextant-feed-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    long lastEvents = 0;
    long lastNanos = System.nanoTime();
    while (true) {
      final boolean done =
          untilBlock != null
              && feed.awaitSynced(untilBlock, null, Duration.ofMillis(progressMillis));
      if (untilBlock == null) {
        Thread.sleep(progressMillis);
      }
      final long now = System.nanoTime();
      final long events = feed.events();
      out.printf(
          "block %d (head %d)  events %d  %.0f ev/s  stale %d  reorgs %d  outages %d%n",
          feed.processedBlock(),
          feed.headSeen(),
          events,
          (events - lastEvents) * 1e9 / Math.max(1, now - lastNanos),
          feed.staleCount(),
          feed.reorgs(),
          feed.outages());
      out.flush();
      lastEvents = events;
      lastNanos = now;
      if (done) {
        break;
      }
    }
    Runtime.getRuntime().removeShutdownHook(hook);
    return finish(feed, journal, out, err);
  }

  private synchronized int finish(
      final ChainFeed feed, final Journal journal, final PrintWriter out, final PrintWriter err) {
    feed.close();
    if (journal != null && !journal.queue().isClosed()) {
      out.println("sextant feed: journal " + journal.dir() + " up to entry " + journal.lastIndex());
      journal.close();
    }
    out.printf(
        "sextant feed: stopped at block %d; decoder: %s; applier: %s; reorgs %d (deepest %d),"
            + " resyncs %d, outages %d, duplicates %d%n",
        feed.processedBlock(),
        feed.decoderReport(),
        feed.ring().applier().report(),
        feed.reorgs(),
        feed.maxReorgDepth(),
        feed.resyncs(),
        feed.outages(),
        feed.duplicates());
    final List<String> curve = CowLiquidityWriter.notExpressible(feed);
    if (dump != null && !curve.isEmpty()) {
      out.println("sextant feed: not in the dump (no CoW liquidity kind): " + curve);
    }
    final List<String> stale = CowLiquidityWriter.stale(feed);
    if (!stale.isEmpty()) {
      out.println("sextant feed: stale pools: " + stale);
    }
    if (dump != null) {
      final ObjectMapper mapper = new ObjectMapper();
      try {
        Files.writeString(
            dump,
            mapper
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(CowLiquidityWriter.liquidity(feed, mapper)));
        out.println("sextant feed: wrote " + dump);
      } catch (IOException e) {
        err.println("sextant feed: cannot write " + dump + ": " + e);
        out.flush();
        return 2;
      }
    }
    out.flush();
    return 0;
  }

  private static final List<String> KINDS =
      List.of(
          ChainFeed.UNISWAP_V2,
          ChainFeed.UNISWAP_V3,
          ChainFeed.BALANCER_WEIGHTED,
          ChainFeed.BALANCER_STABLE,
          ChainFeed.CURVE);

  /**
   * Parses a pools file: a JSON array of {@code {"kind", "address"}}, with an optional {@code
   * "fee"} (Uniswap V2 only: a decimal fraction in [0, 1), e.g. {@code "0.0025"}) and {@code
   * "variant"} (balancerWeighted: {@code v0}/{@code v3Plus}; curve: {@code legacy}/{@code
   * factory}). Errors name the entry and field.
   */
  static List<ChainFeed.Pool> readPools(final Path file) throws IOException {
    final JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    if (root == null || !root.isArray() || root.isEmpty()) {
      throw new IllegalArgumentException("expected a non-empty JSON array of pools");
    }
    final List<ChainFeed.Pool> pools = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      final JsonNode p = root.get(i);
      if (!p.isObject()) {
        throw new IllegalArgumentException("[" + i + "]: expected an object");
      }
      final String kind = p.path("kind").asText("");
      final String address = p.path("address").asText("");
      if (!KINDS.contains(kind)) {
        throw new IllegalArgumentException(
            "[" + i + "].kind: expected one of " + KINDS + ", got \"" + kind + "\"");
      }
      if (!address.matches("0x[0-9a-fA-F]{40}")) {
        throw new IllegalArgumentException(
            "[" + i + "].address: not an address: \"" + address + "\"");
      }
      BigDecimal fee = null;
      if (p.has("fee")) {
        if (!kind.equals(ChainFeed.UNISWAP_V2)) {
          throw new IllegalArgumentException(
              "[" + i + "].fee: only uniswapV2 pools take a fee (the others read it on chain)");
        }
        try {
          fee = new BigDecimal(p.get("fee").asText());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "[" + i + "].fee: not a decimal: \"" + p.get("fee").asText() + "\"");
        }
        if (fee.signum() < 0 || fee.compareTo(BigDecimal.ONE) >= 0 || fee.scale() > 12) {
          throw new IllegalArgumentException(
              "["
                  + i
                  + "].fee: expected a fraction in [0, 1) with at most 12 decimals, got "
                  + fee);
        }
      }
      String variant = null;
      if (p.has("variant")) {
        variant = p.get("variant").asText();
        final List<String> allowed =
            switch (kind) {
              case ChainFeed.BALANCER_WEIGHTED -> List.of("v0", "v3Plus");
              case ChainFeed.CURVE -> List.of("legacy", "factory");
              default -> List.of();
            };
        if (!allowed.contains(variant)) {
          throw new IllegalArgumentException(
              "["
                  + i
                  + "].variant: "
                  + (allowed.isEmpty() ? kind + " takes no variant" : "expected one of " + allowed)
                  + ", got \""
                  + variant
                  + "\"");
        }
      }
      pools.add(new ChainFeed.Pool(kind, address, fee, variant));
    }
    return pools;
  }
}
