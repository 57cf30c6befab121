package io.sextant.solver.engine;

import io.sextant.routing.finalise.RoutePlan;
import io.sextant.routing.graph.RoutingMarket;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.split.SplitRouter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes through {@link SplitRouter}: the optimal split over every candidate path of at most {@code
 * maxHops} pools, net of gas at the auction's gas price, finalised with the exact math (never worse
 * than the router's best single path).
 */
public final class SplitRouteFinder implements RouteFinder {
  private final RoutingMarket market;
  private final SplitRouter router;
  private final int maxHops;
  private final double gasPriceWei;
  private final RoutePlan plan = new RoutePlan();
  private final UInt256 amount = new UInt256();

  /** A finder over {@code market}. */
  public SplitRouteFinder(final RoutingMarket market, final int maxHops, final double gasPriceWei) {
    this.market = market;
    this.router = new SplitRouter(market);
    this.maxHops = maxHops;
    this.gasPriceWei = gasPriceWei;
  }

  @Override
  public double rateBound(final int sell, final int buy) {
    return router.spotBound(sell, buy, maxHops);
  }

  @Override
  public Probe probe(final int sell, final int buy, final BigInteger amountIn) {
    if (!plan(sell, buy, true, amountIn, 0.0)) {
      return null;
    }
    return new Probe(plan.amountIn.toDouble(), plan.amountOut.toDouble(), router.lastLambda());
  }

  private boolean plan(
      final int sell, final int buy, final boolean exactIn, final BigInteger a, final double gas) {
    if (a.signum() <= 0 || a.bitLength() > 256) {
      return false;
    }
    amount.set(a);
    router.route(sell, buy, exactIn, amount, maxHops, gas, plan);
    return plan.ok() && !plan.amountOut.isZero() && !plan.amountIn.isZero();
  }

  @Override
  public Route route(final int sell, final int buy, final boolean exactIn, final BigInteger a) {
    if (!plan(sell, buy, exactIn, a, gasPriceWei)) {
      return null;
    }
    final List<Route.Leg> legs = new ArrayList<>(plan.legCount());
    for (int i = 0; i < plan.legCount(); i++) {
      final int p = plan.legPool(i);
      final int[] toks = market.poolTokens(p);
      legs.add(
          new Route.Leg(
              p,
              toks[plan.legTokenIn(i)],
              toks[plan.legTokenOut(i)],
              plan.legAmountIn(i).toBigInteger(),
              plan.legAmountOut(i).toBigInteger()));
    }
    return new Route(
        plan.amountIn.toBigInteger(),
        plan.amountOut.toBigInteger(),
        plan.gasUnits(),
        List.copyOf(legs));
  }
}
