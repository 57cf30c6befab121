package io.sextant.routing.split;

import io.sextant.routing.finalise.PoolStateLog;
import io.sextant.routing.finalise.RoutePlan;
import io.sextant.routing.graph.CandidatePaths;
import io.sextant.routing.graph.RoutingMarket;
import io.sextant.routing.graph.TokenPairGraph;
import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import java.util.Arrays;

/**
 * Routes one order over a {@link RoutingMarket}: candidate token paths pruned by spot bounds
 * ({@link CandidatePaths}), the optimal split over all of their pools at once ({@link
 * SplitOptimizer}), net of gas (pools whose gas the split does not pay for are dropped), then exact
 * finalisation: every leg recomputed with the pool's integer math in execution order, each applied
 * before the next and all undone after. The best single path (exact, net of gas) is always
 * evaluated too, and the better of the two is returned, so a plan is never worse than the best
 * single path among the candidates.
 *
 * <p><b>Safe pruning.</b> Let λ* be the optimum's marginal rate (buy units per extra sell unit; the
 * dual price of the sell token when the buy token's is 1). A path whose spot bound (product of its
 * pairs' best spot rates, {@link CandidatePaths}) is at most λ* carries nothing in the optimum:
 * with concave curves and no gas, the optimum over all paths is the optimum over the kept ones as
 * soon as no left-out path could add a unit at a marginal rate above λ*, and a path's marginal rate
 * never exceeds its spot bound while its pools are traded, if at all, in its own direction (a pool
 * traded the other way by a kept path is the one case the bound does not cover: trading a pool
 * forward and back again is a round trip that loses both fees, which the optimum avoids). The
 * router therefore:
 *
 * <ol>
 *   <li>takes a lower bound λ₀ ≤ λ*: the marginal rate at the order's full size of one concrete
 *       path (the best by bound, the best pool per hop). λ only rises as paths are added (for
 *       parallel paths Σ aᵢ(λ) = A with each inverse marginal aᵢ non-increasing; the exact-output
 *       case holds too, as the optimum needs no more input than one path);
 *   <li>keeps every path (and every pool direction on it) whose bound reaches λ₀;
 *   <li>solves, reads the optimum's λ and, should it be below the threshold used, re-admits the
 *       paths whose bound exceeds it and solves again, until none does.
 * </ol>
 *
 * The cap of {@link #MAX_PATHS} paths (the best by bound) is the only place where a path the
 * optimum could use may be left out; {@link #lastRouteTruncated()} reports it.
 *
 * <p>Gas: {@code gasUnits × gasPrice} wei per pool used, valued in the buy token through reference
 * prices; ignored when the gas price is 0 or the buy token has no reference price. A pool whose
 * exact swap fails (an inconsistent snapshot, a revert) is treated as having no capacity: it is
 * dropped and the split solved again. Exact-output orders solve for the input by Newton's method on
 * the concave output curve of the split (the derivative is the dual price λ).
 *
 * <p>Not thread-safe: one router per thread. Arrays grow while warming up; after that routing
 * allocates nothing.
 */
public final class SplitRouter {
  private static final int MAX_RETRIES = 6;

  /** Candidate single paths whose exact output is computed, the best by their estimate. */
  public static final int SINGLE_PATHS_EXACT = 8;

  /** Paths tried one by one, exactly, when no candidate could take the order. */
  public static final int LAST_RESORT_PATHS = 512;

  /** Candidate token paths kept for the split, the best by spot bound. */
  public static final int MAX_PATHS = 24;

  /**
   * A pool direction whose whole output is worth less than this fraction of the order (by reference
   * prices) is left out of the split: it could add at most that much, and such pools (a few wei
   * against a large reserve) have rates that only slow the optimiser down.
   */
  public static final double RELATIVE_DUST = 1e-10;

  /** Relative slack on thresholds, for the rounding of products of rates. */
  private static final double SLACK = 1e-9;

  private static final String[] NO_PATH = new String[CandidatePaths.MAX_HOPS + 1];

  static {
    for (int h = 0; h < NO_PATH.length; h++) {
      NO_PATH[h] = "no path of at most " + h + " pools";
    }
  }

  private final RoutingMarket market;
  private final TokenPairGraph graph;
  private final CandidatePaths paths;
  private final SplitOptimizer opt = new SplitOptimizer();
  private final PoolStateLog log = new PoolStateLog();
  private final SwapResult r = new SwapResult();
  private final RoutePlan scratch = new RoutePlan();
  private final int[] localOf;
  private int[] globalOf = new int[16];
  private int tokens;
  private final int[] edgeOfDir;
  private int[] edgeDir = new int[16];
  private final boolean[] poolBanned;
  private int[] bannedList = new int[16];
  private int bannedCount;
  private final double[] poolGas;
  private final boolean[] poolSeen;
  private final int[] poolList;
  private final double[] poolValue;
  private UInt256[] balance = holders(16);
  private final UInt256 amount = new UInt256();
  private final UInt256 tmp = new UInt256();
  private final UInt256 left = new UInt256();
  private final UInt256 input = new UInt256();
  private double gasPrice;
  private double rankGas;
  private boolean pruning = true;
  private int maxPaths = MAX_PATHS;
  private boolean truncated;
  private double lastLambda;
  private double seedInput;
  private double minEdgeValue;
  private final long minPoolGas;
  private double startInput;
  private int lastPathCount;
  private final int[] chosen = new int[CandidatePaths.MAX_HOPS];
  private int[] pathDirs = new int[LAST_RESORT_PATHS * CandidatePaths.MAX_HOPS];
  private double[] pathEstimate = new double[LAST_RESORT_PATHS];
  private int[] top = new int[LAST_RESORT_PATHS];
  private int singlePathLimit = SINGLE_PATHS_EXACT;
  private boolean exactChoice;
  private final int[] pairIntoBuy;
  private int[] shortFirst = new int[64];
  private int[] shortSecond = new int[64];
  private double[] shortBound = new double[64];

  /** A router over {@code market}; reads its pools' current state for the spot rates. */
  public SplitRouter(final RoutingMarket market) {
    this(new TokenPairGraph(market));
  }

