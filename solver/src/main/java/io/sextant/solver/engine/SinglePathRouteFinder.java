package io.sextant.solver.engine;

import io.sextant.routing.graph.RoutingMarket;
import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.split.SplitRouter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The baseline: every path of at most {@code maxHops} pools (no token twice) evaluated exactly, the
 * best one taken whole: sell orders the largest output net of gas, buy orders the smallest input
 * that delivers the amount (gas valued in the sell token). No splitting. Gas is valued through
 * reference prices at the auction's gas price, as the split router does, so the two differ only in
 * splitting. Exhaustive, hence slow on hub tokens at three hops; meant for comparison, not serving.
 */
public final class SinglePathRouteFinder implements RouteFinder {
  private final RoutingMarket market;
  private final int maxHops;
  private final double gasPriceWei;
  private final int[][] poolsOfToken;
  private final SwapResult r = new SwapResult();
  private final int[] pathPool;
  private final int[] pathIn;
  private final int[] pathOut;
  private final boolean[] visited;
  private double bestScore;
  private int bestHops;
  private final int[] bestPool;
  private final int[] bestIn;
  private final int[] bestOut;
  private final SplitRouter bounds;

  /** A finder over {@code market}. */
  public SinglePathRouteFinder(
      final RoutingMarket market, final int maxHops, final double gasPriceWei) {
    this.market = market;
    this.maxHops = maxHops;
    this.gasPriceWei = gasPriceWei;
    final List<List<Integer>> lists = new ArrayList<>();
    for (int t = 0; t < market.tokenCount(); t++) {
      lists.add(new ArrayList<>());
    }
    for (int p = 0; p < market.poolCount(); p++) {
      for (int t : market.poolTokens(p)) {
        if (t >= 0) {
          lists.get(t).add(p);
        }
      }
    }
    poolsOfToken = new int[lists.size()][];
    for (int t = 0; t < lists.size(); t++) {
      poolsOfToken[t] = lists.get(t).stream().mapToInt(Integer::intValue).toArray();
    }
    pathPool = new int[maxHops];
    pathIn = new int[maxHops];
    pathOut = new int[maxHops];
    bestPool = new int[maxHops];
    bestIn = new int[maxHops];
    bestOut = new int[maxHops];
    visited = new boolean[market.tokenCount()];
    bounds = new SplitRouter(market);
  }

  /** The split router's spot bound, so that the baseline screens orders exactly as the engine. */
  @Override
  public double rateBound(final int sell, final int buy) {
    return bounds.spotBound(sell, buy, maxHops);
  }

  @Override
  public Route route(
      final int sell, final int buy, final boolean exactIn, final BigInteger amount) {
    if (!best(sell, buy, exactIn, amount, gasValue(exactIn ? buy : sell))) {
      return null;
    }
    return exact(exactIn, amount);
  }

  @Override
  public Probe probe(final int sell, final int buy, final BigInteger amountIn) {
    return best(sell, buy, true, amountIn, 0.0)
        ? new Probe(amountIn.doubleValue(), bestScore, Double.NaN)
        : null;
  }

  /** Searches every path for the best one, scored net of {@code gasValue} per gas unit. */
  private boolean best(
      final int sell,
      final int buy,
      final boolean exactIn,
      final BigInteger amount,
      final double gasValue) {
    if (sell == buy || amount.signum() <= 0 || amount.bitLength() > 256) {
      return false;
    }
    bestScore = exactIn ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    bestHops = 0;
    Arrays.fill(visited, false);
    visited[sell] = true;
    search(sell, buy, exactIn, UInt256.of(amount), 0, gasValue);
    return bestHops > 0;
  }

  private double gasValue(final int token) {
    final double price = market.referencePrice(token);
    return gasPriceWei > 0.0 && price > 0.0 ? gasPriceWei / price : 0.0;
  }

