package io.sextant.solver.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.feeds.cow.CowMarket;
import io.sextant.feeds.cow.CowOrder;
import io.sextant.routing.finalise.PoolStateLog;
import io.sextant.routing.finalise.RoutePlan;
import io.sextant.routing.graph.RoutingMarket;
import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.split.SplitRouter;
import java.io.InputStream;
import java.math.BigInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The split router on every order of the embedded mainnet auction 7400693. */
class SplitRouterAuctionTest {
  /** Orders checked, in auction order: all 844 unless {@code -Dsextant.route.orders=N}. */
  static final int ORDERS = Integer.getInteger("sextant.route.orders", 844);

  static CowAuction auction;
  static CowMarket market;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in =
        SplitRouterAuctionTest.class.getResourceAsStream(
            "/io/sextant/solver/data/mainnet-auction-7400693.json")) {
      auction = new CowAuctionParser().parse(in);
    }
    market = CowMarket.of(auction);
  }

  /**
   * Exhaustive best single path of at most two pools, exact, computed here independently of the
   * router: sell orders maximise output, buy orders minimise input; gas valued as the router does.
   * A path that delivers nothing is no route (it would otherwise win net of gas on a 1-wei order).
   */
  static BigInteger bestSinglePath(
      final RoutingMarket m,
      final int sell,
      final int buy,
      final boolean exactIn,
      final UInt256 amount,
      final double gasPerUnit,
      final double[] bestNet) {
    final SwapResult r = new SwapResult();
    BigInteger best = null;
    double bestScore = exactIn ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    for (final int p : poolsOf(m, sell)) {
      final int[] tp = m.poolTokens(p);
      final int i = indexOf(tp, sell);
      for (int j = 0; j < tp.length; j++) {
        if (j == i || tp[j] < 0 || m.curve(p, i, j) == null) {
          continue;
        }
        if (tp[j] == buy) {
          final BigInteger v = one(m.pool(p), i, j, exactIn, amount, r);
          if (v != null && (v.signum() > 0 || !exactIn)) {
            final double score = score(v, exactIn, gasPerUnit * m.gasUnits(p));
            if (exactIn ? score > bestScore : score < bestScore) {
              bestScore = score;
              best = v;
            }
          }
          continue;
        }
        for (final int q : poolsOf(m, tp[j])) {
          if (q == p) {
            continue;
          }
          final int[] tq = m.poolTokens(q);
          final int a = indexOf(tq, tp[j]);
          final int b = indexOf(tq, buy);
          if (a < 0 || b < 0 || m.curve(q, a, b) == null) {
            continue;
          }
          final BigInteger v;
          if (exactIn) {
            final BigInteger mid = one(m.pool(p), i, j, true, amount, r);
            v =
                mid == null || mid.signum() == 0
                    ? null
                    : one(m.pool(q), a, b, true, UInt256.of(mid), r);
          } else {
            final BigInteger mid = one(m.pool(q), a, b, false, amount, r);
            v = mid == null ? null : one(m.pool(p), i, j, false, UInt256.of(mid), r);
          }
          if (v != null && (v.signum() > 0 || !exactIn)) {
            final double score = score(v, exactIn, gasPerUnit * (m.gasUnits(p) + m.gasUnits(q)));
            if (exactIn ? score > bestScore : score < bestScore) {
              bestScore = score;
              best = v;
            }
          }
        }
      }
    }
    bestNet[0] = bestScore;
    return best;
  }

  private static int[][] byToken;

  /** Pools trading {@code token}, indexed once per market (the oracle's only shortcut). */
  private static int[] poolsOf(final RoutingMarket m, final int token) {
    if (byToken == null) {
      final java.util.List<java.util.List<Integer>> lists = new java.util.ArrayList<>();
      for (int t = 0; t < m.tokenCount(); t++) {
        lists.add(new java.util.ArrayList<>());
      }
      for (int p = 0; p < m.poolCount(); p++) {
        for (final int t : m.poolTokens(p)) {
          if (t >= 0) {
            lists.get(t).add(p);
          }
        }
      }
      byToken = new int[m.tokenCount()][];
      for (int t = 0; t < byToken.length; t++) {
        byToken[t] = lists.get(t).stream().mapToInt(Integer::intValue).toArray();
      }
    }
    return byToken[token];
  }

  private static double score(final BigInteger v, final boolean exactIn, final double gas) {
    return exactIn ? v.doubleValue() - gas : v.doubleValue();
  }

  private static BigInteger one(
      final ExactPool pool,
      final int i,
      final int j,
      final boolean exactIn,
      final UInt256 amount,
      final SwapResult r) {
    final boolean ok = exactIn ? pool.exactIn(i, j, amount, r) : pool.exactOut(i, j, amount, r);
    if (!ok || !(exactIn ? r.amountIn : r.amountOut).eq(amount)) {
      return null;
    }
    return (exactIn ? r.amountOut : r.amountIn).toBigInteger();
  }

  private static int indexOf(final int[] a, final int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  /** Re-simulates the legs in order on the pools; asserts every amount to the wei; restores. */
  static void assertExact(
      final RoutingMarket m, final RoutePlan plan, final int sell, final int buy) {
    final SwapResult r = new SwapResult();
    final PoolStateLog log = new PoolStateLog();
    BigInteger sold = BigInteger.ZERO;
    BigInteger bought = BigInteger.ZERO;
    try {
      for (int i = 0; i < plan.legCount(); i++) {
        final ExactPool pool = m.pool(plan.legPool(i));
        assertTrue(pool.exactIn(plan.legTokenIn(i), plan.legTokenOut(i), plan.legAmountIn(i), r));
        assertEquals(plan.legAmountIn(i), r.amountIn, "leg " + i + " in");
        assertEquals(plan.legAmountOut(i), r.amountOut, "leg " + i + " out");
        log.apply(pool, plan.legTokenIn(i), plan.legTokenOut(i), r);
        final int[] t = m.poolTokens(plan.legPool(i));
        if (t[plan.legTokenIn(i)] == sell) {
          sold = sold.add(r.amountIn.toBigInteger());
        }
        if (t[plan.legTokenOut(i)] == buy) {
          bought = bought.add(r.amountOut.toBigInteger());
        }
      }
    } finally {
      log.undoAll();
    }
    assertEquals(plan.amountIn.toBigInteger(), sold, "total in");
    assertEquals(plan.amountOut.toBigInteger(), bought, "total out");
  }

  @Test
  void shouldBeExactAndNeverWorseThanTheBestShortSinglePathOnEveryOrderWithoutGas() {
    check(0.0);
  }

  @Test
  void shouldBeExactAndNeverWorseThanTheBestShortSinglePathOnEveryOrderAtTheAuctionGasPrice() {
    check(auction.effectiveGasPrice().doubleValue());
  }

  private static void check(final double gasPrice) {
    final RoutingMarket m = market.market();
    final SplitRouter router = new SplitRouter(m);
    final RoutePlan plan = new RoutePlan();
    int routed = 0;
    int strictlyBetter = 0;
    int compared = 0;
    int unpaid = 0;
    final double[] net = new double[1];
    for (final double gp : new double[] {gasPrice}) {
      for (CowOrder o : auction.orders().subList(0, ORDERS)) {
        final boolean sell = o.kind() == CowOrder.Kind.SELL;
        final UInt256 amt = UInt256.of(sell ? o.sellAmount() : o.buyAmount());
        final int s = market.token(o.sellToken());
        final int b = market.token(o.buyToken());
        router.route(s, b, sell, amt, 3, gp, plan);
        final double pb = m.referencePrice(b);
        final double gasPerUnit = gp > 0 && pb > 0 ? gp / pb : 0.0;
        final BigInteger single = bestSinglePath(m, s, b, sell, amt, gasPerUnit, net);
        if (!plan.ok()) {
          assertEquals(
              null,
              single,
              "router failed where a single path works: " + o.uid() + ": " + plan.error());
          continue;
        }
        routed++;
        assertExact(m, plan, s, b);
        if (!sell) {
          assertTrue(plan.amountOut.compareTo(amt) >= 0, "buy order short: " + o.uid());
        } else {
          assertEquals(amt, plan.amountIn, "sell order partially sold: " + o.uid());
        }
        if (single == null) {
          continue;
        }
        if (sell && gp > 0 && net[0] <= 0.0) {
          // Not even the best single path pays for its gas: no solver would settle the order, and
          // which loss is smallest is not a routing question.
          unpaid++;
          continue;
        }
        compared++;
        final double mine =
            sell
                ? plan.amountOut.toDouble() - gasPerUnit * plan.gasUnits()
                : plan.amountIn.toDouble();
        final double slack = Math.abs(net[0]) * 1e-12;
        assertTrue(
            sell ? mine >= net[0] - slack : mine <= net[0] + slack,
            o.uid() + " gas " + gp + ": " + mine + " vs single " + net[0]);
        if (sell ? mine > net[0] + slack : mine < net[0] - slack) {
          strictlyBetter++;
        }
      }
    }
    System.out.printf(
        "auction: %d routed (of %d orders), %d compared with the best <=2-pool single path, %d"
            + " strictly better, %d sell orders whose best single path does not pay its gas%n",
        routed, ORDERS, compared, strictlyBetter, unpaid);
  }
}