  /** A router over a prepared graph (share one graph's construction cost across routers). */
  public SplitRouter(final TokenPairGraph graph) {
    this.market = graph.market();
    this.graph = graph;
    this.paths = new CandidatePaths(graph);
    this.localOf = new int[market.tokenCount()];
    Arrays.fill(localOf, -1);
    int dirs = 0;
    for (int q = 0; q < graph.pairCount(); q++) {
      dirs = Math.max(dirs, graph.endDirection(q));
    }
    this.edgeOfDir = new int[dirs];
    Arrays.fill(edgeOfDir, -1);
    this.poolBanned = new boolean[market.poolCount()];
    this.poolGas = new double[market.poolCount()];
    this.poolSeen = new boolean[market.poolCount()];
    this.poolList = new int[market.poolCount()];
    this.poolValue = new double[market.poolCount()];
    this.pairIntoBuy = new int[market.tokenCount()];
    Arrays.fill(pairIntoBuy, -1);
    long least = Long.MAX_VALUE;
    for (int p = 0; p < market.poolCount(); p++) {
      least = Math.min(least, market.gasUnits(p));
    }
    this.minPoolGas = market.poolCount() == 0 ? 0L : least;
  }

  private static UInt256[] holders(final int n) {
    final UInt256[] h = new UInt256[n];
    for (int i = 0; i < n; i++) {
      h[i] = new UInt256();
    }
    return h;
  }

  /**
   * Turns bound pruning on (the default) or off: off, every path with a positive bound is a
   * candidate, with no cap (slow; for tests that check the pruning).
   */
  public SplitRouter pruning(final boolean on) {
    pruning = on;
    return this;
  }

  /** Keeps at most this many candidate token paths (the best by spot bound) while pruning. */
  public SplitRouter maxPaths(final int limit) {
    maxPaths = Math.max(1, limit);
    return this;
  }

  /** Re-reads the pools' spot rates (after their curves were refreshed). */
  public void refresh() {
    graph.refresh();
    paths.invalidate();
  }

  /** The optimiser, for inspection after {@link #route}. */
  public SplitOptimizer optimizer() {
    return opt;
  }

  /** Whether the last route left out a path at or above its threshold because of the path cap. */
  public boolean lastRouteTruncated() {
    return truncated;
  }

  /** The optimum's marginal rate λ of the last route (buy units per sell unit), 0 if none. */
  public double lastLambda() {
    return lastLambda;
  }

  /** Candidate token paths of the last route. */
  public int lastPathCount() {
    return lastPathCount;
  }

  /**
   * Routes selling {@code amount} of {@code sell} for {@code buy} ({@code exactIn}) or buying
   * {@code amount} of {@code buy} with {@code sell}; {@code gasPriceWei} per gas unit (0 ignores
   * gas). Fills and returns {@code plan}; on failure {@code plan.error()} says why.
   *
   * <p>When the pruned search finds nothing, the search runs once more without pruning before
   * giving up: pruning starts from a seed path whose estimate can fail (an exact-output seed whose
   * {@code double} curve cannot reach the amount to 1e-12), and "no path" must mean none exists.
   * The retry costs only orders that fail.
   */
  public RoutePlan route(
      final int sell,
      final int buy,
      final boolean exactIn,
      final UInt256 amount,
      final int maxHops,
      final double gasPriceWei,
      final RoutePlan plan) {
    routeOnce(sell, buy, exactIn, amount, maxHops, gasPriceWei, plan);
    final int hops = Math.min(Math.max(maxHops, 1), CandidatePaths.MAX_HOPS);
    // Only "no path" is retried: a plan that found paths but not capacity would fail again.
    if (!plan.ok() && pruning && NO_PATH[hops].equals(plan.error())) {
      pruning = false;
      try {
        routeOnce(sell, buy, exactIn, amount, maxHops, gasPriceWei, plan);
      } finally {
        pruning = true;
      }
    }
    return plan;
  }

  private RoutePlan routeOnce(
      final int sell,
      final int buy,
      final boolean exactIn,
      final UInt256 amount,
      final int maxHops,
      final double gasPriceWei,
      final RoutePlan plan) {
    plan.clear();
    truncated = false;
    lastLambda = 0.0;
    lastPathCount = 0;
    if (sell == buy) {
      return plan.error("sell and buy token are the same");
    }
    if (amount.isZero()) {
      return plan.error("amount is zero");
    }
    final int hops = Math.min(Math.max(maxHops, 1), CandidatePaths.MAX_HOPS);
    final double buyPrice = market.referencePrice(buy);
    gasPrice = gasPriceWei > 0.0 && buyPrice > 0.0 ? gasPriceWei / buyPrice : 0.0;
    // Exact-output plans compare by input alone, so their single paths are chosen without gas.
    rankGas = exactIn ? gasPrice : 0.0;
    paths.bounds(buy, hops);
    if (!(bestBound(sell, buy, hops) > 0.0)) {
      return plan.error(NO_PATH[hops]);
    }
    final double a = amount.toDouble();
    final double orderValue = a * market.referencePrice(exactIn ? sell : buy);
    minEdgeValue = pruning && orderValue > 0.0 ? RELATIVE_DUST * orderValue : 0.0;
    double threshold = pruning ? seedRate(sell, buy, hops, exactIn, a) * (1.0 - SLACK) : 0.0;
    final int cap = pruning ? maxPaths : Integer.MAX_VALUE / 2;
    try {
      for (int round = 0; ; round++) {
        final int n =
            find(
                sell,
                buy,
                hops,
                threshold,
                cap,
                exactIn ? a : seedInput > 0.0 ? seedInput : startInput,
                pruning && round == 0 && (exactIn || seedInput > 0.0));
        if (n == 0) {
          return plan.error(NO_PATH[hops]);
        }
        threshold = pruning ? paths.threshold() : 0.0;
        buildEdges(sell, buy, n, threshold);
        final double inEstimate = exactIn ? a : solveExactOut(a);
        if (exactIn) {
          solveNetOfGas(a);
        }
        final double lambda = lastLambda;
        // Re-admission: a path left out whose bound exceeds the optimum's marginal rate could
        // improve it; lower the threshold to that rate and solve again.
        if (pruning
            && !truncated
            && round < 4
            && lambda > 0.0
            && lambda < threshold * (1.0 - SLACK)) {
          threshold = lambda * (1.0 - SLACK);
          clearEdges();
          continue;
        }
        lastPathCount = n;
        if (exactIn) {
          routeExactIn(amount, plan);
          singlePathExactIn(amount, n, plan);
          if (pruning && gasPrice > 0.0 && plan.ok()) {
            // A cheaper path (fewer or cheaper pools) can win net of gas with a lower rate: any
            // path that could beat the plan has A·bound > net + the least gas of one pool.
            final double cheap = (netOut(plan) + gasPrice * minPoolGas) / a;
            if (cheap < threshold || truncated || netOut(plan) <= 0.0) {
              clearEdges();
              final int m = find(sell, buy, hops, cheap, LAST_RESORT_PATHS, a, false);
              if (netOut(plan) <= 0.0) {
                // Gas outweighs the order: every path, exactly, each pool chosen net of gas.
                singlePathLimit = m;
                exactChoice = true;
              }
              try {
                singlePathExactIn(amount, m, plan);
              } finally {
                singlePathLimit = SINGLE_PATHS_EXACT;
                exactChoice = false;
              }
              break;
            }
          }
        } else {
          routeExactOut(amount, inEstimate, plan);
          singlePathExactOut(amount, n, inEstimate, plan);
        }
        clearEdges();
        break;
      }
      if (!plan.ok() && pruning) {
        lastResort(sell, buy, hops, exactIn, amount, plan);
      }
      if (exactIn) {
        shortPathsExactIn(sell, buy, hops, amount, plan);
      }
    } finally {
      clearBans();
    }
    return plan;
  }

