package io.sextant.routing.split;

import io.sextant.routing.finalise.PoolStateLog;
import io.sextant.routing.finalise.RoutePlan;
import io.sextant.routing.graph.CandidatePaths;
import io.sextant.routing.graph.PoolDepth;
import io.sextant.routing.graph.RoutingMarket;
import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import java.util.Arrays;

/**
 * Routes one order over a {@link RoutingMarket}: candidate paths ({@link CandidatePaths}), the
 * optimal split over all of their pools at once ({@link SplitOptimizer}), net of gas (pools whose
 * gas the split does not pay for are dropped), then exact finalisation: every leg recomputed with
 * the pool's integer math in execution order, each applied before the next and all undone after.
 * The best single path (exact, net of gas) is always evaluated too, and the better of the two is
 * returned, so a plan is never worse than the best single path.
 *
 * <p>Gas: {@code gasUnits × gasPrice} wei per pool used, valued in the buy token through reference
 * prices; ignored when the gas price is 0 or the buy token has no reference price. A pool whose
 * exact swap fails (an inconsistent snapshot, a revert) is treated as having no capacity: it is
 * dropped and the split solved again. Exact-output orders search the exact-input split for the
 * smallest input that delivers the amount.
 *
 * <p>Not thread-safe: one router per thread. It allocates while growing its arrays; after warm-up
 * the remaining allocations are the candidate-path search's growth only.
 */
public final class SplitRouter {
  /** Hops whose depth is below this fraction of the order's native value are pruned. */
  public static final double PRUNE_FRACTION = 1e-6;

  private static final int MAX_RETRIES = 6;

  /**
   * Paths whose exact single-path output is computed, the best by their {@code double} estimate.
   */
  public static final int SINGLE_PATHS_EXACT = 8;

  /** Candidate paths kept for the split, the best by their own {@code double} output. */
  public static final int MAX_PATHS = 24;

  private final RoutingMarket market;
  private final CandidatePaths paths;
  private final double[] depth;
  private final SplitOptimizer opt = new SplitOptimizer();
  private final PoolStateLog log = new PoolStateLog();
  private final SwapResult r = new SwapResult();
  private final RoutePlan scratch = new RoutePlan();
  private final int[] localOf;
  private int[] globalOf = new int[16];
  private final int[] edgeOf;
  private int[] edgePool = new int[16];
  private int[] edgeIn = new int[16];
  private int[] edgeOut = new int[16];
  private final boolean[] poolBanned;
  private final double[] poolGas;
  private final boolean[] poolSeen;
  private UInt256[] balance = new UInt256[16];
  private final UInt256 amount = new UInt256();
  private final UInt256 tmp = new UInt256();
  private double gasPrice;
  private double pruneFraction = PRUNE_FRACTION;
  private int maxPaths = MAX_PATHS;
  private double[] pathEstimate = new double[64];
  private int[] pathRank = new int[64];

  /** A router over {@code market}; reads its pools' state for the pruning depths. */
  public SplitRouter(final RoutingMarket market) {
    this.market = market;
    this.depth = PoolDepth.of(market);
    this.paths = new CandidatePaths(market, depth);
    this.localOf = new int[market.tokenCount()];
    Arrays.fill(localOf, -1);
    this.edgeOf = new int[market.poolCount() * 64];
    Arrays.fill(edgeOf, -1);
    this.poolBanned = new boolean[market.poolCount()];
    this.poolGas = new double[market.poolCount()];
    this.poolSeen = new boolean[market.poolCount()];
    for (int i = 0; i < balance.length; i++) {
      balance[i] = new UInt256();
    }
  }

  /** Turns liquidity pruning of candidate paths on or off (on by default). */
  public SplitRouter pruning(final boolean on) {
    pruneFraction = on ? PRUNE_FRACTION : 0.0;
    return this;
  }

  /** Keeps at most this many candidate paths (the best by their own {@code double} output). */
  public SplitRouter maxPaths(final int limit) {
    maxPaths = Math.max(1, limit);
    return this;
  }

