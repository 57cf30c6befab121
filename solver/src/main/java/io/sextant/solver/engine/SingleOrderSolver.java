package io.sextant.solver.engine;

import io.sextant.feeds.cow.CowMarket;
import io.sextant.feeds.cow.CowOrder;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Fills one order through the pools, alone, from the auction's state.
 *
 * <ul>
 *   <li>Fill-or-kill orders: the whole amount or nothing.
 *   <li>Partially fillable orders: the whole amount when it respects the limit price (with the
 *       fee); otherwise, when even the marginal rate beats the limit, a golden-section search over
 *       the fill size maximises the surplus, each probe routed exactly (surplus is concave in the
 *       fill: concave pool output less a linear limit and a fee that only steps with the pools
 *       used).
 *   <li>Limit orders carry the fee {@code (route gas + settlement overhead)·gasPrice} in the sell
 *       token; for sell orders the routed amount is {@code sellAmount − fee}, iterated until the
 *       fee covers the gas of the route it pays for.
 * </ul>
 *
 * Per request; not thread-safe.
 */
final class SingleOrderSolver {
  private static final int GOLDEN_STEPS = 28;
  private static final double INV_PHI = (Math.sqrt(5.0) - 1.0) / 2.0;

  private final CowMarket market;
  private final RouteFinder finder;
  private final NativePrices prices;
  private final long overhead;

  SingleOrderSolver(
      final CowMarket market,
      final RouteFinder finder,
      final NativePrices prices,
      final long overhead) {
    this.market = market;
    this.finder = finder;
    this.prices = prices;
    this.overhead = overhead;
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
    final boolean isSell = o.kind() == CowOrder.Kind.SELL;
    final BigInteger full = isSell ? o.sellAmount() : o.buyAmount();
    final OrderFill whole = fill(o, sell, buy, full);
    if (whole != null && whole.surplus().signum() >= 0) {
      return whole;
    }
    if (!o.partiallyFillable()) {
      return null;
    }
    // Does the marginal rate beat the limit at all? If not, no fill size can (concavity).
    final BigInteger tiny = full.divide(BigInteger.valueOf(1_000_000)).max(BigInteger.ONE);
    final Route probe = finder.route(sell, buy, isSell, tiny);
    if (probe == null
        || probe
                .amountIn()
                .multiply(o.buyAmount())
                .compareTo(probe.amountOut().multiply(o.sellAmount()))
            > 0) {
      return null;
    }
    final double f = full.doubleValue();
    double lo = 0.0;
    double hi = f;
    double x1 = hi - INV_PHI * (hi - lo);
    double x2 = lo + INV_PHI * (hi - lo);
    double s1 = score(fill(o, sell, buy, amount(x1)));
    double s2 = score(fill(o, sell, buy, amount(x2)));
    for (int i = 0; i < GOLDEN_STEPS; i++) {
      if (s1 >= s2) {
        hi = x2;
        x2 = x1;
        s2 = s1;
        x1 = hi - INV_PHI * (hi - lo);
        s1 = score(fill(o, sell, buy, amount(x1)));
      } else {
        lo = x1;
        x1 = x2;
        s1 = s2;
        x2 = lo + INV_PHI * (hi - lo);
        s2 = score(fill(o, sell, buy, amount(x2)));
      }
    }
    final OrderFill best = fill(o, sell, buy, amount(s1 >= s2 ? x1 : x2));
    return best != null && best.surplus().signum() >= 0 ? best : null;
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