  /**
   * When nothing among the candidates worked (amounts of a few wei, where integer rounding decides
   * and {@code double} estimates mislead): every path up to {@link #LAST_RESORT_PATHS}, each one
   * exactly, as single paths.
   */
  private void lastResort(
      final int sell,
      final int buy,
      final int hops,
      final boolean exactIn,
      final UInt256 amount,
      final RoutePlan plan) {
    final int n = find(sell, buy, hops, 0.0, LAST_RESORT_PATHS, amount.toDouble(), false);
    if (n == 0) {
      return;
    }
    plan.clear();
    plan.error("no path can take this amount");
    singlePathLimit = n;
    exactChoice = true;
    try {
      if (exactIn) {
        singlePathExactIn(amount, n, plan);
      } else {
        singlePathExactOut(amount, n, startInput, plan);
      }
    } finally {
      singlePathLimit = SINGLE_PATHS_EXACT;
      exactChoice = false;
    }
  }

  private int find(
      final int sell,
      final int buy,
      final int hops,
      final double threshold,
      final int cap,
      final double amount,
      final boolean raise) {
    int limit = Math.min(cap, pathEstimate.length);
    int n =
        paths.find(
            sell,
            buy,
            hops,
            Math.max(threshold, Double.MIN_NORMAL),
            limit,
            amount,
            raise,
            gasPrice);
    while (!pruning && paths.truncated() && limit < cap) {
      // Only the unpruned (test) mode grows these.
      pathEstimate = new double[pathEstimate.length * 2];
      pathDirs = new int[pathEstimate.length * CandidatePaths.MAX_HOPS];
      limit = Math.min(cap, pathEstimate.length);
      n =
          paths.find(
              sell,
              buy,
              hops,
              Math.max(threshold, Double.MIN_NORMAL),
              limit,
              amount,
              raise,
              gasPrice);
    }
    truncated |= paths.truncated();
    return n;
  }

  /**
   * An upper bound on the rate (buy base units per sell base unit) of any trade from {@code sell}
   * to {@code buy} over paths of at most {@code maxHops} pools, at any size, gas ignored: the best
   * product of spot rates along such a path (every pool curve is concave, so no amount earns more
   * than the marginal rate at zero). 0 when no path exists. Pools that can pay out no more than
   * {@link TokenPairGraph#DUST_WEI} in total are left out, as everywhere in routing. An order whose
   * limit rate is above this cannot be filled at any size, so a caller can skip routing it.
   * Allocates nothing; the bounds towards {@code buy} are cached until the next {@link #refresh}.
   */
  public double spotBound(final int sell, final int buy, final int maxHops) {
    if (sell == buy) {
      return 0.0;
    }
    final int hops = Math.min(Math.max(maxHops, 1), CandidatePaths.MAX_HOPS);
    paths.bounds(buy, hops);
    return bestBound(sell, buy, hops);
  }

  private double bestBound(final int sell, final int buy, final int hops) {
    double best = 0.0;
    for (int s = graph.outgoingStart(sell); s < graph.outgoingEnd(sell); s++) {
      final int q = graph.outgoingPair(s);
      final int t = graph.pairTo(q);
      final double b = graph.pairSpot(q) * (t == buy ? 1.0 : paths.suffix(t, hops - 1));
      best = Math.max(best, b);
    }
    return best;
  }

  /**
   * A lower bound on the optimum's marginal rate: the marginal rate, at the order's full size, of
   * one path (chosen greedily: at each hop the pair whose best pool output, valued at the rest's
   * bound, is highest); 0 if it cannot take the order. For exact output, {@link #seedInput} is the
   * input that path needs (0 when it cannot deliver).
   */
  private double seedRate(
      final int sell, final int buy, final int hops, final boolean exactIn, final double a) {
    seedInput = 0.0;
    int t = sell;
    int n = 0;
    startInput = exactIn ? a : startInput(sell, buy, hops, a);
    double x = startInput;
    while (t != buy) {
      if (n == hops) {
        return 0.0;
      }
      int bestPair = -1;
      double best = 0.0;
      double bestOut = 0.0;
      for (int s = graph.outgoingStart(t); s < graph.outgoingEnd(t); s++) {
        final int q = graph.outgoingPair(s);
        final int u = graph.pairTo(q);
        if (u == sell || onSeedPath(u, n)) {
          continue;
        }
        final double rest = value(u, buy, hops - n - 1);
        if (!(rest > 0.0)) {
          continue;
        }
        final double o = bestOutput(q, x);
        if (o * rest > best) {
          best = o * rest;
          bestOut = o;
          bestPair = q;
        }
      }
      if (bestPair < 0) {
        return 0.0;
      }
      chosen[n++] = bestPair;
      t = graph.pairTo(bestPair);
      x = bestOut;
    }
    if (exactIn) {
      return seedMarginal(n, a);
    }
    // Exact output: Newton from below on the concave path output for the input that buys `a`.
    // Newton on the concave path output; from above it lands below, then climbs monotonically.
    x = startInput;
    for (int it = 0; it < 40; it++) {
      final double out = seedOutput(n, x);
      if (out >= a * (1.0 - 1e-12) && out <= a * (1.0 + 1e-9)) {
        break;
      }
      final double m = seedMarginal(n, x);
      if (!(m > 0.0) || !Double.isFinite(x)) {
        return 0.0;
      }
      x = Math.max(x + (a - out) / m, 0.5 * x);
    }
    if (!(seedOutput(n, x) >= a * (1.0 - 1e-12))) {
      return 0.0;
    }
    seedInput = x;
    return seedMarginal(n, x);
  }

