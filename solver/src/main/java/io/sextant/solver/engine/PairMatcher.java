package io.sextant.solver.engine;

import io.sextant.feeds.cow.CowMarket;
import io.sextant.feeds.cow.CowOrder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches opposite orders on one token pair (A, B) at a uniform clearing price {@code p} (B per A),
 * every order filled whole, only the net imbalance going through the pools.
 *
 * <p>In real numbers the settlement's excess of A from the orders alone is {@code E(p) = K + M/p},
 * where {@code K} is the A sold by sell orders less the A bought by buy orders and {@code M} the B
 * bought by buy orders less the B sold by sell orders (executed amounts, fees excluded). Three
 * outcomes:
 *
 * <ul>
 *   <li>A is in excess at the pools' marginal rate: route {@code Δ} of A to B, {@code p =
 *       out(Δ)/Δ}; the root of {@code Δ = E(p(Δ))} is found by regula falsi (Illinois) with the
 *       exact router;
 *   <li>B is in excess: the mirror image;
 *   <li>neither: a pure coincidence of wants at {@code p = −M/K}, no interaction.
 * </ul>
 *
 * Integers are then made exact: the settlement routes exactly what it holds of the excess token and
 * the price is shaded against the excess side until the other token's balance is non-negative under
 * GPv2 rounding. An order whose limit price (fee included) is then violated is dropped — the one
 * with the worst limit among the violators — and the rest matched again. Per request; not
 * thread-safe.
 */
final class PairMatcher {
  private static final int ROOT_STEPS = 36;
  private static final int FIX_STEPS = 24;

  private final CowMarket market;
  private final RouteFinder finder;
  private final NativePrices prices;
  private final long overhead;

  PairMatcher(
      final CowMarket market,
      final RouteFinder finder,
      final NativePrices prices,
      final long overhead) {
    this.market = market;
    this.finder = finder;
    this.prices = prices;
    this.overhead = overhead;
  }

  /** Rounds of dropping the orders a group's price breaks before the pair is given up. */
  static final int MAX_ROUNDS = 6;

  /** The best matched group among {@code orders} (all on the pair), or {@code null}. */
  MatchedGroup match(final String tokenA, final String tokenB, final List<CowOrder> orders) {
    final List<CowOrder> live = crossing(tokenA, orders);
    int rounds = 0;
    while (hasBothSides(live, tokenA)) {
      long gas = overhead;
      MatchedGroup g = null;
      for (int pass = 0; pass < 3; pass++) {
        final List<BigInteger> fees = fees(live, gas);
        if (fees == null) {
          return null;
        }
        g = solve(tokenA, tokenB, live, fees);
        if (g == null || g.gas() <= gas) {
          break;
        }
        gas = g.gas();
        g = null;
      }
      if (g == null) {
        return null;
      }
      final List<Integer> violators = violators(g);
      if (violators.isEmpty()) {
        return g;
      }
      if (++rounds == MAX_ROUNDS) {
        return null;
      }
      // Every order whose limit the group's price breaks leaves at once: each round routes the
      // imbalance anew, so one order per round would cost a routing search per order of a
      // crowded pair.
      for (int i = violators.size() - 1; i >= 0; i--) {
        live.remove((int) violators.get(i));
      }
    }
    return null;
  }

  /**
   * The orders that can share a uniform clearing price with at least one order of the other side.
   * At a price p (B per A) an order selling A needs p ≥ its limit buy/sell and an order selling B
   * needs 1/p ≥ its limit, so a group holding both sides needs every pair across the sides to
   * cross: limitA × limitB ≤ 1. An order that crosses no order of the other side (fees only make
   * limits stricter) can never be in a group; dropping them, repeatedly, loses no group and spares
   * the routing of each hopeless candidate. Real auctions are mostly resting limit orders that do
   * not cross, so this usually leaves nothing to route.
   */
  static List<CowOrder> crossing(final String tokenA, final List<CowOrder> orders) {
    final List<CowOrder> live = new ArrayList<>(orders);
    boolean changed = true;
    while (changed) {
      // The most lenient limit on each side: the largest 1/limit any order of that side accepts.
      double bestA = 0.0; // max over sellers of A of sellAmount/buyAmount (A per B they accept)
      double bestB = 0.0; // max over sellers of B of sellAmount/buyAmount (B per A they accept)
      for (CowOrder o : live) {
        final double inverse = o.sellAmount().doubleValue() / o.buyAmount().doubleValue();
        if (o.sellToken().equals(tokenA)) {
          bestA = Math.max(bestA, inverse);
        } else {
          bestB = Math.max(bestB, inverse);
        }
      }
      changed = false;
      for (int i = live.size() - 1; i >= 0; i--) {
        final CowOrder o = live.get(i);
        final double limit = o.buyAmount().doubleValue() / o.sellAmount().doubleValue();
        // limit × (the other side's limit) ≤ 1 for some order there, with a margin for rounding.
        final double best = o.sellToken().equals(tokenA) ? bestB : bestA;
        if (limit > best * (1.0 + 1e-9)) {
          live.remove(i);
          changed = true;
        }
      }
    }
    return live;
  }

