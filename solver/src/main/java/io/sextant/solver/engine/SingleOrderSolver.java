package io.sextant.solver.engine;

import io.sextant.feeds.cow.CowMarket;
import io.sextant.feeds.cow.CowOrder;
import io.sextant.routing.graph.RoutingMarket;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Fills one order through the pools, alone, from the auction's state.
 *
 * <ul>
 *   <li>Screens: an order whose limit rate is above the route finder's {@link RouteFinder#rateBound
 *       spot bound}, or that the concave bound of a few gas-free probes ({@link FillScreen}) shows
 *       cannot pay its limit and least fee at any size, is not routed (on the embedded auction
 *       nearly every order). The least fee is that of the settlement overhead and of the cheapest
 *       pool holding the sell token.
 *   <li>Fill-or-kill orders: the whole amount or nothing.
 *   <li>Partially fillable orders: the whole amount when it respects the limit price (with the
 *       fee); otherwise (the screen having found that some size may) a golden-section search over
 *       the fill size maximises the surplus, each probe routed exactly (surplus is concave in the
 *       fill: concave pool output less a linear limit and a fee that only steps with the pools
 *       used); it stops early once the concave upper bound of its samples ({@link Search}) shows
 *       that no fill respects the limit or that no size can gain more than a hair.
 *   <li>Limit orders carry the fee {@code (route gas + settlement overhead)·gasPrice} in the sell
 *       token; for sell orders the routed amount is {@code sellAmount − fee}, iterated until the
 *       fee covers the gas of the route it pays for.
 * </ul>
 *
 * Per request; not thread-safe.
 */
final class SingleOrderSolver {
  private static final int GOLDEN_STEPS = 28;

  /** Relative slack on the spot-bound screen, far above the double rounding of the bound. */
  static final double BOUND_SLACK = 1e-9;

  private static final double INV_PHI = (Math.sqrt(5.0) - 1.0) / 2.0;

  private final CowMarket market;
  private final RouteFinder finder;
  private final NativePrices prices;
  private final long overhead;
  private final FillScreen screen;

  /** Per token, the least gas of a pool holding it: every route pays at least its first pool's. */
  private final long[] leastPoolGas;

  SingleOrderSolver(
      final CowMarket market,
      final RouteFinder finder,
      final NativePrices prices,
      final long overhead) {
    this.market = market;
    this.finder = finder;
    this.prices = prices;
    this.overhead = overhead;
    this.screen = new FillScreen(finder);
    final RoutingMarket m = market.market();
    leastPoolGas = new long[m.tokenCount()];
    Arrays.fill(leastPoolGas, Long.MAX_VALUE);
    for (int p = 0; p < m.poolCount(); p++) {
      for (int t : m.poolTokens(p)) {
        if (t >= 0) {
          leastPoolGas[t] = Math.min(leastPoolGas[t], m.gasUnits(p));
        }
      }
    }
  }