  /**
   * What a unit of {@code token} is worth in the buy token for choosing the seed path: the ratio of
   * reference prices where both exist (spot bounds are inflated by tiny pools with absurd rates),
   * else the spot bound; 0 when the buy token cannot be reached in {@code hops}.
   */
  private double value(final int token, final int buy, final int hops) {
    if (token == buy) {
      return 1.0;
    }
    final double bound = paths.suffix(token, hops);
    if (!(bound > 0.0)) {
      return 0.0;
    }
    final double pt = market.referencePrice(token);
    final double pb = market.referencePrice(buy);
    return pt > 0.0 && pb > 0.0 ? Math.min(pt / pb, bound) : bound;
  }

  /**
   * A rough input for buying {@code a}: by reference prices when both tokens have one, else by the
   * best spot bound (an underestimate).
   */
  private double startInput(final int sell, final int buy, final int hops, final double a) {
    final double ps = market.referencePrice(sell);
    final double pb = market.referencePrice(buy);
    if (ps > 0.0 && pb > 0.0) {
      return a * pb / ps;
    }
    return a / Math.max(bestBound(sell, buy, hops), Double.MIN_NORMAL);
  }

  private boolean onSeedPath(final int token, final int n) {
    for (int i = 0; i < n; i++) {
      if (graph.pairFrom(chosen[i]) == token) {
        return true;
      }
    }
    return false;
  }

  /** Output of the seed path (best pool per hop for the amount reaching it) for input {@code x}. */
  private double seedOutput(final int n, final double x) {
    double v = x;
    for (int i = 0; i < n; i++) {
      v = bestOutput(chosen[i], v);
    }
    return v;
  }

  private double seedMarginal(final int n, final double x) {
    double v = x;
    double rate = 1.0;
    for (int i = 0; i < n; i++) {
      final int q = chosen[i];
      int best = -1;
      double bestOut = -1.0;
      for (int d = graph.firstDirection(q); d < graph.endDirection(q); d++) {
        if (graph.directionSpot(d) > 0.0 && !poolBanned[graph.directionPool(d)]) {
          final double o = graph.directionCurve(d).output(v);
          if (o > bestOut) {
            bestOut = o;
            best = d;
          }
        }
      }
      if (best < 0 || !(bestOut > 0.0)) {
        return 0.0;
      }
      rate *= graph.directionCurve(best).marginal(v);
      v = bestOut;
    }
    return rate;
  }

  private double bestOutput(final int q, final double x) {
    double bestOut = 0.0;
    for (int d = graph.firstDirection(q); d < graph.endDirection(q); d++) {
      if (graph.directionSpot(d) > 0.0) {
        bestOut = Math.max(bestOut, graph.directionCurve(d).output(x));
      }
    }
    return bestOut;
  }

  private int local(final int token, final int count) {
    if (localOf[token] < 0) {
      if (count == globalOf.length) {
        globalOf = Arrays.copyOf(globalOf, count * 2);
      }
      localOf[token] = count;
      globalOf[count] = token;
      return count + 1;
    }
    return count;
  }

  /**
   * What a unit of hop {@code h}'s output is worth in the buy token along path {@code i}: the rest
   * of the path's spot product, capped by the reference-price ratio where both tokens have one
   * (spot products are inflated by tiny pools with absurd rates, and would let output outweigh gas
   * when choosing a pool).
   */
  private double restValue(final int i, final int h, final int hops) {
    final double spot = spotProduct(i, h + 1, hops);
    if (h + 1 == hops) {
      return spot;
    }
    final double pt = market.referencePrice(graph.pairTo(paths.pair(i, h)));
    final double pb = market.referencePrice(graph.pairTo(paths.pair(i, hops - 1)));
    return pt > 0.0 && pb > 0.0 ? Math.min(spot, pt / pb) : spot;
  }

  /** Product of the pair spots of path {@code i}'s hops {@code [from, to)}. */
  private double spotProduct(final int i, final int from, final int to) {
    double b = 1.0;
    for (int h = from; h < to; h++) {
      b *= graph.pairSpot(paths.pair(i, h));
    }
    return b;
  }

  private void buildEdges(final int sell, final int buy, final int n, final double threshold) {
    tokens = 0;
    tokens = local(sell, tokens);
    tokens = local(buy, tokens);
    for (int i = 0; i < n; i++) {
      for (int h = 0; h < paths.hops(i); h++) {
        tokens = local(graph.pairTo(paths.pair(i, h)), tokens);
      }
    }
    opt.reset(tokens);
    final double pb = market.referencePrice(buy);
    for (int t = 0; t < tokens; t++) {
      final double pt = market.referencePrice(globalOf[t]);
      if (t != 1 && pt > 0.0 && pb > 0.0) {
        opt.priceHint(t, pt / pb);
      }
    }
    for (int i = 0; i < n; i++) {
      final int hops = paths.hops(i);
      for (int h = 0; h < hops; h++) {
        final int q = paths.pair(i, h);
        // A pool direction joins when this path through it can still reach the threshold.
        final double around = spotProduct(i, 0, h) * spotProduct(i, h + 1, hops);
        for (int d = graph.firstDirection(q); d < graph.endDirection(q); d++) {
          final double spot = graph.directionSpot(d);
          final int p = graph.directionPool(d);
          if (edgeOfDir[d] >= 0
              || !(spot > 0.0)
              || around * spot < threshold
              || poolBanned[p]
              || graph.directionMaxValue(d) < minEdgeValue) {
            continue;
          }
          final int e =
              opt.addEdge(
                  localOf[graph.pairFrom(q)], localOf[graph.pairTo(q)], graph.directionCurve(d));
          edgeOfDir[d] = e;
          if (e == edgeDir.length) {
            edgeDir = Arrays.copyOf(edgeDir, e * 2);
          }
          edgeDir[e] = d;
          poolGas[p] = gasPrice * market.gasUnits(p);
        }
      }
    }
    if (balance.length < tokens) {
      final UInt256[] b = holders(tokens * 2);
      System.arraycopy(balance, 0, b, 0, balance.length);
      balance = b;
    }
  }

