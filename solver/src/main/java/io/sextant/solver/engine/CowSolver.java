package io.sextant.solver.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.feeds.cow.CowFormatException;
import io.sextant.feeds.cow.CowJson;
import io.sextant.feeds.cow.CowMarket;
import io.sextant.feeds.cow.CowOrder;
import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.SolveTrace;
import io.sextant.solver.solution.Solution;
import io.sextant.solver.solution.SolutionJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CoW Protocol solving engine: one {@code POST /solve} body in, the response body out.
 *
 * <ol>
 *   <li><b>parse</b>: {@link CowAuctionParser}; every format problem (malformed JSON, wrong types,
 *       numbers above uint256, unknown liquidity kinds, duplicate order uids) is a {@link
 *       BadRequestException} naming the JSON path;
 *   <li><b>market</b>: the auction's liquidity as a request-private {@link CowMarket} (pools are
 *       mutable and thread-confined, so each request builds its own);
 *   <li><b>match</b>: opposite orders on a pair settled together at a uniform price with only the
 *       imbalance routed ({@link PairMatcher}), kept when the group's surplus beats the same orders
 *       filled one by one;
 *   <li><b>route</b>: every other order filled alone through the split router ({@link
 *       SingleOrderSolver}), partially fillable ones by a surplus search;
 *   <li><b>build</b> and <b>encode</b>: {@link SolutionAssembler}, {@link SolutionJson}.
 * </ol>
 *
 * Solutions are alternatives, each valid on its own from the auction's state (the driver ranks and
 * may merge them), ordered by their first order's position in the request, ids 0, 1, ….
 *
 * <p>Deadline: the clock is read before each order and each pair; once {@code deadline −
 * deadlineSlackMillis} is reached the engine stops and answers with the solutions found so far (a
 * request already past it gets none).
 *
 * <p>Thread-safe and deterministic: all state is per request; the clock only decides when to stop.
 */
public final class CowSolver implements AuctionSolver {
  /** How orders are routed. */
  public enum Routing {
    /** The split router over all candidate paths. */
    SPLIT,
    /** The best single exact path, no splitting: the comparison baseline. */
    BEST_SINGLE_PATH
  }

  private final EngineConfig config;
  private final Clock clock;
  private final NativeToken nativeToken;
  private final Routing routing;

  /** The engine with mainnet defaults for the native token, split routing. */
  public CowSolver(final EngineConfig config, final Clock clock) {
    this(config, clock, NativeToken.MAINNET, Routing.SPLIT);
  }

  /** The engine with an explicit native token and routing. */
  public CowSolver(
      final EngineConfig config,
      final Clock clock,
      final NativeToken nativeToken,
      final Routing routing) {
    this.config = config;
    this.clock = clock;
    this.nativeToken = nativeToken;
    this.routing = routing;
  }

  @Override
  public byte[] solve(final byte[] request, final SolveTrace trace) throws BadRequestException {
    long t0 = System.nanoTime();
    final CowAuction auction = parse(request);
    long t1 = System.nanoTime();
    trace.stage("parse", t1 - t0);
    final Outcome outcome = solve(auction, trace);
    t0 = System.nanoTime();
    final byte[] body = SolutionJson.write(outcome.solutions());
    trace.stage("encode", System.nanoTime() - t0);
    trace.finished(outcome.solutions().size(), outcome.deadlineHit());
    return body;
  }

  /** Parses a request body; format errors name the JSON path. */
  public static CowAuction parse(final byte[] request) throws BadRequestException {
    try {
      final JsonNode root = CowJson.readTree(new ByteArrayInputStream(request));
      return new CowAuctionParser().parse(root);
    } catch (CowFormatException e) {
      throw new BadRequestException(e.path().equals("$") ? "" : e.path(), problem(e));
    } catch (IOException e) {
      throw new BadRequestException("", "unreadable body: " + e.getMessage());
    }
  }

  private static String problem(final CowFormatException e) {
    final String m = e.getMessage();
    final String prefix = e.path() + ": ";
    return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
  }

  /**
   * What one solve produced.
   *
   * @param solutions the solutions, ids assigned
   * @param deadlineHit whether the engine stopped at the deadline
   */
  public record Outcome(List<Solution> solutions, boolean deadlineHit) {}

  /** Solves a parsed auction (what {@link #solve(byte[], SolveTrace)} does after parsing). */
  public Outcome solve(final CowAuction auction, final SolveTrace trace) {
    final Instant stopAt = auction.deadline().minusMillis(config.deadlineSlackMillis());
    if (!clock.instant().isBefore(stopAt)) {
      return new Outcome(List.of(), true);
    }
    long t0 = System.nanoTime();
    final CowMarket market = CowMarket.of(auction);
    final double gasPrice = auction.effectiveGasPrice().doubleValue();
    final RouteFinder finder =
        routing == Routing.SPLIT
            ? new SplitRouteFinder(market.market(), config.maxHops(), gasPrice)
            : new SinglePathRouteFinder(market.market(), config.maxHops(), gasPrice);
    final NativePrices prices = new NativePrices(auction, market, finder, nativeToken);
    final long overhead = config.settlementGasOverhead();
    final SingleOrderSolver single = new SingleOrderSolver(market, finder, prices, overhead);
    long t1 = System.nanoTime();
    trace.stage("market", t1 - t0);

    final List<CowOrder> orders = auction.orders();
    final Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < orders.size(); i++) {
      position.put(orders.get(i).uid(), i);
    }
    final Map<String, OrderFill> fills = new HashMap<>();
    final Set<String> tried = new HashSet<>();
    final List<MatchedGroup> groups = new ArrayList<>();
    final Set<String> grouped = new HashSet<>();
    boolean deadlineHit = false;