  /** The best fill of {@code o}, or {@code null} when none respects its limit price. */
  OrderFill solve(final CowOrder o) {
    final int sell = market.token(o.sellToken());
    final int buy = market.token(o.buyToken());
    if (sell < 0
        || buy < 0
        || sell == buy
        || o.sellAmount().signum() <= 0
        || o.buyAmount().signum() <= 0) {
      return null;
    }
    // No route of any size beats the best spot product, and a limit order pays at least the fee
    // of the settlement overhead and of one pool holding the sell token: every fill, sell or buy,
    // needs bound·(sellAmount − fee) ≥ buyAmount. An order asking more is not routed at all.
    BigInteger leastFee = BigInteger.ZERO;
    if (o.orderClass() == CowOrder.OrderClass.LIMIT) {
      if (leastPoolGas[sell] == Long.MAX_VALUE) {
        return null;
      }
      leastFee = prices.fee(o.sellToken(), overhead + leastPoolGas[sell]);
      if (leastFee == null) {
        return null;
      }
    }
    final double bound = finder.rateBound(sell, buy);
    if (bound * o.sellAmount().subtract(leastFee).doubleValue()
        < o.buyAmount().doubleValue() * (1.0 - BOUND_SLACK)) {
      return null;
    }
    if (screen.cannotFill(o, sell, buy, leastFee)) {
      return null;
    }
    final boolean isSell = o.kind() == CowOrder.Kind.SELL;
    final BigInteger full = isSell ? o.sellAmount() : o.buyAmount();
    final OrderFill whole = fill(o, sell, buy, full);
    if (whole != null && whole.surplus().signum() >= 0) {
      return whole;
    }
    if (!o.partiallyFillable()) {
      return null;
    }
    final BigInteger tiny = full.divide(BigInteger.valueOf(1_000_000)).max(BigInteger.ONE);
    final double f = full.doubleValue();
    final Search search = new Search((isSell ? o.buyAmount() : o.sellAmount()).doubleValue());
    search.add(f, score(whole));
    search.add(tiny.doubleValue(), score(fill(o, sell, buy, tiny)));
    double lo = 0.0;
    double hi = f;
    double x1 = hi - INV_PHI * (hi - lo);
    double x2 = lo + INV_PHI * (hi - lo);
    OrderFill fill1 = fill(o, sell, buy, amount(x1));
    OrderFill fill2 = fill(o, sell, buy, amount(x2));
    double s1 = search.add(x1, score(fill1));
    double s2 = search.add(x2, score(fill2));
    for (int i = 0; i < GOLDEN_STEPS && !search.settled(); i++) {
      if (s1 >= s2) {
        hi = x2;
        x2 = x1;
        s2 = s1;
        fill2 = fill1;
        x1 = hi - INV_PHI * (hi - lo);
        fill1 = fill(o, sell, buy, amount(x1));
        s1 = search.add(x1, score(fill1));
      } else {
        lo = x1;
        x1 = x2;
        s1 = s2;
        fill1 = fill2;
        x2 = lo + INV_PHI * (hi - lo);
        fill2 = fill(o, sell, buy, amount(x2));
        s2 = search.add(x2, score(fill2));
      }
    }
    final OrderFill best = s1 >= s2 ? fill1 : fill2;
    return best != null && best.surplus().signum() >= 0 ? best : null;
  }

  /**
   * The surplus samples of one golden-section search and the concave upper bound they give: on each
   * interval between samples the surplus lies below both neighbouring secants extended (the surplus
   * is concave in the fill), so the best surplus anywhere is at most the largest of those bounds.
   * The search stops as soon as that bound is below zero (no fill can respect the limit) or within
   * {@link #SETTLE} of the order's limit amount (in the surplus token) of the best sample (nothing
   * left worth a route).
   */
  static final class Search {
    /** Gap between bound and best sample, relative to the limit amount, at which it stops. */
    static final double SETTLE = 1e-7;

    private final double[] x = new double[GOLDEN_STEPS + 8];
    private final double[] s = new double[GOLDEN_STEPS + 8];
    private final double scale;
    private int n;

    /** A search whose surplus is in a token of which the order's limit amount is {@code scale}. */
    Search(final double scale) {
      this.scale = scale;
    }

    /** Records a sample (−∞ when the fill could not be routed) and returns its surplus. */
    double add(final double at, final double surplus) {
      if (Double.isFinite(surplus)) {
        int i = n++;
        while (i > 0 && x[i - 1] > at) {
          x[i] = x[i - 1];
          s[i] = s[i - 1];
          i--;
        }
        x[i] = at;
        s[i] = surplus;
      }
      return surplus;
    }

    /** Whether no untried fill can beat the best sample by more than the tolerance, or be ≥ 0. */
    boolean settled() {
      if (n < 3) {
        return false;
      }
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        best = Math.max(best, s[i]);
      }
      final double bound = upperBound();
      return bound < 0.0 || bound - best <= SETTLE * scale;
    }