  private int edgePool(final int e) {
    return graph.directionPool(edgeDir[e]);
  }

  private int edgeIn(final int e) {
    return graph.directionIn(edgeDir[e]);
  }

  private int edgeOut(final int e) {
    return graph.directionOut(edgeDir[e]);
  }

  private void clearEdges() {
    for (int e = 0; e < opt.edgeCount(); e++) {
      edgeOfDir[edgeDir[e]] = -1;
    }
    for (int t = 0; t < tokens; t++) {
      localOf[globalOf[t]] = -1;
    }
    opt.reset(2);
  }

  private void ban(final int pool) {
    if (!poolBanned[pool]) {
      poolBanned[pool] = true;
      if (bannedCount == bannedList.length) {
        bannedList = Arrays.copyOf(bannedList, bannedCount * 2);
      }
      bannedList[bannedCount++] = pool;
    }
    setPoolEnabled(pool, false);
  }

  private void clearBans() {
    for (int i = 0; i < bannedCount; i++) {
      poolBanned[bannedList[i]] = false;
    }
    bannedCount = 0;
  }

  private void setPoolEnabled(final int pool, final boolean on) {
    for (int e = 0; e < opt.edgeCount(); e++) {
      if (edgePool(e) == pool) {
        opt.enable(e, on && !poolBanned[pool]);
      }
    }
  }

  /** Gas (buy-token units) of the pools the optimiser's best split uses. */
  private double splitGas() {
    double g = 0.0;
    for (int i = 0; i < opt.orderedEdgeCount(); i++) {
      final int p = edgePool(opt.orderedEdge(i));
      if (!poolSeen[p]) {
        poolSeen[p] = true;
        g += poolGas[p];
      }
    }
    for (int i = 0; i < opt.orderedEdgeCount(); i++) {
      poolSeen[edgePool(opt.orderedEdge(i))] = false;
    }
    return g;
  }

  /**
   * Solves, then drops pools that do not pay for their gas, one at a time, while net improves.
   * Records the gas-free optimum's marginal rate in {@link #lastLambda}.
   */
  private double solveNetOfGas(final double a) {
    double out = opt.solve(a);
    lastLambda = opt.price(0);
    if (gasPrice <= 0.0) {
      return out;
    }
    double net = out - splitGas();
    // First every pool whose output at the optimum is worth less than its gas, all at once: one
    // re-solve instead of one per pool (a small order over a hub's many pools drops most of them).
    if (opt.orderedEdgeCount() > 1) {
      int used = 0;
      for (int i = 0; i < opt.orderedEdgeCount(); i++) {
        final int e = opt.orderedEdge(i);
        final int p = edgePool(e);
        if (!poolSeen[p]) {
          poolSeen[p] = true;
          poolList[used++] = p;
          poolValue[p] = 0.0;
        }
        poolValue[p] += opt.flowOut(e) * opt.price(opt.to(e));
      }
      int losing = 0;
      for (int j = 0; j < used; j++) {
        final int p = poolList[j];
        poolSeen[p] = false;
        if (poolValue[p] < poolGas[p]) {
          poolList[losing++] = p;
        }
      }
      if (losing > 1 && losing < used) {
        for (int j = 0; j < losing; j++) {
          setPoolEnabled(poolList[j], false);
        }
        final double out2 = opt.resolve(a);
        final double net2 = out2 - splitGas();
        if (net2 > net && out2 > 0.0) {
          net = net2;
          out = out2;
        } else {
          for (int j = 0; j < losing; j++) {
            setPoolEnabled(poolList[j], true);
          }
          out = opt.resolve(a);
        }
      }
    }
    for (int round = 0; round < 16; round++) {
      // Try the pool carrying the least value first.
      int worst = -1;
      double worstValue = Double.POSITIVE_INFINITY;
      for (int i = 0; i < opt.orderedEdgeCount(); i++) {
        final int e = opt.orderedEdge(i);
        final double v = opt.flowOut(e) * opt.price(opt.to(e)) - poolGas[edgePool(e)];
        if (v < worstValue && !poolSeen[edgePool(e)]) {
          worstValue = v;
          worst = edgePool(e);
        }
      }
      if (worst < 0 || opt.orderedEdgeCount() <= 1) {
        break;
      }
      setPoolEnabled(worst, false);
      final double out2 = opt.resolve(a);
      final double net2 = out2 - splitGas();
      if (net2 > net && out2 > 0.0) {
        net = net2;
        out = out2;
      } else {
        setPoolEnabled(worst, true);
        poolSeen[worst] = true; // tried; kept
        out = opt.resolve(a);
        break;
      }
    }
    for (int e = 0; e < opt.edgeCount(); e++) {
      poolSeen[edgePool(e)] = false;
    }
    return out;
  }