  private static boolean hasBothSides(final List<CowOrder> orders, final String tokenA) {
    boolean ab = false;
    boolean ba = false;
    for (CowOrder o : orders) {
      ab |= o.sellToken().equals(tokenA);
      ba |= !o.sellToken().equals(tokenA);
    }
    return ab && ba;
  }

  /**
   * Each order's fee for its share of {@code gas}; {@code null} when a limit order has no price.
   */
  private List<BigInteger> fees(final List<CowOrder> orders, final long gas) {
    final long share = (gas + orders.size() - 1) / orders.size();
    final List<BigInteger> fees = new ArrayList<>(orders.size());
    for (CowOrder o : orders) {
      if (o.orderClass() == CowOrder.OrderClass.LIMIT) {
        final BigInteger f = prices.fee(o.sellToken(), share);
        if (f == null) {
          return null;
        }
        fees.add(f);
      } else {
        fees.add(null);
      }
    }
    return fees;
  }

  private MatchedGroup solve(
      final String tokenA,
      final String tokenB,
      final List<CowOrder> orders,
      final List<BigInteger> fees) {
    // K and M of E(p) = K + M/p, from executed amounts.
    double k = 0.0;
    double m = 0.0;
    double volA = 0.0;
    for (int i = 0; i < orders.size(); i++) {
      final CowOrder o = orders.get(i);
      final boolean sellsA = o.sellToken().equals(tokenA);
      final BigInteger fee = fees.get(i) == null ? BigInteger.ZERO : fees.get(i);
      if (o.kind() == CowOrder.Kind.SELL) {
        final double x = o.sellAmount().subtract(fee).doubleValue();
        if (x <= 0.0) {
          return null;
        }
        if (sellsA) {
          k += x;
          volA += x;
        } else {
          m -= x;
        }
      } else if (sellsA) {
        m += o.buyAmount().doubleValue();
      } else {
        k -= o.buyAmount().doubleValue();
        volA += o.buyAmount().doubleValue();
      }
    }
    final int a = market.token(tokenA);
    final int b = market.token(tokenB);
    MatchedGroup g = directed(tokenA, tokenB, orders, fees, a, b, true, k, m, volA);
    if (g == null) {
      g = directed(tokenA, tokenB, orders, fees, a, b, false, k, m, volA);
    }
    if (g == null && k * m < 0.0) {
      g = pure(tokenA, tokenB, orders, fees, k, m);
    }
    return g;
  }

  /** Pure coincidence of wants at p = −M/K, if it balances exactly under GPv2 rounding. */
  private MatchedGroup pure(
      final String tokenA,
      final String tokenB,
      final List<CowOrder> orders,
      final List<BigInteger> fees,
      final double k,
      final double m) {
    // Exact K and M as integers.
    BigInteger ki = BigInteger.ZERO;
    BigInteger mi = BigInteger.ZERO;
    for (int i = 0; i < orders.size(); i++) {
      final CowOrder o = orders.get(i);
      final boolean sellsA = o.sellToken().equals(tokenA);
      final BigInteger fee = fees.get(i) == null ? BigInteger.ZERO : fees.get(i);
      if (o.kind() == CowOrder.Kind.SELL) {
        final BigInteger x = o.sellAmount().subtract(fee);
        if (sellsA) {
          ki = ki.add(x);
        } else {
          mi = mi.subtract(x);
        }
      } else if (sellsA) {
        mi = mi.add(o.buyAmount());
      } else {
        ki = ki.subtract(o.buyAmount());
      }
    }
    if (ki.signum() * mi.signum() >= 0) {
      return null;
    }
    BigInteger pa = mi.abs();
    BigInteger pb = ki.abs();
    final BigInteger gcd = pa.gcd(pb);
    pa = pa.divide(gcd);
    pb = pb.divide(gcd);
    final Flows f = Flows.of(orders, fees, tokenA, pa, pb);
    if (f.inA.compareTo(f.outA) < 0 || f.inB.compareTo(f.outB) < 0) {
      return null;
    }
    return new MatchedGroup(tokenA, tokenB, pa, pb, List.copyOf(orders), fees, null, overhead);
  }