    // match
    if (config.matchOrders() && routing == Routing.SPLIT) {
      final PairMatcher matcher = new PairMatcher(market, finder, prices, overhead);
      for (Map.Entry<String, List<CowOrder>> pair : pairs(orders).entrySet()) {
        if (!clock.instant().isBefore(stopAt)) {
          deadlineHit = true;
          break;
        }
        final List<CowOrder> group = pair.getValue();
        final String a =
            group.get(0).sellToken().compareTo(group.get(0).buyToken()) < 0
                ? group.get(0).sellToken()
                : group.get(0).buyToken();
        final String b =
            a.equals(group.get(0).sellToken()) ? group.get(0).buyToken() : group.get(0).sellToken();
        final MatchedGroup g = matcher.match(a, b, group);
        if (g == null) {
          continue;
        }
        double alone = 0.0;
        for (CowOrder o : g.orders()) {
          if (tried.add(o.uid())) {
            final OrderFill f = single.solve(o);
            if (f != null) {
              fills.put(o.uid(), f);
            }
          }
          final OrderFill f = fills.get(o.uid());
          alone += f == null ? 0.0 : value(f, prices);
        }
        if (groupValue(g, prices) >= alone) {
          groups.add(g);
          for (CowOrder o : g.orders()) {
            grouped.add(o.uid());
          }
        }
      }
    }
    long t2 = System.nanoTime();
    trace.stage("match", t2 - t1);

    // route
    for (CowOrder o : orders) {
      if (deadlineHit || grouped.contains(o.uid()) || tried.contains(o.uid())) {
        continue;
      }
      if (!clock.instant().isBefore(stopAt)) {
        deadlineHit = true;
        break;
      }
      tried.add(o.uid());
      final OrderFill f = single.solve(o);
      if (f != null) {
        fills.put(o.uid(), f);
      }
    }
    long t3 = System.nanoTime();
    trace.stage("route", t3 - t2);

    // build
    final SolutionAssembler assembler = new SolutionAssembler(auction, market);
    final List<Object> parts = new ArrayList<>();
    for (MatchedGroup g : groups) {
      parts.add(g);
    }
    for (CowOrder o : orders) {
      final OrderFill f = fills.get(o.uid());
      if (f != null && !grouped.contains(o.uid())) {
        parts.add(f);
      }
    }
    parts.sort(Comparator.comparingInt(p -> firstPosition(p, position)));
    final List<Solution> solutions = new ArrayList<>(parts.size());
    for (Object p : parts) {
      final long id = solutions.size();
      solutions.add(
          p instanceof MatchedGroup g
              ? assembler.group(id, g)
              : assembler.single(id, (OrderFill) p, overhead));
    }
    trace.stage("build", System.nanoTime() - t3);
    return new Outcome(List.copyOf(solutions), deadlineHit);
  }

  private static int firstPosition(final Object p, final Map<String, Integer> position) {
    if (p instanceof MatchedGroup g) {
      int min = Integer.MAX_VALUE;
      for (CowOrder o : g.orders()) {
        min = Math.min(min, position.get(o.uid()));
      }
      return min;
    }
    return position.get(((OrderFill) p).order().uid());
  }

  /** Orders by unordered token pair, pairs with orders on both sides only, in request order. */
  private static Map<String, List<CowOrder>> pairs(final List<CowOrder> orders) {
    final Map<String, List<CowOrder>> byPair = new LinkedHashMap<>();
    for (CowOrder o : orders) {
      if (o.sellToken().equals(o.buyToken())) {
        continue;
      }
      final String key =
          o.sellToken().compareTo(o.buyToken()) < 0
              ? o.sellToken() + o.buyToken()
              : o.buyToken() + o.sellToken();
      byPair.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
    }
    final Map<String, List<CowOrder>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<CowOrder>> e : byPair.entrySet()) {
      final String first = e.getValue().get(0).sellToken();
      boolean opposite = false;
      for (CowOrder o : e.getValue()) {
        opposite |= !o.sellToken().equals(first);
      }
      if (opposite) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** Surplus of a lone fill in native wei (0 when its token has no price). */
  private static double value(final OrderFill f, final NativePrices prices) {
    final String token =
        f.order().kind() == CowOrder.Kind.SELL ? f.order().buyToken() : f.order().sellToken();
    return nativeValue(f.surplus(), prices.price(token));
  }

  /** Surplus of a group in native wei. */
  private static double groupValue(final MatchedGroup g, final NativePrices prices) {
    final PairMatcher.Flows fl =
        PairMatcher.Flows.of(g.orders(), g.fees(), g.tokenA(), g.priceA(), g.priceB());
    final BigInteger pa = prices.price(g.tokenA());
    final BigInteger pb = prices.price(g.tokenB());
    double total = 0.0;
    for (int i = 0; i < g.orders().size(); i++) {
      final CowOrder o = g.orders().get(i);
      final boolean sellsA = o.sellToken().equals(g.tokenA());
      if (o.kind() == CowOrder.Kind.SELL) {
        final BigInteger[] qr =
            o.buyAmount().multiply(fl.sold[i]).divideAndRemainder(o.sellAmount());
        final BigInteger min = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        total += nativeValue(fl.bought[i].subtract(min), sellsA ? pb : pa);
      } else {
        final BigInteger max = o.sellAmount().multiply(fl.bought[i]).divide(o.buyAmount());
        total += nativeValue(max.subtract(fl.sold[i]), sellsA ? pa : pb);
      }
    }
    return total;
  }

  private static double nativeValue(final BigInteger amount, final BigInteger price) {
    if (price == null) {
      return 0.0;
    }
    return amount.doubleValue() * price.doubleValue() / 1e18;
  }
}