  /** Prunes hops whose depth is below this fraction of the order's native value. */
  public SplitRouter pruneFraction(final double fraction) {
    pruneFraction = fraction;
    return this;
  }

  /** The optimiser, for inspection after {@link #route}. */
  public SplitOptimizer optimizer() {
    return opt;
  }

  /**
   * Routes selling {@code amount} of {@code sell} for {@code buy} ({@code exactIn}) or buying
   * {@code amount} of {@code buy} with {@code sell}; {@code gasPriceWei} per gas unit (0 ignores
   * gas). Fills and returns {@code plan}; on failure {@code plan.error()} says why.
   */
  public RoutePlan route(
      final int sell,
      final int buy,
      final boolean exactIn,
      final UInt256 amount,
      final int maxHops,
      final double gasPriceWei,
      final RoutePlan plan) {
    plan.clear();
    if (sell == buy) {
      return plan.error("sell and buy token are the same");
    }
    if (amount.isZero()) {
      return plan.error("amount is zero");
    }
    final double buyPrice = market.referencePrice(buy);
    gasPrice = gasPriceWei > 0.0 && buyPrice > 0.0 ? gasPriceWei / buyPrice : 0.0;
    final double minDepth = pruneFraction > 0.0 ? pruneDepth(sell, buy, exactIn, amount) : 0.0;
    final int n = paths.find(sell, buy, maxHops, minDepth);
    if (n == 0) {
      return plan.error("no path of at most " + maxHops + " pools");
    }
    routeOver(sell, buy, exactIn, amount, n, maxPaths, plan);
    if (!plan.ok() && (minDepth > 0.0 || n > maxPaths)) {
      // Nothing among the pruned candidates worked: every path, every one exactly, as a last
      // resort.
      final int all = paths.find(sell, buy, maxHops, 0.0);
      plan.clear();
      plan.error("no path can take this amount");
      final int k = rankPaths(rankingInput(sell, buy, exactIn, amount), all, all);
      if (exactIn) {
        singlePathExactIn(amount, k, plan);
      } else {
        singlePathExactOut(amount, k, plan);
      }
    }
    return plan;
  }

  private void routeOver(
      final int sell,
      final int buy,
      final boolean exactIn,
      final UInt256 amount,
      final int n,
      final int limit,
      final RoutePlan plan) {
    final int k = rankPaths(rankingInput(sell, buy, exactIn, amount), n, limit);
    buildEdges(sell, buy, k);
    try {
      if (exactIn) {
        routeExactIn(amount, plan);
        singlePathExactIn(amount, k, plan);
      } else {
        routeExactOut(amount, plan);
        singlePathExactOut(amount, k, plan);
      }
    } finally {
      clearEdges();
    }
  }

  private double pruneDepth(
      final int sell, final int buy, final boolean exactIn, final UInt256 amount) {
    final double price = market.referencePrice(exactIn ? sell : buy);
    if (!(price > 0.0)) {
      return 0.0;
    }
    return pruneFraction * amount.toDouble() * price;
  }