  /**
   * The group with the excess token routed through the pools: A→B when {@code aToB}, else B→A;
   * {@code null} when that token is not in excess at the marginal rate or the integers do not
   * close.
   */
  private MatchedGroup directed(
      final String tokenA,
      final String tokenB,
      final List<CowOrder> orders,
      final List<BigInteger> fees,
      final int a,
      final int b,
      final boolean aToB,
      final double k,
      final double m,
      final double volA) {
    final int x = aToB ? a : b;
    final int y = aToB ? b : a;
    if (x < 0 || y < 0) {
      return null;
    }
    // Scale of the excess in X units, at the first probe's rate.
    final double probeIn = Math.max(1.0, (aToB ? Math.max(volA, Math.abs(k)) : Math.abs(m)) * 1e-7);
    final Route probe = finder.route(x, y, true, whole(probeIn));
    if (probe == null) {
      return null;
    }
    final double p0 = ratio(probe, aToB);
    if (!(excessX(k, m, p0, aToB) > probeIn)) {
      return null; // X is not in excess at the marginal rate
    }
    double lo = probeIn;
    double gLo = probeIn - excessX(k, m, p0, aToB);
    double hi = Math.max(probeIn * 2.0, excessX(k, m, p0, aToB));
    double gHi = Double.NaN; // unknown (no route): the next step bisects
    // g(Δ) = Δ − E_X(p(Δ)) grows with Δ; find hi with g(hi) >= 0.
    for (int grow = 0; grow < 8; grow++) {
      final Route r = finder.route(x, y, true, whole(hi));
      gHi = r == null ? Double.NaN : hi - excessX(k, m, ratio(r, aToB), aToB);
      if (r == null || gHi >= 0.0) {
        break;
      }
      lo = hi;
      gLo = gHi;
      hi *= 2.0;
    }
    // The root of g in [lo, hi]: regula falsi, Illinois variant (each exact route is costly, and
    // bisection needed ~36 of them), bisecting whenever a secant step would not shrink the bracket.
    int side = 0;
    for (int i = 0; i < ROOT_STEPS && hi - lo > 1.0; i++) {
      double mid = 0.5 * (lo + hi);
      if (Double.isFinite(gHi) && gHi > gLo) {
        final double secant = hi - gHi * (hi - lo) / (gHi - gLo);
        final double margin = 1e-3 * (hi - lo);
        if (secant > lo + margin && secant < hi - margin) {
          mid = secant;
        }
      }
      final Route r = finder.route(x, y, true, whole(mid));
      final double g = r == null ? Double.NaN : mid - excessX(k, m, ratio(r, aToB), aToB);
      if (r == null || g >= 0.0) {
        hi = mid;
        gHi = g;
        gLo = side == 1 ? gLo / 2.0 : gLo;
        side = 1;
      } else {
        lo = mid;
        gLo = g;
        gHi = side == -1 ? gHi / 2.0 : gHi;
        side = -1;
        if (g > -0.5) {
          break; // within half a unit of the root
        }
      }
    }
    Route r = finder.route(x, y, true, whole(lo));
    if (r == null) {
      return null;
    }
    // Prices {X: out, Y: in}: one X buys out/in Y.
    BigInteger px = r.amountOut();
    final BigInteger py = r.amountIn();
    for (int step = 0; step < FIX_STEPS && px.signum() > 0; step++) {
      final BigInteger pa = aToB ? px : py;
      final BigInteger pb = aToB ? py : px;
      final Flows f = Flows.of(orders, fees, tokenA, pa, pb);
      final BigInteger inX = aToB ? f.inA : f.inB;
      final BigInteger outX = aToB ? f.outA : f.outB;
      final BigInteger inY = aToB ? f.inB : f.inA;
      final BigInteger outY = aToB ? f.outB : f.outA;
      final BigInteger excess = inX.subtract(outX);
      if (excess.signum() <= 0) {
        return null;
      }
      r = finder.route(x, y, true, excess);
      if (r == null) {
        return null;
      }
      final BigInteger balY = inY.add(r.amountOut()).subtract(outY);
      if (balY.signum() >= 0) {
        return new MatchedGroup(
            tokenA, tokenB, pa, pb, List.copyOf(orders), fees, r, overhead + r.gasUnits());
      }
      // Short of Y: value X a little lower, in proportion to the shortfall.
      final BigInteger paidForX = aToB ? f.outBBySellersOfA : f.outAbySellersOfB;
      if (paidForX.signum() == 0) {
        return null;
      }
      final BigInteger cut = px.multiply(balY.negate()).divide(paidForX).add(BigInteger.ONE);
      px = px.subtract(cut);
    }
    return null;
  }

