package io.sextant.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.feeds.cow.CowFormatException;
import io.sextant.feeds.cow.CowMarket;
import io.sextant.feeds.cow.CowToken;
import io.sextant.solver.quote.QuoteAnswer;
import io.sextant.solver.quote.QuoteEngine;
import io.sextant.solver.quote.QuoteFileParser;
import io.sextant.solver.quote.QuoteQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The peer-comparison harness: Sextant against the peers' own answers on the same real data.
 *
 * <p>Loads the embedded auction 7400693 restricted to {@code constantProduct} and {@code
 * concentratedLiquidity} pools less the peers file's {@code excludedPools} (the pools the peers
 * could not load), gas 0, and runs {@link QuoteEngine} on every query of {@code
 * data/peers-7400693.json}: one warm-up pass (JIT), then the measured pass. Per query and in total
 * it prints Sextant's output and time beside each peer's output and time, and the ratio to {@code
 * bestHop3} (the best peer answer whose paths use at most 3 pools); then the ladder of seven
 * headline queries.
 *
 * <p>Exit status: 0 when every query reaches {@code bestHop3 × (1 − 1e-7)}, 1 when one does not (an
 * unanswered query counts as 0), 2 when the input is unusable. Run it with {@code bin/bench peers
 * [--json] [--max-hops N] [--warmup N]}.
 */
@Command(
    name = "peers",
    mixinStandardHelpOptions = true,
    description = "Sextant against the peer routers' answers on the embedded auction.")
public final class PeerComparison implements Callable<Integer> {
  /** The peers of the file, in the order printed. */
  static final List<String> PEERS =
      List.of(
          "tines_multi",
          "tines_multi_h3",
          "tines_single",
          "smart_order_router",
          "router_sdk_mixed");

  /** The headline queries of issue 3: WETH→USDC at six sizes and 1,607,355,199 USDC→USDT. */
  static final List<String> LADDER =
      List.of(
          "l-WETH-USDC-0.1eth",
          "l-WETH-USDC-1eth",
          "l-WETH-USDC-10eth",
          "l-WETH-USDC-100eth",
          "l-WETH-USDC-1000eth",
          "l-WETH-USDC-5000eth",
          "l-USDC-USDT-1eth");

  /** Relative shortfall below {@code bestHop3} that still counts as meeting it. */
  static final BigDecimal TOLERANCE = new BigDecimal("1e-7");

  static final String EMBEDDED = "/io/sextant/solver/data/mainnet-auction-7400693.json";

  @Option(
      names = "--peers",
      paramLabel = "FILE",
      defaultValue = "data/peers-7400693.json",
      description = "The peers file (default ${DEFAULT-VALUE}).")
  private Path peersFile;

  @Option(
      names = "--auction",
      paramLabel = "FILE",
      description = "Auction the peers ran on (default: the embedded mainnet auction 7400693).")
  private Path auctionFile;

  @Option(
      names = "--max-hops",
      paramLabel = "N",
      defaultValue = "3",
      description = "Most pools per path (default ${DEFAULT-VALUE}).")
  private int maxHops;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Warm-up passes over all queries before the measured one (default ${DEFAULT-VALUE}).")
  private int warmup;

  @Option(names = "--json", description = "Print one JSON document instead of tables.")
  private boolean json;

  /** A peer's answer: output in buy-token base units ({@code null} when it found none) and ms. */
  record PeerAnswer(BigInteger out, double ms) {}

  /** One query of the peers file with the peers' answers. */
  record PeerQuery(
      String id,
      String source,
      String sellToken,
      String buyToken,
      BigInteger amount,
      Map<String, PeerAnswer> peers,
      String bestPeer,
      BigInteger best,
      String bestHop3Peer,
      BigInteger bestHop3) {}

  /** Sextant beside the peers on one query. */
  record Row(PeerQuery query, QuoteAnswer sextant) {
    BigInteger out() {
      return sextant.ok() ? sextant.amountOut() : BigInteger.ZERO;
    }

    /** Sextant's output over bestHop3. */
    double ratio() {
      return new BigDecimal(out())
          .divide(new BigDecimal(query.bestHop3()), MathContext.DECIMAL64)
          .doubleValue();
    }

    boolean atLeast() {
      return new BigDecimal(out())
              .compareTo(
                  new BigDecimal(query.bestHop3()).multiply(BigDecimal.ONE.subtract(TOLERANCE)))
          >= 0;
    }

    boolean strictlyBetter() {
      return out().compareTo(query.bestHop3()) > 0;
    }
  }