  /** The input to rank paths at: the amount, or for exact output its reference-price equivalent. */
  private double rankingInput(
      final int sell, final int buy, final boolean exactIn, final UInt256 amount) {
    if (exactIn) {
      return amount.toDouble();
    }
    final double ps = market.referencePrice(sell);
    final double pb = market.referencePrice(buy);
    return ps > 0.0 && pb > 0.0 ? amount.toDouble() * pb / ps : 0.0;
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

  private int tokens;

  private void buildEdges(final int sell, final int buy, final int n) {
    tokens = 0;
    tokens = local(sell, tokens);
    tokens = local(buy, tokens);
    for (int j = 0; j < n; j++) {
      final int i = pathRank[j];
      for (int h = 0; h < paths.hops(i); h++) {
        final int p = paths.pool(i, h);
        tokens = local(market.poolTokens(p)[paths.in(i, h)], tokens);
        tokens = local(market.poolTokens(p)[paths.out(i, h)], tokens);
      }
    }
    opt.reset(tokens);
    for (int j = 0; j < n; j++) {
      final int i = pathRank[j];
      for (int h = 0; h < paths.hops(i); h++) {
        final int p = paths.pool(i, h);
        final int in = paths.in(i, h);
        final int out = paths.out(i, h);
        final int key = PoolDepth.index(market, p, in, out);
        if (edgeOf[key] >= 0) {
          continue;
        }
        final int[] toks = market.poolTokens(p);
        final int e = opt.addEdge(localOf[toks[in]], localOf[toks[out]], market.curve(p, in, out));
        edgeOf[key] = e;
        if (e == edgePool.length) {
          edgePool = Arrays.copyOf(edgePool, e * 2);
          edgeIn = Arrays.copyOf(edgeIn, e * 2);
          edgeOut = Arrays.copyOf(edgeOut, e * 2);
        }
        edgePool[e] = p;
        edgeIn[e] = in;
        edgeOut[e] = out;
        poolGas[p] = gasPrice * market.gasUnits(p);
      }
    }
    if (balance.length < tokens) {
      final UInt256[] b = new UInt256[tokens * 2];
      for (int i = 0; i < b.length; i++) {
        b[i] = i < balance.length ? balance[i] : new UInt256();
      }
      balance = b;
    }
  }

  private void clearEdges() {
    for (int e = 0; e < opt.edgeCount(); e++) {
      edgeOf[PoolDepth.index(market, edgePool[e], edgeIn[e], edgeOut[e])] = -1;
      poolBanned[edgePool[e]] = false;
    }
    for (int t = 0; t < tokens; t++) {
      localOf[globalOf[t]] = -1;
    }
  }

  private void setPoolEnabled(final int pool, final boolean on) {
    for (int e = 0; e < opt.edgeCount(); e++) {
      if (edgePool[e] == pool) {
        opt.enable(e, on && !poolBanned[pool]);
      }
    }
  }

  /** Gas (buy-token units) of the pools the optimiser's best split uses. */
  private double splitGas() {
    double g = 0.0;
    for (int i = 0; i < opt.orderedEdgeCount(); i++) {
      final int p = edgePool[opt.orderedEdge(i)];
      if (!poolSeen[p]) {
        poolSeen[p] = true;
        g += poolGas[p];
      }
    }
    for (int i = 0; i < opt.orderedEdgeCount(); i++) {
      poolSeen[edgePool[opt.orderedEdge(i)]] = false;
    }
    return g;
  }

  /** Solves, then drops pools that do not pay for their gas, one at a time, while net improves. */
  private double solveNetOfGas(final double a) {
    double out = opt.solve(a);
    if (gasPrice <= 0.0) {
      return out;
    }
    double net = out - splitGas();
    for (int round = 0; round < 16; round++) {
      // Try the pool carrying the least value first.
      int worst = -1;
      double worstValue = Double.POSITIVE_INFINITY;
      for (int i = 0; i < opt.orderedEdgeCount(); i++) {
        final int e = opt.orderedEdge(i);
        final double v = opt.flowOut(e) * opt.price(opt.to(e)) - poolGas[edgePool[e]];
        if (v < worstValue && !poolSeen[edgePool[e]]) {
          worstValue = v;
          worst = edgePool[e];
        }
      }
      if (worst < 0 || opt.orderedEdgeCount() <= 1) {
        break;
      }
      setPoolEnabled(worst, false);
      final double out2 = opt.solve(a);
      final double net2 = out2 - splitGas();
      if (net2 > net && out2 > 0.0) {
        net = net2;
        out = out2;
      } else {
        setPoolEnabled(worst, true);
        poolSeen[worst] = true; // tried; kept
        out = opt.solve(a);
        break;
      }
    }
    Arrays.fill(poolSeen, false);
    return out;
  }

  private void routeExactIn(final UInt256 amountIn, final RoutePlan plan) {
    final double a = amountIn.toDouble();
    for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
      final double out = solveNetOfGas(a);
      if (!(out > 0.0)) {
        plan.error("no liquidity for this amount");
        return;
      }
      final int failed = finalise(amountIn, plan);
      if (failed < 0) {
        plan.split(true);
        return;
      }
      poolBanned[edgePool[failed]] = true;
      setPoolEnabled(edgePool[failed], false);
    }
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
      final double frac = planned >= availD * (1.0 - 1e-9) ? 1.0 : planned / availD;
      tmp.setZero();
      for (int k = i; k < j && failed < 0; k++) {
        final int e = opt.orderedEdge(k);
        if (k == j - 1 && frac == 1.0) {
          amount.sub(avail, tmp);
        } else {
          amount.setDouble(Math.floor(availD * frac * opt.flow(e) / planned));
          if (amount.compareTo(avail) > 0) {
            amount.set(avail);
          }
          if (k == j - 1 || tmp.compareTo(avail) >= 0) {
            // never take more than what is left
            final UInt256 left = new UInt256();
            left.sub(avail, tmp);
            if (amount.compareTo(left) > 0) {
              amount.set(left);
            }
          }
        }
        if (amount.isZero()) {
          continue;
        }
        final ExactPool pool = market.pool(edgePool[e]);
        if (!pool.exactIn(edgeIn[e], edgeOut[e], amount, r) || !r.amountIn.eq(amount)) {
          failed = e;
          break;
        }
        tmp.add(tmp, amount);
        log.apply(pool, edgeIn[e], edgeOut[e], r);
        final int leg = plan.addLeg(edgePool[e], edgeIn[e], edgeOut[e]);
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

  private double netIn(final RoutePlan plan) {
    // Gas in sell-token terms through the optimiser's exchange rate is not tracked; inputs compare
    // directly.
    return plan.amountIn.toDouble();
  }

  /**
   * Ranks paths by their {@code double} output for {@code a} net of gas (by their spot rate when
   * {@code a} is 0) and keeps the best {@code limit}, best first, in {@link #pathRank}; returns how
   * many.
   */
  private int rankPaths(final double a, final int n, final int limit) {
    if (pathEstimate.length < n) {
      pathEstimate = new double[n * 2];
      pathRank = new int[n * 2];
    }
    for (int i = 0; i < n; i++) {
      double x = a > 0.0 ? a : 1.0;
      double gas = 0.0;
      for (int h = 0; h < paths.hops(i); h++) {
        final SwapCurve c = market.curve(paths.pool(i, h), paths.in(i, h), paths.out(i, h));
        x = a > 0.0 ? c.output(x) : x * c.spot();
        gas += gasPrice * market.gasUnits(paths.pool(i, h));
      }
      pathEstimate[i] = a > 0.0 ? x - gas : x;
    }
    final int k = Math.min(n, limit);
    for (int j = 0; j < k; j++) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        boolean taken = false;
        for (int q = 0; q < j; q++) {
          taken |= pathRank[q] == i;
        }
        if (!taken && (best < 0 || pathEstimate[i] > pathEstimate[best])) {
          best = i;
        }
      }
      pathRank[j] = best;
    }
    return k;
  }