  /** E_X(p) in X units, p given as Y per X. */
  private static double excessX(
      final double k, final double m, final double pYperX, final boolean aToB) {
    if (aToB) {
      return k + m / pYperX; // p is B per A
    }
    final double pAB = 1.0 / pYperX; // Y = A: A per B → B per A
    return -(k + m / pAB) * pAB;
  }

  private static double ratio(final Route r, final boolean aToB) {
    return r.amountOut().doubleValue() / r.amountIn().doubleValue();
  }

  private static BigInteger whole(final double v) {
    return v < 1.0 ? BigInteger.ONE : new BigDecimal(Math.floor(v)).toBigInteger();
  }

  /** Indices, ascending, of the orders of {@code g} whose limit price its clearing prices break. */
  private static List<Integer> violators(final MatchedGroup g) {
    final Flows f = Flows.of(g.orders(), g.fees(), g.tokenA(), g.priceA(), g.priceB());
    final List<Integer> out = new ArrayList<>();
    for (int i = 0; i < g.orders().size(); i++) {
      final CowOrder o = g.orders().get(i);
      if (f.sold[i].multiply(o.buyAmount()).compareTo(f.bought[i].multiply(o.sellAmount())) > 0) {
        out.add(i);
      }
    }
    return out;
  }

  /** Settlement flows of a group at integer prices, GPv2 rounding. */
  static final class Flows {
    BigInteger inA = BigInteger.ZERO;
    BigInteger inB = BigInteger.ZERO;
    BigInteger outA = BigInteger.ZERO;
    BigInteger outB = BigInteger.ZERO;
    BigInteger outBBySellersOfA = BigInteger.ZERO;
    BigInteger outAbySellersOfB = BigInteger.ZERO;
    BigInteger[] sold;
    BigInteger[] bought;

    static Flows of(
        final List<CowOrder> orders,
        final List<BigInteger> fees,
        final String tokenA,
        final BigInteger pa,
        final BigInteger pb) {
      final Flows f = new Flows();
      f.sold = new BigInteger[orders.size()];
      f.bought = new BigInteger[orders.size()];
      for (int i = 0; i < orders.size(); i++) {
        final CowOrder o = orders.get(i);
        final boolean sellsA = o.sellToken().equals(tokenA);
        final BigInteger ps = sellsA ? pa : pb;
        final BigInteger pBuy = sellsA ? pb : pa;
        final BigInteger fee = fees.get(i) == null ? BigInteger.ZERO : fees.get(i);
        final BigInteger sold;
        final BigInteger bought;
        if (o.kind() == CowOrder.Kind.SELL) {
          final BigInteger executed = o.sellAmount().subtract(fee);
          sold = o.sellAmount();
          final BigInteger[] qr = executed.multiply(ps).divideAndRemainder(pBuy);
          bought = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        } else {
          bought = o.buyAmount();
          sold = bought.multiply(pBuy).divide(ps).add(fee);
        }
        f.sold[i] = sold;
        f.bought[i] = bought;
        if (sellsA) {
          f.inA = f.inA.add(sold);
          f.outB = f.outB.add(bought);
          f.outBBySellersOfA = f.outBBySellersOfA.add(bought);
        } else {
          f.inB = f.inB.add(sold);
          f.outA = f.outA.add(bought);
          f.outAbySellersOfB = f.outAbySellersOfB.add(bought);
        }
      }
      return f;
    }
  }
}