  private void routeExactIn(final UInt256 amountIn, final RoutePlan plan) {
    final double a = amountIn.toDouble();
    for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
      if (attempt > 0) {
        solveNetOfGas(a);
      }
      if (!(opt.orderedEdgeCount() > 0)) {
        plan.error("no liquidity for this amount");
        return;
      }
      final int failed = finalise(amountIn, plan);
      if (failed < 0) {
        if (plan.amountOut.isZero()) {
          plan.clear();
          plan.error("no path can take this amount");
        } else {
          plan.split(true);
        }
        return;
      }
      ban(edgePool(failed));
    }
    plan.clear();
    plan.error("exact simulation failed on every split tried");
  }

  /**
   * Exact legs of the optimiser's best split for {@code amountIn}; returns -1, or the edge whose
   * exact swap failed. Pools are restored before returning.
   */
  private int finalise(final UInt256 amountIn, final RoutePlan plan) {
    plan.clear();
    for (int t = 0; t < tokens; t++) {
      balance[t].setZero();
    }
    balance[0].set(amountIn);
    int failed = -1;
    final int m = opt.orderedEdgeCount();
    int i = 0;
    while (i < m && failed < 0) {
      // The edges leaving one token are consecutive in execution order.
      final int t = opt.from(opt.orderedEdge(i));
      int j = i;
      double planned = 0.0;
      while (j < m && opt.from(opt.orderedEdge(j)) == t) {
        planned += opt.flow(opt.orderedEdge(j));
        j++;
      }
      final UInt256 avail = balance[t];
      final double availD = avail.toDouble();
      // The optimiser routes a token's whole balance unless capacity stops it; what differs by
      // rounding only is routed whole, so no dust is left behind.
      // The sell token is always routed whole (an exact-input order sells all of it); the edge
      // with the most spare capacity takes the remainder, and goes last.
      final double frac =
          t == 0 || planned >= availD * (1.0 - 1e-9) ? 1.0 : Math.min(planned / availD, 1.0);
      int last = j - 1;
      if (frac == 1.0) {
        double spare = Double.NEGATIVE_INFINITY;
        for (int k = i; k < j; k++) {
          final int e = opt.orderedEdge(k);
          if (deadEnd(e, m)) {
            continue;
          }
          final double sp = opt.capacity(e) - opt.flow(e);
          if (sp > spare) {
            spare = sp;
            last = k;
          }
        }
      }
      tmp.setZero();
      for (int step = i; step < j && failed < 0; step++) {
        final int k = step == j - 1 ? last : step >= last ? step + 1 : step;
        final int e = opt.orderedEdge(k);
        left.sub(avail, tmp);
        if (step == j - 1 && frac == 1.0) {
          amount.set(left);
        } else {
          amount.setDouble(Math.floor(availD * frac * opt.flow(e) / planned));
          // never take more than what is left
          if (amount.compareTo(left) > 0) {
            amount.set(left);
          }
        }
        if (amount.isZero() || (deadEnd(e, m) && !(step == j - 1 && frac == 1.0))) {
          continue;
        }
        final ExactPool pool = market.pool(edgePool(e));
        if (!pool.exactIn(edgeIn(e), edgeOut(e), amount, r) || !r.amountIn.eq(amount)) {
          failed = e;
          break;
        }
        tmp.add(tmp, amount);
        log.apply(pool, edgeIn(e), edgeOut(e), r);
        final int leg = plan.addLeg(edgePool(e), edgeIn(e), edgeOut(e));
        plan.legAmountIn(leg).set(r.amountIn);
        plan.legAmountOut(leg).set(r.amountOut);
        final UInt256 b = balance[opt.to(e)];
        b.add(b, r.amountOut);
      }
      avail.sub(avail, tmp);
      i = j;
    }
    log.undoAll();
    if (failed >= 0) {
      plan.clear();
      return failed;
    }
    plan.amountIn.sub(amountIn, balance[0]);
    plan.amountOut.set(balance[1]);
    plan.gasUnits(gasOfPlan(plan));
    return -1;
  }

  /**
   * Whether edge {@code e} leads to an intermediate token that no edge of the split leaves: what it
   * bought would be stranded in the settlement, so finalisation routes that share through the
   * token's other edges instead.
   */
  private boolean deadEnd(final int e, final int m) {
    final int to = opt.to(e);
    if (to <= 1) {
      return false;
    }
    for (int k = 0; k < m; k++) {
      if (opt.from(opt.orderedEdge(k)) == to) {
        return false;
      }
    }
    return true;
  }

  private long gasOfPlan(final RoutePlan plan) {
    long g = 0;
    for (int i = 0; i < plan.legCount(); i++) {
      final int p = plan.legPool(i);
      if (!poolSeen[p]) {
        poolSeen[p] = true;
        g += market.gasUnits(p);
      }
    }
    for (int i = 0; i < plan.legCount(); i++) {
      poolSeen[plan.legPool(i)] = false;
    }
    return g;
  }

  private double netOut(final RoutePlan plan) {
    return plan.amountOut.toDouble() - gasPrice * plan.gasUnits();
  }

  /**
   * For every candidate path, the pool per hop that maximises the {@code double} output for input
   * {@code x} valued at the rest of the path's spot rates, net of its gas; keeps the estimate in
   * {@link #pathEstimate} and the choice in {@link #pathDirs}; returns the number of paths ranked
   * into {@link #top} (the best {@link #SINGLE_PATHS_EXACT} by estimate, best first).
   */
  private int rankSinglePaths(final int n, final double x) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      final int hops = paths.hops(i);
      double v = x;
      double gas = 0.0;
      boolean ok = true;
      for (int h = 0; h < hops && ok; h++) {
        final int q = paths.pair(i, h);
        final double rest = restValue(i, h, hops);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestOut = 0.0;
        for (int d = graph.firstDirection(q); d < graph.endDirection(q); d++) {
          final int p = graph.directionPool(d);
          if (!graph.directionUsable(d) || poolBanned[p]) {
            continue;
          }
          final double o = graph.directionCurve(d).output(v);
          final double score = o * rest - rankGas * market.gasUnits(p);
          if ((o > 0.0 || exactChoice) && score > bestScore) {
            bestScore = score;
            best = d;
            bestOut = o;
          }
        }
        if (best < 0) {
          ok = false;
        } else {
          pathDirs[i * CandidatePaths.MAX_HOPS + h] = best;
          gas += rankGas * market.gasUnits(graph.directionPool(best));
          v = bestOut;
        }
      }
      if (!ok) {
        continue;
      }
      pathEstimate[i] = v - gas;
      // Insert into the top list (small and bounded: insertion).
      int j = Math.min(k, singlePathLimit - 1);
      if (k == singlePathLimit && pathEstimate[top[j]] >= pathEstimate[i]) {
        continue;
      }
      while (j > 0 && pathEstimate[top[j - 1]] < pathEstimate[i]) {
        top[j] = top[j - 1];
        j--;
      }
      top[j] = i;
      if (k < singlePathLimit) {
        k++;
      }
    }
    return k;
  }

  /** Re-chooses hop {@code h}'s pool of path {@code i} by exact output for input {@code x}. */
  private void chooseExactly(final int i, final int h, final UInt256 x) {
    final int q = paths.pair(i, h);
    double best = Double.NEGATIVE_INFINITY;
    final double rest = restValue(i, h, paths.hops(i));
    for (int d = graph.firstDirection(q); d < graph.endDirection(q); d++) {
      final int p = graph.directionPool(d);
      if (poolBanned[p]
          || !graph.directionUsable(d)
          || !market.pool(p).exactIn(graph.directionIn(d), graph.directionOut(d), x, r)
          || !r.amountIn.eq(x)
          || r.amountOut.isZero()) {
        continue;
      }
      final double v = r.amountOut.toDouble() * rest - rankGas * market.gasUnits(p);
      if (v > best) {
        best = v;
        pathDirs[i * CandidatePaths.MAX_HOPS + h] = d;
      }
    }
  }

  private boolean usedLater(final int i, final int h, final int pool) {
    for (int g = h + 1; g < paths.hops(i); g++) {
      if (graph.directionPool(pathDirs[i * CandidatePaths.MAX_HOPS + g]) == pool) {
        return true;
      }
    }
    return false;
  }

  /**
   * The guarantee that a plan is never worse, net of gas, than any single path of one or two pools:
   * every such path between the pair is enumerated (the pairs into the buy token are indexed once),
   * its output estimated with the {@code double} curves, and the paths are then computed exactly,
   * in decreasing order of estimate, for as long as a path's estimate (with a relative slack far
   * above the curves' rounding) could still beat the best plan found. A path left unevaluated
   * therefore cannot beat the plan returned. Cheap: the estimates are two curve evaluations per
   * path, and the exact swaps are usually one or two.
   */
  private void shortPathsExactIn(
      final int sell, final int buy, final int hops, final UInt256 amountIn, final RoutePlan plan) {
    final double a = amountIn.toDouble();
    int n = 0;
    if (hops >= 2) {
      for (int s = graph.incomingStart(buy); s < graph.incomingEnd(buy); s++) {
        final int q = graph.incomingPair(s);
        pairIntoBuy[graph.pairFrom(q)] = q;
      }
    }
    for (int s = graph.outgoingStart(sell); s < graph.outgoingEnd(sell); s++) {
      final int q1 = graph.outgoingPair(s);
      final int t = graph.pairTo(q1);
      final int q2 = t == buy ? -1 : hops >= 2 ? pairIntoBuy[t] : -1;
      if (t != buy && q2 < 0) {
        continue;
      }
      for (int d1 = graph.firstDirection(q1); d1 < graph.endDirection(q1); d1++) {
        final int p1 = graph.directionPool(d1);
        if (poolBanned[p1]) {
          continue;
        }
        final double o1 = graph.directionCurve(d1).output(a);
        final double g1 = gasPrice * market.gasUnits(p1);
        if (t == buy) {
          n = addShort(n, d1, -1, o1, g1);
          continue;
        }
        for (int d2 = graph.firstDirection(q2); d2 < graph.endDirection(q2); d2++) {
          final int p2 = graph.directionPool(d2);
          if (p2 == p1 || poolBanned[p2]) {
            continue;
          }
          final double o2 = o1 > 0.0 ? graph.directionCurve(d2).output(o1) : 0.0;
          n = addShort(n, d1, d2, o2, g1 + gasPrice * market.gasUnits(p2));
        }
      }
    }
    if (hops >= 2) {
      for (int s = graph.incomingStart(buy); s < graph.incomingEnd(buy); s++) {
        pairIntoBuy[graph.pairFrom(graph.incomingPair(s))] = -1;
      }
    }
    double best = plan.ok() ? netOut(plan) : Double.NEGATIVE_INFINITY;
    while (n > 0) {
      int k = 0;
      for (int i = 1; i < n; i++) {
        if (shortBound[i] > shortBound[k]) {
          k = i;
        }
      }
      if (!(shortBound[k] > best)) {
        break;
      }
      final int d1 = shortFirst[k];
      final int d2 = shortSecond[k];
      n--;
      shortFirst[k] = shortFirst[n];
      shortSecond[k] = shortSecond[n];
      shortBound[k] = shortBound[n];
      scratch.clear();
      if (!exactLeg(d1, amountIn) || (d2 >= 0 && !exactLeg(d2, r.amountOut))) {
        continue;
      }
      scratch.amountIn.set(amountIn);
      scratch.amountOut.set(r.amountOut);
      scratch.gasUnits(gasOfPlan(scratch));
      final double net = netOut(scratch);
      if (net > best) {
        best = net;
        plan.copyFrom(scratch);
        plan.split(false);
      }
    }
  }

  /**
   * Swaps {@code x} exactly through direction {@code d} into {@link #scratch}; false if it fails.
   */
  private boolean exactLeg(final int d, final UInt256 x) {
    amount.set(x);
    final int in = graph.directionIn(d);
    final int out = graph.directionOut(d);
    final int p = graph.directionPool(d);
    if (!market.pool(p).exactIn(in, out, amount, r)
        || !r.amountIn.eq(amount)
        || r.amountOut.isZero()) {
      return false;
    }
    final int leg = scratch.addLeg(p, in, out);
    scratch.legAmountIn(leg).set(r.amountIn);
    scratch.legAmountOut(leg).set(r.amountOut);
    return true;
  }

  /**
   * Records a short path with an upper bound on its exact net output: the estimate with a slack
   * (relative 1e-6, plus a few units) that covers the {@code double} curves' error against the
   * integer math.
   */
  private int addShort(
      final int n, final int d1, final int d2, final double estimate, final double gas) {
    if (n == shortBound.length) {
      shortFirst = Arrays.copyOf(shortFirst, n * 2);
      shortSecond = Arrays.copyOf(shortSecond, n * 2);
      shortBound = Arrays.copyOf(shortBound, n * 2);
    }
    shortFirst[n] = d1;
    shortSecond[n] = d2;
    final double e = Double.isFinite(estimate) && estimate > 0.0 ? estimate : 0.0;
    shortBound[n] = e * (1.0 + 1e-6) + 4.0 - gas;
    return n + 1;
  }

  private void singlePathExactIn(final UInt256 amountIn, final int n, final RoutePlan plan) {
    double best = plan.ok() ? netOut(plan) : Double.NEGATIVE_INFINITY;
    if (!plan.ok()) {
      plan.clear();
      plan.error("no path can take this amount");
    }
    final int k = rankSinglePaths(n, amountIn.toDouble());
    for (int j = 0; j < k; j++) {
      final int i = top[j];
      scratch.clear();
      amount.set(amountIn);
      boolean ok = true;
      final int hops = paths.hops(i);
      for (int h = 0; h < hops && ok; h++) {
        if (exactChoice) {
          chooseExactly(i, h, amount);
        }
        final int d = pathDirs[i * CandidatePaths.MAX_HOPS + h];
        final int p = graph.directionPool(d);
        final int in = graph.directionIn(d);
        final int out = graph.directionOut(d);
        final ExactPool pool = market.pool(p);
        ok = pool.exactIn(in, out, amount, r) && r.amountIn.eq(amount);
        if (ok) {
          final int leg = scratch.addLeg(p, in, out);
          scratch.legAmountIn(leg).set(r.amountIn);
          scratch.legAmountOut(leg).set(r.amountOut);
          amount.set(r.amountOut);
          ok = !amount.isZero();
          if (ok && usedLater(i, h, p)) {
            // A pool used twice on one path (multi-token pools) sees its own earlier trade.
            log.apply(pool, in, out, r);
          }
        }
      }
      log.undoAll();
      if (!ok) {
        continue;
      }
      scratch.amountIn.set(amountIn);
      scratch.amountOut.set(amount);
      scratch.gasUnits(gasOfPlan(scratch));
      final double net = netOut(scratch);
      if (net > best) {
        best = net;
        plan.copyFrom(scratch);
        plan.split(false);
      }
    }
  }

  /**
   * The input for which the split delivers {@code target}: a safeguarded Newton's method on the
   * concave optimum {@code out(A)}, whose derivative is the sell token's dual price, inside a
   * bracket that starts at the seed path's input (enough on its own). Returns the input, or 0 when
   * the liquidity cannot deliver the target.
   */
  private double solveExactOut(final double target) {
    double lo = 0.0;
    double hi = 0.0;
    double a = seedInput > 0.0 ? seedInput : startInput;
    double out = opt.solve(a);
    double lambda = opt.price(0);
    // Grow until the target is reached.
    for (int grow = 0; out < target; grow++) {
      if (grow == 200 || !Double.isFinite(a)) {
        return 0.0;
      }
      lo = a;
      final double prev = out;
      a *= 4.0;
      out = opt.solve(a);
      lambda = opt.price(0);
      if (!(out > prev * (1.0 + 1e-12)) && grow > 8) {
        return 0.0;
      }
    }
    hi = a;
    double best = a;
    for (int it = 0; it < 60; it++) {
      if (out >= target) {
        hi = a;
        best = a;
        if (out <= target * (1.0 + 1e-12)) {
          break;
        }
      } else {
        lo = a;
        if (out >= target * (1.0 - 1e-13)) {
          best = a;
          break;
        }
      }
      if (hi - lo <= 1e-13 * hi) {
        break;
      }
      double next = lambda > 0.0 ? a + (target - out) / lambda : 0.5 * (lo + hi);
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi);
      }
      a = next;
      out = opt.solve(a);
      lambda = opt.price(0);
    }
    lastLambda = lambda;
    return best;
  }

  private void routeExactOut(final UInt256 amountOut, final double estimate, final RoutePlan plan) {
    if (!(estimate > 0.0)) {
      plan.error("not enough liquidity for this amount");
      return;
    }
    final double target = amountOut.toDouble();
    input.setDouble(Math.ceil(estimate));
    for (int attempt = 0; attempt < 40; attempt++) {
      opt.solve(input.toDouble());
      final int failed = finalise(input, plan);
      if (failed >= 0) {
        ban(edgePool(failed));
        continue;
      }
      if (plan.amountOut.compareTo(amountOut) >= 0) {
        plan.split(true);
        return;
      }
      // Short by a few wei of rounding: raise the input in proportion, at least by one.
      final double shortBy = target - plan.amountOut.toDouble();
      final double extra = Math.max(1.0, Math.ceil(input.toDouble() * (shortBy / target) * 1.0001));
      tmp.setDouble(extra);
      input.add(input, tmp);
    }
    plan.clear();
    plan.error("could not reach the exact output");
  }

  private void singlePathExactOut(
      final UInt256 amountOut, final int n, final double estimate, final RoutePlan plan) {
    double best = plan.ok() ? plan.amountIn.toDouble() : Double.POSITIVE_INFINITY;
    if (!plan.ok()) {
      plan.clear();
    }
    // Pools chosen forward at about the input a single path needs.
    final double x = seedInput > 0.0 ? seedInput : estimate > 0.0 ? estimate : startInput;
    final int k = rankSinglePaths(n, x);
    for (int j = 0; j < k; j++) {
      final int i = top[j];
      scratch.clear();
      amount.set(amountOut);
      boolean ok = true;
      final int hops = paths.hops(i);
      for (int h = hops - 1; h >= 0 && ok; h--) {
        final int d = pathDirs[i * CandidatePaths.MAX_HOPS + h];
        ok =
            market
                    .pool(graph.directionPool(d))
                    .exactOut(graph.directionIn(d), graph.directionOut(d), amount, r)
                && r.amountOut.eq(amount);
        if (ok) {
          amount.set(r.amountIn);
        }
      }
      if (!ok) {
        continue;
      }
      // Forward exact-in from the found input reproduces (at least) the output; record that.
      scratch.amountIn.set(amount);
      for (int h = 0; h < hops && ok; h++) {
        final int d = pathDirs[i * CandidatePaths.MAX_HOPS + h];
        final int p = graph.directionPool(d);
        final ExactPool pool = market.pool(p);
        ok =
            pool.exactIn(graph.directionIn(d), graph.directionOut(d), amount, r)
                && r.amountIn.eq(amount);
        if (ok) {
          final int leg = scratch.addLeg(p, graph.directionIn(d), graph.directionOut(d));
          scratch.legAmountIn(leg).set(r.amountIn);
          scratch.legAmountOut(leg).set(r.amountOut);
          amount.set(r.amountOut);
          if (usedLater(i, h, p)) {
            log.apply(pool, graph.directionIn(d), graph.directionOut(d), r);
          }
        }
      }
      log.undoAll();
      if (!ok || amount.compareTo(amountOut) < 0) {
        continue;
      }
      scratch.amountOut.set(amount);
      scratch.gasUnits(gasOfPlan(scratch));
      final double in = scratch.amountIn.toDouble();
      if (in < best) {
        best = in;
        plan.copyFrom(scratch);
        plan.split(false);
      }
    }
    if (best == Double.POSITIVE_INFINITY) {
      plan.clear();
      plan.error("no path can deliver this amount");
    }
  }
}
