package io.sextant.solver.quote;

import io.sextant.feeds.cow.CowMarket;
import io.sextant.routing.finalise.RoutePlan;
import io.sextant.routing.graph.RoutingMarket;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.split.SplitRouter;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers quote queries over one loaded market with the {@link SplitRouter}: the optimal split over
 * every path of at most {@code maxHops} pools, net of gas at {@code gasPriceWei}, finalised with
 * the exact pool math, then checked against the query's {@link OrderLimit}. Shared by {@code
 * sextant quote} and the peer-comparison harness.
 *
 * <p>Each query starts from the market's state (the router restores every pool it touches). The
 * time reported per answer covers what a caller on the hot path pays: the route, its finalisation
 * and the limit check, not the parsing of the query nor the building of the answer's objects. Not
 * thread-safe: one engine per thread.
 */
public final class QuoteEngine {
  private final CowMarket market;
  private final SplitRouter router;
  private final RoutePlan plan = new RoutePlan();
  private final OrderLimit limit = new OrderLimit();
  private final UInt256 amount = new UInt256();
  private final UInt256 bound = new UInt256();
  private final int maxHops;
  private final double gasPriceWei;

  /**
   * An engine over {@code market}, routing over paths of at most {@code maxHops} pools, gas valued
   * at {@code gasPriceWei} per unit (0 ignores gas).
   */
  public QuoteEngine(final CowMarket market, final int maxHops, final double gasPriceWei) {
    if (maxHops < 1) {
      throw new IllegalArgumentException("maxHops must be at least 1, got " + maxHops);
    }
    if (!(gasPriceWei >= 0.0) || Double.isInfinite(gasPriceWei)) {
      throw new IllegalArgumentException("gasPriceWei must be finite and >= 0, got " + gasPriceWei);
    }
    this.market = market;
    this.router = new SplitRouter(market.market());
    this.maxHops = maxHops;
    this.gasPriceWei = gasPriceWei;
  }

  /** The market the engine routes over. */
  public CowMarket market() {
    return market;
  }

  /** Answers every entry of a parsed file, in order; an entry with an error keeps it. */
  public List<QuoteAnswer> quote(final List<QuoteFileParser.Entry> entries) {
    final List<QuoteAnswer> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      final QuoteFileParser.Entry e = entries.get(i);
      out.add(e.error() != null ? QuoteAnswer.failed(e.id(), e.error(), 0) : quote(i, e.query()));
    }
    return out;
  }

  /** Answers one query; {@code index} names it in errors ({@code queries[index]}). */
  public QuoteAnswer quote(final int index, final QuoteQuery q) {
    final int sell = market.token(q.sellToken());
    if (sell < 0) {
      return QuoteAnswer.failed(
          q.id(),
          where(index)
              + ".sellToken: unknown token "
              + q.sellToken()
              + " (not in the auction, and no usable pool of the selected kinds trades it)",
          0);
    }
    final int buy = market.token(q.buyToken());
    if (buy < 0) {
      return QuoteAnswer.failed(
          q.id(),
          where(index)
              + ".buyToken: unknown token "
              + q.buyToken()
              + " (not in the auction, and no usable pool of the selected kinds trades it)",
          0);
    }
    amount.set(q.amount());
    if (q.limit() == null) {
      limit.none();
    } else if (q.exactIn()) {
      limit.minAmountOut(bound.set(q.limit()));
    } else {
      limit.maxAmountIn(bound.set(q.limit()));
    }
    final long start = System.nanoTime();
    router.route(sell, buy, q.exactIn(), amount, maxHops, gasPriceWei, plan);
    final boolean met = plan.ok() && limit.met(plan);
    final long nanos = System.nanoTime() - start;
    if (!plan.ok()) {
      return QuoteAnswer.failed(q.id(), where(index) + ": " + plan.error(), nanos);
    }
    if (!met) {
      return QuoteAnswer.failed(q.id(), where(index) + ": " + limit.violation(plan), nanos);
    }
    return new QuoteAnswer(
        q.id(),
        plan.amountIn.toBigInteger(),
        plan.amountOut.toBigInteger(),
        plan.gasUnits(),
        legs(plan),
        nanos,
        null);
  }

  private static String where(final int index) {
    return "queries[" + index + "]";
  }

  private List<QuoteAnswer.Leg> legs(final RoutePlan p) {
    final RoutingMarket m = market.market();
    final List<QuoteAnswer.Leg> legs = new ArrayList<>(p.legCount());
    for (int i = 0; i < p.legCount(); i++) {
      final int pool = p.legPool(i);
      final int[] tokens = m.poolTokens(pool);
      legs.add(
          new QuoteAnswer.Leg(
              m.poolId(pool),
              market.addresses().get(tokens[p.legTokenIn(i)]),
              market.addresses().get(tokens[p.legTokenOut(i)]),
              p.legAmountIn(i).toBigInteger(),
              p.legAmountOut(i).toBigInteger()));
    }
    return legs;
  }
}