    /** Largest value of the concave upper envelope over the sampled range. */
    double upperBound() {
      double most = Double.NEGATIVE_INFINITY;
      for (int i = 0; i + 1 < n; i++) {
        final double a = x[i];
        final double b = x[i + 1];
        final boolean left = i > 0 && x[i] > x[i - 1];
        final boolean right = i + 2 < n && x[i + 2] > x[i + 1];
        if (!left && !right) {
          return Double.POSITIVE_INFINITY;
        }
        final double sl = left ? (s[i] - s[i - 1]) / (x[i] - x[i - 1]) : 0.0;
        final double sr = right ? (s[i + 2] - s[i + 1]) / (x[i + 2] - x[i + 1]) : 0.0;
        // L(t) = s[i] + sl(t − a), R(t) = s[i+1] + sr(t − b); the bound is min(L, R) (the one
        // that exists), maximised over [a, b].
        final double la = s[i];
        final double lb = s[i] + sl * (b - a);
        final double ra = s[i + 1] - sr * (b - a);
        final double rb = s[i + 1];
        double m;
        if (!left) {
          m = Math.max(ra, rb);
        } else if (!right) {
          m = Math.max(la, lb);
        } else {
          m = Math.max(Math.min(la, ra), Math.min(lb, rb));
          if (sl != sr) {
            final double t = (s[i + 1] - sr * b - s[i] + sl * a) / (sl - sr);
            if (t > a && t < b) {
              m = Math.max(m, s[i] + sl * (t - a));
            }
          }
        }
        most = Math.max(most, m);
      }
      return most;
    }
  }

  private static BigInteger amount(final double x) {
    return x < 1.0 ? BigInteger.ONE : new BigDecimal(Math.floor(x)).toBigInteger();
  }

  private static double score(final OrderFill f) {
    return f == null ? Double.NEGATIVE_INFINITY : f.surplus().doubleValue();
  }

  /**
   * The fill of {@code amount} (sell orders: sell token including the fee; buy orders: buy token),
   * with its surplus (negative when the limit is violated), or {@code null} when it cannot be
   * routed or priced.
   */
  OrderFill fill(final CowOrder o, final int sell, final int buy, final BigInteger amount) {
    final boolean limit = o.orderClass() == CowOrder.OrderClass.LIMIT;
    if (o.kind() == CowOrder.Kind.SELL) {
      BigInteger fee = BigInteger.ZERO;
      long gasGuess = overhead;
      Route route = null;
      for (int attempt = 0; attempt < 4; attempt++) {
        if (limit) {
          fee = prices.fee(o.sellToken(), gasGuess);
          if (fee == null) {
            return null;
          }
        }
        final BigInteger executed = amount.subtract(fee);
        if (executed.signum() <= 0) {
          return null;
        }
        route = finder.route(sell, buy, true, executed);
        if (route == null) {
          return null;
        }
        final long needed = overhead + route.gasUnits();
        if (!limit || needed == gasGuess) {
          break;
        }
        if (needed < gasGuess && attempt > 0) {
          break; // the fee covers the gas; a cheaper route found with a lower fee could differ
        }
        gasGuess = needed;
        route = null;
      }
      if (route == null) {
        return null;
      }
      final BigInteger executed = amount.subtract(fee);
      final BigInteger bought = route.amountOut();
      // surplus = bought − ceil(buyAmount·sold/sellAmount)
      final BigInteger[] qr = o.buyAmount().multiply(amount).divideAndRemainder(o.sellAmount());
      final BigInteger minOut = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
      return new OrderFill(
          o, executed, limit ? fee : null, amount, bought, route, bought.subtract(minOut));
    }
    final Route route = finder.route(sell, buy, false, amount);
    if (route == null) {
      return null;
    }
    BigInteger fee = BigInteger.ZERO;
    if (limit) {
      fee = prices.fee(o.sellToken(), overhead + route.gasUnits());
      if (fee == null) {
        return null;
      }
    }
    final BigInteger sold = route.amountIn().add(fee);
    // surplus = floor(sellAmount·bought/buyAmount) − sold, in the sell token
    final BigInteger maxIn = o.sellAmount().multiply(amount).divide(o.buyAmount());
    return new OrderFill(o, amount, limit ? fee : null, sold, amount, route, maxIn.subtract(sold));
  }
}
