package io.sextant.portfolio.backtest;

import io.sextant.portfolio.allocation.RiskParity;
import io.sextant.portfolio.breaker.BreakerPanel;
import io.sextant.portfolio.breaker.TripLog;
import io.sextant.portfolio.config.PortfolioSpec;
import io.sextant.portfolio.rebalance.CostAwareRebalancer;
import io.sextant.portfolio.rebalance.CostCurve;
import io.sextant.portfolio.rebalance.CovarianceTracker;
import io.sextant.portfolio.rebalance.ExecutionCostModel;
import io.sextant.portfolio.rebalance.PortfolioBook;
import io.sextant.portfolio.rebalance.RebalanceDecision;
import io.sextant.portfolio.rebalance.TargetAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the cost-aware rebalancer and the calendar and threshold baselines over one price path from
 * one starting book, with the same breakers, targets and costs.
 *
 * <p><b>Costs.</b> The base curves are the router's exact samples on a real market snapshot (prices
 * {@code p0}). At step t an asset whose price is {@code p} and liquidity factor {@code L} costs,
 * for notional x, what the snapshot costs for notional {@code x' = x·√(p0/p)/L}, as a fraction of
 * the notional: a constant-product pool arbitraged to price p holds {@code √(k/p)} tokens, so the
 * same fraction of its depth is notional {@code x√(p0/p)} at the snapshot. Gas is charged as
 * sampled. On top, a trade executes at the pool price: a sale receives {@code pool/reference} of
 * its value, a purchase pays {@code reference/pool}. The cost-aware rebalancer decides on the
 * fitted convex curves rescaled the same way; what it is charged is the interpolated samples.
 *
 * <p><b>Strategies.</b> Calendar trades every non-halted asset fully to target every {@code
 * backtest.calendarEvery} steps; threshold does so whenever any weight strays more than {@code
 * backtest.thresholdBand}; cost-aware runs {@link CostAwareRebalancer} every step (outside its
 * no-trade band). Halted assets (breakers) are never traded; de-risking (if configured) lowers the
 * targets of all three. Targets are recomputed every {@code allocation.recomputeEvery} steps from
 * the covariance tracked along the path. Loans below the health-factor buffer are repaid from free
 * debt tokens after each step's trades.
 */
public final class Backtester {
  /** Strategy names, in report order. */
  public static final List<String> STRATEGIES = List.of("cost-aware", "calendar", "threshold");

  private final PortfolioSpec spec;
  private final ExecutionCostModel base;
  private final double[] p0;

  /**
   * @param spec the portfolio
   * @param base cost curves on the snapshot
   * @param snapshotPrices prices of the snapshot the curves were sampled at
   */
  public Backtester(
      final PortfolioSpec spec, final ExecutionCostModel base, final double[] snapshotPrices) {
    this.spec = spec;
    final int n = spec.assets().size();
    final CostCurve[] curves = new CostCurve[2 * n];
    for (int i = 0; i < n; i++) {
      curves[2 * i] = base.curve(i, false).withoutFavourableOffset();
      curves[2 * i + 1] = base.curve(i, true).withoutFavourableOffset();
    }
    this.base = (asset, buy) -> curves[2 * asset + (buy ? 1 : 0)];
    this.p0 = snapshotPrices.clone();
  }

  /** Runs all three strategies on {@code path} from {@code start}. */
  public List<StrategyResult> run(final PortfolioBook start, final PricePath path) {
    final int n = spec.assets().size();
    if (path.assets() != n) {
      throw new IllegalArgumentException("path has " + path.assets() + " assets, spec " + n);
    }
    final int steps = path.steps();
    // Targets and covariance depend only on prices: computed once for all strategies.
    final CovarianceTracker tracker = new CovarianceTracker(spec);
    final TargetAllocator allocator = new TargetAllocator(spec);
    final double[][][] cov = new double[steps][][];
    final double[][] targets = new double[steps][];
    for (int t = 0; t < steps; t++) {
      tracker.onPrices(path.reference()[t]);
      if (t % spec.allocation().recomputeEvery() == 0 || t == 0) {
        cov[t] = tracker.covariance();
        targets[t] = allocator.targets(cov[t], null);
      } else {
        cov[t] = cov[t - 1];
        targets[t] = targets[t - 1];
      }
    }
    final List<StrategyResult> out = new ArrayList<>();
    for (String name : STRATEGIES) {
      out.add(runOne(name, start.copy(), path, cov, targets));
    }
    return out;
  }

  private StrategyResult runOne(
      final String name,
      final PortfolioBook book,
      final PricePath path,
      final double[][][] cov,
      final double[][] targets) {
    final int n = spec.assets().size();
    final int q = spec.quote();
    final int steps = path.steps();
    final double spy = spec.risk().stepsPerYear();
    final double minHf = spec.execution().minHealthFactor();
    final TripLog log = new TripLog();
    final BreakerPanel panel = new BreakerPanel(n, spec.breakers(), log);
    final CostAwareRebalancer rebalancer = new CostAwareRebalancer(spec.rebalance());
    final double[] equity = new double[steps];
    final double[] cumCost = new double[steps];
    final double[] cumTurn = new double[steps];
    final List<StrategyResult.Execution> executions = new ArrayList<>();
    double sumSq = 0;
    double costTotal = 0;
    double turnTotal = 0;
    double valueSum = 0;
    double prevValue = book.value(path.reference()[0]);
    equity[0] = prevValue;
    valueSum += prevValue;
    for (int t = 1; t < steps; t++) {
      final double[] p = path.reference()[t];
      final double[] pPrev = path.reference()[t - 1];
      final double value = book.value(p);
      double targetReturn = 0;
      for (int i = 0; i < n; i++) {
        targetReturn += targets[t - 1][i] * (p[i] / pPrev[i] - 1);
      }
      final double d = value / prevValue - 1 - targetReturn;
      sumSq += d * d;
      final boolean[] halted = new boolean[n];
      for (int i = 0; i < n; i++) {
        if (i != q) {
          panel.observe(t, i, path.pool()[t][i], p[i], path.liquidity()[t][i]);
          halted[i] = panel.halted(i);
        }
      }
      final double[] target = targets[t].clone();
      panel.applyDeRisk(target, q);
      final double[] exposure = book.exposures(p);
      final double[] trades =
          switch (name) {
            case "cost-aware" -> {
              final RebalanceDecision dec =
                  rebalancer.decide(
                      exposure,
                      book.freeValues(p),
                      book.repaymentFloors(p, minHf),
                      target,
                      cov[t],
                      halted,
                      scaled(p, path.liquidity()[t]),
                      q);
              yield dec.step();
            }
            case "calendar" ->
                t % spec.backtest().calendarEvery() == 0
                    ? toTarget(exposure, target, halted, book, p)
                    : null;
            case "threshold" ->
                outside(exposure, target, halted, spec.backtest().thresholdBand())
                    ? toTarget(exposure, target, halted, book, p)
                    : null;
            default -> throw new IllegalArgumentException(name);
          };
      double stepCost = 0;
      double stepTraded = 0;
      if (trades != null) {
        for (int i = 0; i < n; i++) {
          final double x = trades[i];
          if (i == q
              || halted[i]
              || Math.abs(x) < Math.max(spec.execution().minTradeNotional(), 1e-9)) {
            continue;
          }
          final double cost = realisedCost(i, x, p, path.pool()[t], path.liquidity()[t]);
          book.addFree(i, x / p[i]);
          book.addFree(q, -(x + cost) / p[q]);
          stepCost += cost;
          stepTraded += Math.abs(x);
          executions.add(
              new StrategyResult.Execution(t, i, x, cost, Math.abs(path.pool()[t][i] / p[i] - 1)));
        }
      }
      book.repay(p, minHf);
      final double after = book.value(p);
      costTotal += stepCost;
      turnTotal += stepTraded / value;
      cumCost[t] = costTotal;
      cumTurn[t] = turnTotal;
      equity[t] = after;
      valueSum += after;
      prevValue = after;
    }
    final double years = (steps - 1) / spy;
    final double avgValue = valueSum / steps;
    double peak = 0;
    double maxDd = 0;
    for (double e : equity) {
      peak = Math.max(peak, e);
      maxDd = Math.max(maxDd, 1 - e / peak);
    }
    final double[] finalExposure = book.exposures(path.reference()[steps - 1]);
    final double finalValue = book.value(path.reference()[steps - 1]);
    final double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = finalExposure[i] / finalValue;
    }
    return new StrategyResult(
        name,
        Math.sqrt(sumSq / (steps - 1) * spy),
        costTotal / avgValue / years,
        turnTotal / years,
        maxDd,
        panel.trips(),
        log.trips(),
        equity,
        cumCost,
        cumTurn,
        List.copyOf(executions),
        RiskParity.riskContributions(cov[steps - 1], w));
  }

  /** Trades taking every non-halted asset to target, funded through the quote asset. */
  private double[] toTarget(
      final double[] exposure,
      final double[] target,
      final boolean[] halted,
      final PortfolioBook book,
      final double[] p) {
    double v = 0;
    for (double e : exposure) {
      v += e;
    }
    final double[] x = new double[exposure.length];
    for (int i = 0; i < x.length; i++) {
      if (i == spec.quote() || halted[i]) {
        continue;
      }
      x[i] = Math.max(target[i] * v - exposure[i], -book.free(i) * p[i]);
    }
    return x;
  }

  private static boolean outside(
      final double[] exposure, final double[] target, final boolean[] halted, final double band) {
    double v = 0;
    for (double e : exposure) {
      v += e;
    }
    for (int i = 0; i < exposure.length; i++) {
      if (!halted[i] && Math.abs(exposure[i] / v - target[i]) > band) {
        return true;
      }
    }
    return false;
  }

  private double depthScale(final int i, final double price, final double liquidity) {
    return Math.sqrt(p0[i] / price) / liquidity;
  }

  /** The decision model at the current prices and liquidity: the fit, rescaled. */
  private ExecutionCostModel scaled(final double[] p, final double[] liquidity) {
    return (asset, buy) -> {
      final CostCurve c = base.curve(asset, buy);
      final double s = depthScale(asset, p[asset], liquidity[asset]);
      return new CostCurve(c.gas(), c.linear(), c.quadratic() * s, c.notionals(), c.fractions());
    };
  }

  /** What a trade of {@code x} (positive buys) is charged: sampled slippage, gas, dislocation. */
  double realisedCost(
      final int i, final double x, final double[] p, final double[] pool, final double[] liq) {
    final boolean buy = x > 0;
    final double notional = Math.abs(x);
    final CostCurve c = base.curve(i, buy);
    final double scaledNotional = notional * depthScale(i, p[i], liq[i]);
    final double slippage = (c.sampled(scaledNotional) - c.gas()) / scaledNotional * notional;
    final double dislocation =
        buy ? notional * (1 - p[i] / pool[i]) : notional * (1 - pool[i] / p[i]);
    return slippage + c.gas() + dislocation;
  }
}