  public static void main(final String[] args) {
    System.exit(new CommandLine(new PeerComparison()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    final PrintWriter out = new PrintWriter(System.out, false);
    final List<PeerQuery> queries;
    final List<String> excluded;
    final CowAuction auction;
    try {
      final String text = Files.readString(peersFile);
      final QuoteFileParser.QuoteFile file = new QuoteFileParser().parse(text);
      queries = peerQueries(new ObjectMapper().readTree(text), file);
      excluded = file.excludedPools();
      auction = loadAuction();
      for (String id : LADDER) {
        if (queries.stream().noneMatch(q -> q.id().equals(id))) {
          throw new IllegalArgumentException("ladder query " + id + " is not in " + peersFile);
        }
      }
    } catch (IOException | CowFormatException | IllegalArgumentException e) {
      System.err.println("peers: unusable input: " + e.getMessage());
      return 2;
    }
    final CowMarket market =
        CowMarket.of(
            auction, Set.of("constantProduct", "concentratedLiquidity"), new HashSet<>(excluded));
    final QuoteEngine engine = new QuoteEngine(market, maxHops, 0.0);
    final List<QuoteFileParser.Entry> entries = new ArrayList<>(queries.size());
    for (PeerQuery q : queries) {
      entries.add(entry(q));
    }
    for (int pass = 0; pass < warmup; pass++) {
      engine.quote(entries);
    }
    final long start = System.nanoTime();
    final List<QuoteAnswer> answers = engine.quote(entries);
    final double wallMs = (System.nanoTime() - start) / 1e6;
    final List<Row> rows = new ArrayList<>(queries.size());
    for (int i = 0; i < queries.size(); i++) {
      rows.add(new Row(queries.get(i), answers.get(i)));
    }
    final Totals t = Totals.of(rows);
    final String config =
        String.format(
            Locale.ROOT,
            "%d queries; %d pools (constantProduct, concentratedLiquidity, less %d excluded); gas 0;"
                + " max hops %d; %d warm-up pass(es); measured pass %.1f ms wall",
            rows.size(),
            market.market().poolCount(),
            excluded.size(),
            maxHops,
            warmup,
            wallMs);
    if (json) {
      out.println(toJson(config, rows, t));
    } else {
      printTables(out, auction, config, rows, t);
    }
    out.flush();
    return t.worse == 0 ? 0 : 1;
  }

  private static QuoteFileParser.Entry entry(final PeerQuery q) {
    return new QuoteFileParser.Entry(
        q.id(), new QuoteQuery(q.id(), q.sellToken(), q.buyToken(), true, q.amount(), null), null);
  }

  private CowAuction loadAuction() throws IOException {
    try (InputStream in =
        auctionFile == null
            ? PeerComparison.class.getResourceAsStream(EMBEDDED)
            : Files.newInputStream(auctionFile)) {
      if (in == null) {
        throw new IOException("embedded auction missing: " + EMBEDDED);
      }
      return new CowAuctionParser().parse(in);
    }
  }

  /** The peers' answers of each query, beside the query as {@link QuoteFileParser} reads it. */
  static List<PeerQuery> peerQueries(final JsonNode root, final QuoteFileParser.QuoteFile file) {
    final JsonNode qs = root.path("queries");
    final List<PeerQuery> out = new ArrayList<>(qs.size());
    for (int i = 0; i < qs.size(); i++) {
      final QuoteFileParser.Entry e = file.entries().get(i);
      final String path = "queries[" + i + "]";
      if (e.error() != null) {
        throw new IllegalArgumentException(e.error());
      }
      if (!e.query().exactIn()) {
        throw new IllegalArgumentException(path + ".kind: the peers answered sell queries only");
      }
      final JsonNode n = qs.get(i);
      final Map<String, PeerAnswer> peers = new LinkedHashMap<>();
      for (String p : PEERS) {
        final JsonNode a = n.path("peers").path(p);
        final JsonNode o = a.get("out");
        peers.put(
            p,
            new PeerAnswer(
                o == null || o.isNull() ? null : new BigInteger(o.asText()),
                a.path("ms").asDouble(Double.NaN)));
      }
      out.add(
          new PeerQuery(
              e.id(),
              n.path("source").asText(""),
              e.query().sellToken(),
              e.query().buyToken(),
              e.query().amount(),
              peers,
              n.path("best").path("peer").asText(null),
              amount(n.path("best"), path + ".best"),
              n.path("bestHop3").path("peer").asText(null),
              amount(n.path("bestHop3"), path + ".bestHop3")));
    }
    return out;
  }

  private static BigInteger amount(final JsonNode best, final String path) {
    final JsonNode o = best.get("out");
    if (o == null || !o.isTextual() || !o.asText().matches("[0-9]+")) {
      throw new IllegalArgumentException(path + ".out: expected a decimal string");
    }
    return new BigInteger(o.asText());
  }

  /** The totals over all rows. */
  static final class Totals {
    int atLeast;
    int strictlyBetter;
    int worse;
    int unanswered;
    final Map<String, int[]> vsPeer = new LinkedHashMap<>();
    double[] micros = new double[0];
    final Map<String, double[]> peerMs = new LinkedHashMap<>();

    static Totals of(final List<Row> rows) {
      final Totals t = new Totals();
      final List<Double> us = new ArrayList<>();
      final Map<String, List<Double>> ms = new LinkedHashMap<>();
      for (String p : PEERS) {
        // [Sextant >= peer, Sextant > peer, peer answered]
        t.vsPeer.put(p, new int[3]);
        ms.put(p, new ArrayList<>());
      }
      for (Row r : rows) {
        if (r.atLeast()) {
          t.atLeast++;
        } else {
          t.worse++;
        }
        if (r.strictlyBetter()) {
          t.strictlyBetter++;
        }
        if (!r.sextant().ok()) {
          t.unanswered++;
        } else {
          us.add(r.sextant().micros());
        }
        for (String p : PEERS) {
          final PeerAnswer a = r.query().peers().get(p);
          if (a.out() == null) {
            continue;
          }
          final int[] c = t.vsPeer.get(p);
          c[2]++;
          c[0] += r.out().compareTo(a.out()) >= 0 ? 1 : 0;
          c[1] += r.out().compareTo(a.out()) > 0 ? 1 : 0;
          if (!Double.isNaN(a.ms())) {
            ms.get(p).add(a.ms());
          }
        }
      }
      t.micros = sorted(us);
      for (String p : PEERS) {
        t.peerMs.put(p, sorted(ms.get(p)));
      }
      return t;
    }

    private static double[] sorted(final List<Double> v) {
      final double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(a);
      return a;
    }

    static double pct(final double[] sorted, final double q) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
  }

  private static Row find(final List<Row> rows, final String id) {
    for (Row r : rows) {
      if (r.query().id().equals(id)) {
        return r;
      }
    }
    throw new IllegalArgumentException("ladder query " + id + " not in the peers file");
  }

  private static void printTables(
      final PrintWriter out,
      final CowAuction a,
      final String config,
      final List<Row> rows,
      final Totals t) {
    out.println("Sextant against the peers: " + config);
    out.println("outputs in the buy token's base units; sextant in µs, peers in ms per query");
    out.printf("%-22s %-21s %28s %10s %12s", "query", "pair", "sextant", "µs", "/bestHop3");
    for (String p : PEERS) {
      out.printf(" %28s %9s", p, "ms");
    }
    out.println();
    for (Row r : rows) {
      final PeerQuery q = r.query();
      out.printf(
          Locale.ROOT,
          "%-22s %-21s %28s %10s %12.9f",
          q.id(),
          symbol(a, q.sellToken()) + ">" + symbol(a, q.buyToken()),
          r.sextant().ok() ? r.out() : "error",
          r.sextant().ok() ? String.format(Locale.ROOT, "%.1f", r.sextant().micros()) : "-",
          r.ratio());
      for (String p : PEERS) {
        final PeerAnswer pa = q.peers().get(p);
        out.printf(
            Locale.ROOT,
            " %28s %9s",
            pa.out() == null ? "-" : pa.out(),
            Double.isNaN(pa.ms()) ? "-" : String.format(Locale.ROOT, "%.1f", pa.ms()));
      }
      out.println(r.sextant().ok() ? "" : "  " + r.sextant().error());
    }
    out.println();
    out.printf(
        "Totals over %d queries: sextant >= bestHop3 (within 1e-7) on %d, strictly better on %d,"
            + " worse on %d (of which %d unanswered)%n",
        rows.size(), t.atLeast, t.strictlyBetter, t.worse, t.unanswered);
    out.printf(
        Locale.ROOT,
        "sextant time per query: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs, max %.1f µs%n",
        Totals.pct(t.micros, 0.5),
        Totals.pct(t.micros, 0.9),
        Totals.pct(t.micros, 0.99),
        Totals.pct(t.micros, 1.0));
    out.printf(
        "%-20s %9s %9s %9s %10s %10s %10s%n",
        "peer", "answered", "sx >=", "sx >", "p50 ms", "p99 ms", "max ms");
    for (String p : PEERS) {
      final int[] c = t.vsPeer.get(p);
      final double[] ms = t.peerMs.get(p);
      out.printf(
          Locale.ROOT,
          "%-20s %9d %9d %9d %10.1f %10.1f %10.1f%n",
          p,
          c[2],
          c[0],
          c[1],
          Totals.pct(ms, 0.5),
          Totals.pct(ms, 0.99),
          Totals.pct(ms, 1.0));
    }
    out.println();
    out.println("Ladder (issue 3 headline queries):");
    out.printf(
        "%-24s %-20s %20s %20s %20s %12s %10s%n",
        "query",
        "best peer <=3 pools",
        "its output",
        "sextant",
        "best, any peer",
        "/bestHop3",
        "µs");
    for (String id : LADDER) {
      final Row r = find(rows, id);
      final PeerQuery q = r.query();
      out.printf(
          Locale.ROOT,
          "%-24s %-20s %,20d %20s %,20d %12.9f %10s%n",
          ladderName(a, q),
          q.bestHop3Peer(),
          q.bestHop3(),
          r.sextant().ok() ? String.format(Locale.ROOT, "%,d", r.out()) : "error",
          q.best(),
          r.ratio(),
          r.sextant().ok() ? String.format(Locale.ROOT, "%.1f", r.sextant().micros()) : "-");
    }
  }

  private static String ladderName(final CowAuction a, final PeerQuery q) {
    final CowToken t = a.tokens().get(q.sellToken());
    final String amt =
        t == null || t.decimals() == null
            ? q.amount().toString()
            : new BigDecimal(q.amount())
                .movePointLeft(t.decimals())
                .stripTrailingZeros()
                .toPlainString();
    return amt + " " + symbol(a, q.sellToken()) + ">" + symbol(a, q.buyToken());
  }

  private static String symbol(final CowAuction a, final String token) {
    final CowToken t = a.tokens().get(token);
    return t != null && t.symbol() != null ? t.symbol() : token.substring(0, 8);
  }

  private static String toJson(final String config, final List<Row> rows, final Totals t) {
    final ObjectMapper m = new ObjectMapper();
    final ObjectNode root = m.createObjectNode();
    root.put("config", config);
    final ArrayNode qs = root.putArray("queries");
    for (Row r : rows) {
      final PeerQuery q = r.query();
      final ObjectNode n = qs.addObject();
      n.put("id", q.id());
      n.put("source", q.source());
      n.put("sellToken", q.sellToken());
      n.put("buyToken", q.buyToken());
      n.put("amount", q.amount().toString());
      final ObjectNode s = n.putObject("sextant");
      if (r.sextant().ok()) {
        s.put("out", r.out().toString());
        s.put("micros", r.sextant().micros());
        s.put("legs", r.sextant().legs().size());
      } else {
        s.put("error", r.sextant().error());
      }
      n.put("bestHop3", q.bestHop3().toString());
      n.put("bestHop3Peer", q.bestHop3Peer());
      n.put("best", q.best().toString());
      n.put("bestPeer", q.bestPeer());
      n.put("ratioToBestHop3", r.ratio());
      n.put("atLeastBestHop3", r.atLeast());
      n.put("strictlyBetter", r.strictlyBetter());
      final ObjectNode ps = n.putObject("peers");
      for (String p : PEERS) {
        final PeerAnswer pa = q.peers().get(p);
        final ObjectNode pn = ps.putObject(p);
        if (pa.out() == null) {
          pn.putNull("out");
        } else {
          pn.put("out", pa.out().toString());
        }
        pn.put("ms", pa.ms());
      }
    }
    final ObjectNode tot = root.putObject("totals");
    tot.put("queries", rows.size());
    tot.put("atLeastBestHop3", t.atLeast);
    tot.put("strictlyBetter", t.strictlyBetter);
    tot.put("worse", t.worse);
    tot.put("unanswered", t.unanswered);
    tot.put("p50Micros", Totals.pct(t.micros, 0.5));
    tot.put("p99Micros", Totals.pct(t.micros, 0.99));
    tot.put("maxMicros", Totals.pct(t.micros, 1.0));
    final ObjectNode vp = tot.putObject("vsPeer");
    for (String p : PEERS) {
      final int[] c = t.vsPeer.get(p);
      final ObjectNode pn = vp.putObject(p);
      pn.put("answered", c[2]);
      pn.put("sextantAtLeast", c[0]);
      pn.put("sextantStrictlyBetter", c[1]);
      pn.put("p50Ms", Totals.pct(t.peerMs.get(p), 0.5));
      pn.put("p99Ms", Totals.pct(t.peerMs.get(p), 0.99));
    }
    final ArrayNode ladder = root.putArray("ladder");
    for (String id : LADDER) {
      final Row r = find(rows, id);
      final ObjectNode n = ladder.addObject();
      n.put("id", id);
      n.put("bestHop3Peer", r.query().bestHop3Peer());
      n.put("bestHop3", r.query().bestHop3().toString());
      n.put("bestAnyPeer", r.query().bestPeer());
      n.put("best", r.query().best().toString());
      n.put("sextant", r.sextant().ok() ? r.out().toString() : null);
      n.put("ratioToBestHop3", r.ratio());
      n.put("micros", r.sextant().ok() ? r.sextant().micros() : Double.NaN);
    }
    try {
      return m.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