  private void singlePathExactIn(final UInt256 amountIn, final int k, final RoutePlan plan) {
    double best = plan.ok() ? netOut(plan) : Double.NEGATIVE_INFINITY;
    if (!plan.ok()) {
      plan.clear();
      plan.error("no path can take this amount");
    }
    // The best few by estimate, and further down the list while nothing has worked.
    for (int j = 0; j < k && (j < SINGLE_PATHS_EXACT || best == Double.NEGATIVE_INFINITY); j++) {
      final int i = pathRank[j];
      scratch.clear();
      amount.set(amountIn);
      boolean ok = true;
      for (int h = 0; h < paths.hops(i) && ok; h++) {
        final int p = paths.pool(i, h);
        final ExactPool pool = market.pool(p);
        ok = pool.exactIn(paths.in(i, h), paths.out(i, h), amount, r) && r.amountIn.eq(amount);
        if (ok) {
          final int leg = scratch.addLeg(p, paths.in(i, h), paths.out(i, h));
          scratch.legAmountIn(leg).set(r.amountIn);
          scratch.legAmountOut(leg).set(r.amountOut);
          amount.set(r.amountOut);
          ok = !amount.isZero();
        }
      }
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

  private void routeExactOut(final UInt256 amountOut, final RoutePlan plan) {
    final double target = amountOut.toDouble();
    // Bracket the input: the optimum is concave and increasing in the input.
    double lo = 0.0;
    double hi = Math.max(1.0, target);
    opt.solve(1.0);
    final double px = opt.price(0);
    if (px > 0.0 && Double.isFinite(px)) {
      hi = Math.max(1.0, target / px);
    }
    int grow = 0;
    while (opt.solve(hi) < target && grow < 200) {
      lo = hi;
      hi *= 2.0;
      grow++;
    }
    if (grow == 200) {
      plan.error("not enough liquidity for this amount");
      return;
    }
    for (int it = 0; it < 100 && hi - lo > 1e-12 * hi; it++) {
      final double mid = 0.5 * (lo + hi);
      if (opt.solve(mid) >= target) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    final UInt256 in = new UInt256();
    in.setDouble(Math.ceil(hi));
    for (int attempt = 0; attempt < 40; attempt++) {
      opt.solve(in.toDouble());
      final int failed = finalise(in, plan);
      if (failed >= 0) {
        poolBanned[edgePool[failed]] = true;
        setPoolEnabled(edgePool[failed], false);
        continue;
      }
      if (plan.amountOut.compareTo(amountOut) >= 0) {
        plan.split(true);
        return;
      }
      // Short by a few wei of rounding: raise the input in proportion, at least by one.
      final double shortBy = target - plan.amountOut.toDouble();
      final double extra = Math.max(1.0, Math.ceil(in.toDouble() * (shortBy / target) * 1.0001));
      tmp.setDouble(extra);
      in.add(in, tmp);
    }
    plan.clear();
    plan.error("could not reach the exact output");
  }

  private void singlePathExactOut(final UInt256 amountOut, final int k, final RoutePlan plan) {
    double best = plan.ok() ? netIn(plan) : Double.POSITIVE_INFINITY;
    for (int j = 0; j < k && (j < SINGLE_PATHS_EXACT || best == Double.POSITIVE_INFINITY); j++) {
      final int i = pathRank[j];
      scratch.clear();
      amount.set(amountOut);
      boolean ok = true;
      final int hops = paths.hops(i);
      for (int h = hops - 1; h >= 0 && ok; h--) {
        final int p = paths.pool(i, h);
        ok =
            market.pool(p).exactOut(paths.in(i, h), paths.out(i, h), amount, r)
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
        final int p = paths.pool(i, h);
        ok =
            market.pool(p).exactIn(paths.in(i, h), paths.out(i, h), amount, r)
                && r.amountIn.eq(amount);
        if (ok) {
          final int leg = scratch.addLeg(p, paths.in(i, h), paths.out(i, h));
          scratch.legAmountIn(leg).set(r.amountIn);
          scratch.legAmountOut(leg).set(r.amountOut);
          amount.set(r.amountOut);
        }
      }
      if (!ok || amount.compareTo(amountOut) < 0) {
        continue;
      }
      scratch.amountOut.set(amount);
      scratch.gasUnits(gasOfPlan(scratch));
      final double in = netIn(scratch);
      if (in < best) {
        best = in;
        plan.copyFrom(scratch);
        plan.split(false);
      }
    }
    if (best == Double.POSITIVE_INFINITY && plan.ok()) {
      plan.error("no path can deliver this amount");
    }
  }
}
