package io.sextant.portfolio.rebalance;

import io.sextant.portfolio.breaker.BreakerPanel;
import io.sextant.portfolio.breaker.TripLog;
import io.sextant.portfolio.config.PortfolioSpec;
import io.sextant.portfolio.risk.ValueAtRisk;
import java.util.ArrayList;
import java.util.List;

/**
 * One rebalance on a market snapshot: breakers on each asset's pool price (the router's price for
 * the smallest sampled notional against the reference price), targets from the allocation method,
 * the cost-aware decision on cost curves sampled from the router, the step's trades routed by the
 * split router, repayments that keep the health-factor buffer, and risk before and after. Cold
 * path; not thread-safe.
 */
public final class RebalancePlanner {
  private final PortfolioSpec spec;
  private final AssetMarket assets;
  private final RouterCostModel costs;
  private final TradeRouter router;
  private final CostAwareRebalancer rebalancer;
  private final TargetAllocator allocator;

  /** A planner for {@code spec} on {@code assets}, with a cost model and trade router. */
  public RebalancePlanner(
      final PortfolioSpec spec,
      final AssetMarket assets,
      final RouterCostModel costs,
      final TradeRouter router) {
    this.spec = spec;
    this.assets = assets;
    this.costs = costs;
    this.router = router;
    this.rebalancer = new CostAwareRebalancer(spec.rebalance());
    this.allocator = new TargetAllocator(spec);
  }

  /** Plans a rebalance of {@code book} (modified: trades and repayments are applied to it). */
  public RebalancePlan plan(final PortfolioBook book, final double[][] cov) {
    final int n = assets.size();
    final int q = assets.quote();
    final double[] p = assets.prices();
    final double spy = spec.risk().stepsPerYear();
    final double minHf = spec.execution().minHealthFactor();
    final TripLog log = new TripLog();
    final BreakerPanel panel = new BreakerPanel(n, spec.breakers(), log);
    final boolean[] halted = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (i == q) {
        continue;
      }
      final CostCurve sell = costs.curve(i, false);
      // The smallest sample's output, gas excluded, is the pool's price (its fee included).
      panel.observe(0, i, p[i] * (1 - sell.fractions()[0]), p[i], Double.NaN);
      halted[i] = panel.halted(i);
    }
    final double[] before = book.exposures(p);
    final double valueBefore = sum(before);
    final double[] wBefore = scale(before, 1 / valueBefore);
    final double[] targets = allocator.targets(cov, wBefore);
    panel.applyDeRisk(targets, q);
    final double[] hfBefore = healthFactors(book, p);
    final RebalanceDecision d =
        rebalancer.decide(
            before,
            book.freeValues(p),
            book.repaymentFloors(p, minHf),
            targets,
            cov,
            halted,
            costs,
            q);
    final List<RoutedTrade> trades = router.route(d.step(), spec.execution().minTradeNotional());
    double routedCost = 0;
    for (RoutedTrade t : trades) {
      if (!t.ok()) {
        continue;
      }
      routedCost += t.cost();
      final int sell = t.buy() ? q : t.asset();
      final int get = t.buy() ? t.asset() : q;
      book.addFree(sell, -Double.parseDouble(t.amountIn()) / assets.unit(sell));
      book.addFree(get, Double.parseDouble(t.amountOut()) / assets.unit(get));
      // Gas is paid in the native token; it is charged to the quote asset here.
      book.addFree(q, -t.gas() / p[q]);
    }
    final double repaid = book.repay(p, minHf);
    final double[] after = book.exposures(p);
    final double valueAfter = sum(after);
    final double[] wAfter = scale(after, 1 / valueAfter);
    final List<RebalancePlan.LpGreeks> lps = new ArrayList<>();
    for (PortfolioBook.Lp lp : book.lps()) {
      final double px = p[lp.asset()] / p[q];
      final double sigma = spec.assets().get(lp.asset()).volatility();
      lps.add(
          new RebalancePlan.LpGreeks(
              lp.asset(),
              lp.v2() != null ? "uniswapV2" : "uniswapV3",
              lp.value(px),
              lp.delta(px),
              lp.gamma(px),
              lp.lvr(px, sigma)));
    }
    final double day = spy / 365.0;
    final double conf = spec.risk().varConfidence();
    return new RebalancePlan(
        assets.symbols(),
        p.clone(),
        wBefore,
        targets,
        wAfter,
        d,
        trades,
        routedCost,
        valueBefore,
        valueAfter,
        vol(cov, wBefore) * Math.sqrt(spy),
        vol(cov, wAfter) * Math.sqrt(spy),
        vol(cov, diff(wBefore, targets)) * Math.sqrt(spy),
        vol(cov, diff(wAfter, targets)) * Math.sqrt(spy),
        ValueAtRisk.gaussianVaR(0, vol(cov, wBefore) * Math.sqrt(day), conf),
        ValueAtRisk.gaussianVaR(0, vol(cov, wAfter) * Math.sqrt(day), conf),
        hfBefore,
        healthFactors(book, p),
        repaid,
        halted,
        log.trips(),
        List.copyOf(lps));
  }

  private static double[] healthFactors(final PortfolioBook book, final double[] p) {
    final double[] hf = new double[book.loans().size()];
    for (int i = 0; i < hf.length; i++) {
      hf[i] = book.loans().get(i).at(p).healthFactor();
    }
    return hf;
  }

  static double vol(final double[][] cov, final double[] w) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        s += w[i] * cov[i][j] * w[j];
      }
    }
    return Math.sqrt(Math.max(0, s));
  }

  private static double[] diff(final double[] a, final double[] b) {
    final double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  private static double[] scale(final double[] a, final double f) {
    final double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] * f;
    }
    return d;
  }

  private static double sum(final double[] a) {
    double s = 0;
    for (double x : a) {
      s += x;
    }
    return s;
  }
}