  private void search(
      final int at,
      final int buy,
      final boolean exactIn,
      final UInt256 amount,
      final int depth,
      final double gasValue) {
    if (depth == maxHops) {
      return;
    }
    for (int p : poolsOfToken[at]) {
      final int[] toks = market.poolTokens(p);
      final int i = indexOf(toks, at);
      for (int j = 0; j < toks.length; j++) {
        final int next = toks[j];
        if (j == i || next < 0 || visited[next] || market.curve(p, i, j) == null) {
          continue;
        }
        if (depth + 1 < maxHops && next != buy) {
          pathPool[depth] = p;
          pathIn[depth] = i;
          pathOut[depth] = j;
          visited[next] = true;
          search(next, buy, exactIn, amount, depth + 1, gasValue);
          visited[next] = false;
        } else if (next == buy) {
          pathPool[depth] = p;
          pathIn[depth] = i;
          pathOut[depth] = j;
          evaluate(depth + 1, exactIn, amount, gasValue);
        }
      }
    }
  }

  private void evaluate(
      final int hops, final boolean exactIn, final UInt256 amount, final double gasValue) {
    final BigInteger v = simulate(hops, exactIn, amount, pathPool, pathIn, pathOut);
    if (v == null) {
      return;
    }
    long gas = 0;
    for (int h = 0; h < hops; h++) {
      gas += market.gasUnits(pathPool[h]);
    }
    final double score =
        exactIn ? v.doubleValue() - gasValue * gas : v.doubleValue() + gasValue * gas;
    if (exactIn ? score > bestScore : score < bestScore) {
      bestScore = score;
      bestHops = hops;
      System.arraycopy(pathPool, 0, bestPool, 0, hops);
      System.arraycopy(pathIn, 0, bestIn, 0, hops);
      System.arraycopy(pathOut, 0, bestOut, 0, hops);
    }
  }

  /**
   * Exact output (exact in) or input (exact out) of a path; {@code null} if a swap fails. Paths
   * here never repeat a pool, so quoting hop by hop without applying is exact.
   */
  private BigInteger simulate(
      final int hops,
      final boolean exactIn,
      final UInt256 amount,
      final int[] pool,
      final int[] in,
      final int[] out) {
    final UInt256 x = new UInt256().set(amount);
    if (exactIn) {
      for (int h = 0; h < hops; h++) {
        final ExactPool p = market.pool(pool[h]);
        if (!p.exactIn(in[h], out[h], x, r) || !r.amountIn.eq(x) || r.amountOut.isZero()) {
          return null;
        }
        x.set(r.amountOut);
      }
    } else {
      for (int h = hops - 1; h >= 0; h--) {
        final ExactPool p = market.pool(pool[h]);
        if (!p.exactOut(in[h], out[h], x, r) || !r.amountOut.eq(x)) {
          return null;
        }
        x.set(r.amountIn);
      }
    }
    return x.toBigInteger();
  }

  /** The best path as a route, re-traversed forward exactly (exact out: from the input found). */
  private Route exact(final boolean exactIn, final BigInteger amount) {
    BigInteger x =
        exactIn ? amount : simulate(bestHops, false, UInt256.of(amount), bestPool, bestIn, bestOut);
    final BigInteger input = x;
    final List<Route.Leg> legs = new ArrayList<>(bestHops);
    long gas = 0;
    for (int h = 0; h < bestHops; h++) {
      final ExactPool p = market.pool(bestPool[h]);
      if (!p.exactIn(bestIn[h], bestOut[h], UInt256.of(x), r) || r.amountOut.isZero()) {
        return null;
      }
      final int[] toks = market.poolTokens(bestPool[h]);
      legs.add(
          new Route.Leg(
              bestPool[h], toks[bestIn[h]], toks[bestOut[h]], x, r.amountOut.toBigInteger()));
      x = r.amountOut.toBigInteger();
      gas += market.gasUnits(bestPool[h]);
    }
    if (!exactIn && x.compareTo(amount) < 0) {
      return null;
    }
    return new Route(input, x, gas, List.copyOf(legs));
  }

  private static int indexOf(final int[] a, final int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }
}
