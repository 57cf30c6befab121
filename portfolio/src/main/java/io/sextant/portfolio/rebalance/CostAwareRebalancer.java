package io.sextant.portfolio.rebalance;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Chooses trade sizes that balance the reduction of tracking error against execution cost (see
 * {@link RebalanceSettings} for the objective), every non-quote asset traded against the quote
 * asset.
 *
 * <p>With each asset's buy and sell split into non-negative parts {@code u, d} (fractions of
 * portfolio value V) and the fitted curves {@code cost(x) = gas + a·x + b·x²}, the problem without
 * gas is a convex QP: {@code λh (δ + Mz)ᵀΣ(δ + Mz) + Σ (a⁺u + b⁺V u² + a⁻d + b⁻V d²)}, z = u − d, M
 * moving value between an asset and the quote asset, δ = w − w*. It is solved with ojAlgo's convex
 * QP under: no selling more than is free to sell, the quote asset's floor, blocked assets
 * (breakers) not traded, and the turnover cap. It runs only when the tracking error exceeds the
 * trigger (or a collateral floor forces a purchase): an (s, S) policy, since with a fixed gas per
 * trade, trading every step to the edge of the no-trade region would pay the gas over and over. The
 * fixed gas is then handled greedily: a trade whose removal raises the objective by less than its
 * gas is dropped and the QP solved again (at most three rounds). Finally each trade whose impact
 * would exceed {@code maxImpactPerStep} is split into equal children over successive steps; only
 * the first child is executed now.
 *
 * <p>Cold path (allocates per decision). Not thread-safe.
 */
public final class CostAwareRebalancer {
  private static final double TINY = 1e-12;

  private final RebalanceSettings settings;

  /** A rebalancer with {@code settings}. */
  public CostAwareRebalancer(final RebalanceSettings settings) {
    this.settings = settings;
  }

  /** The settings. */
  public RebalanceSettings settings() {
    return settings;
  }

  /**
   * Decides the trades.
   *
   * @param exposure value of each asset's net exposure (free holdings, LP and collateral minus
   *     debt), numeraire; their sum V must be positive
   * @param free value of each asset's free holdings (what may be sold), numeraire
   * @param minFree per-asset floor on free holdings after trading (e.g. to repay debt), or null
   * @param target target weights (sum 1)
   * @param cov covariance of per-step returns
   * @param blocked assets that must not trade (breakers), or null
   * @param costs cost curves
   * @param quote the quote asset
   */
  public RebalanceDecision decide(
      final double[] exposure,
      final double[] free,
      final double[] minFree,
      final double[] target,
      final double[][] cov,
      final boolean[] blocked,
      final ExecutionCostModel costs,
      final int quote) {
    final int n = exposure.length;
    double v = 0;
    for (double e : exposure) {
      v += e;
    }
    if (!(v > 0)) {
      throw new IllegalArgumentException("portfolio value must be > 0: " + v);
    }
    final double[] delta = new double[n];
    for (int i = 0; i < n; i++) {
      delta[i] = exposure[i] / v - target[i];
    }
    final double teBefore = Math.sqrt(Math.max(0, quad(cov, delta)));
    final boolean outside = teBefore > settings.trigger();
    boolean forced = false;
    if (minFree != null) {
      for (int i = 0; i < n; i++) {
        forced |= free[i] < minFree[i] - TINY * v;
      }
    }
    if (!outside && !forced) {
      return new RebalanceDecision(
          false, new double[n], new double[n], new int[n], 0, teBefore, teBefore, teBefore);
    }
    final CostCurve[] buy = new CostCurve[n];
    final CostCurve[] sell = new CostCurve[n];
    final boolean[] frozen = new boolean[n];
    for (int i = 0; i < n; i++) {
      frozen[i] = i == quote || (blocked != null && blocked[i]);
      if (!frozen[i]) {
        buy[i] = costs.curve(i, true);
        sell[i] = costs.curve(i, false);
      }
    }
    double[] z = solve(v, delta, free, minFree, cov, frozen, buy, sell, quote);
    for (int round = 0; round < 3; round++) {
      final double base = objective(v, delta, z, cov, buy, sell, quote);
      boolean dropped = false;
      for (int i = 0; i < n; i++) {
        if (frozen[i] || Math.abs(z[i]) * v < 1e-9 * v) {
          continue;
        }
        final double keep = z[i];
        z[i] = 0;
        final double without = objective(v, delta, z, cov, buy, sell, quote);
        z[i] = keep;
        final double gas = (keep > 0 ? buy[i] : sell[i]).gas() / v;
        final boolean gasHeavy = gas > settings.maxGasShare() * Math.abs(keep);
        if ((without - base < gas || gasHeavy)
            && !mustBuy(i, free, minFree, v)
            && !mustBuy(quote, free, minFree, v)) {
          frozen[i] = true;
          dropped = true;
        }
      }
      if (!dropped) {
        break;
      }
      z = solve(v, delta, free, minFree, cov, frozen, buy, sell, quote);
    }
    final double[] parent = new double[n];
    final double[] step = new double[n];
    final int[] children = new int[n];
    double cost = 0;
    for (int i = 0; i < n; i++) {
      if (i == quote || Math.abs(z[i]) * v < 1e-9 * v) {
        continue;
      }
      parent[i] = z[i] * v;
      final CostCurve c = parent[i] > 0 ? buy[i] : sell[i];
      final double cap = c.maxNotionalForImpact(settings.maxImpactPerStep());
      int k = (int) Math.ceil(Math.abs(parent[i]) / cap);
      k = Math.max(1, Math.min(settings.maxChildren(), k));
      if (mustBuy(i, free, minFree, v) || mustBuy(quote, free, minFree, v)) {
        k = 1; // a collateral buffer is restored now, not over time
      }
      children[i] = k;
      step[i] = parent[i] / k;
      cost += c.fitted(Math.abs(step[i]));
      parent[quote] -= parent[i];
      step[quote] -= step[i];
    }
    // Children of sales and purchases can differ in number, so this step's purchases may outrun
    // this step's sales: scale the purchases down to what the quote asset can fund now.
    final double quoteFloor = minFree == null ? 0 : Math.max(0, minFree[quote]);
    if (free[quote] + step[quote] < quoteFloor) {
      double buys = 0;
      double sells = 0;
      for (int i = 0; i < n; i++) {
        if (i != quote) {
          buys += Math.max(0, step[i]);
          sells += Math.max(0, -step[i]);
        }
      }
      final double f =
          buys > 0 ? Math.max(0, Math.min(1, (free[quote] - quoteFloor + sells) / buys)) : 1;
      cost = 0;
      step[quote] = 0;
      for (int i = 0; i < n; i++) {
        if (i == quote || step[i] == 0) {
          continue;
        }
        if (step[i] > 0) {
          step[i] *= f;
        }
        step[quote] -= step[i];
        cost += (step[i] > 0 ? buy[i] : sell[i]).fitted(Math.abs(step[i]));
      }
    }
    final double[] afterStep = new double[n];
    final double[] afterParent = new double[n];
    for (int i = 0; i < n; i++) {
      afterStep[i] = delta[i] + step[i] / v;
      afterParent[i] = delta[i] + parent[i] / v;
    }
    boolean traded = false;
    for (int i = 0; i < n; i++) {
      traded |= children[i] > 0;
    }
    return new RebalanceDecision(
        traded,
        parent,
        step,
        children,
        cost,
        teBefore,
        Math.sqrt(Math.max(0, quad(cov, afterStep))),
        Math.sqrt(Math.max(0, quad(cov, afterParent))));
  }

  private static boolean mustBuy(
      final int i, final double[] free, final double[] minFree, final double v) {
    return minFree != null && free[i] < minFree[i] - TINY * v;
  }

  /** Objective at z (per asset, fractions of V; the quote entry ignored). */
  private double objective(
      final double v,
      final double[] delta,
      final double[] z,
      final double[][] cov,
      final CostCurve[] buy,
      final CostCurve[] sell,
      final int quote) {
    final int n = delta.length;
    final double[] after = delta.clone();
    double cost = 0;
    for (int i = 0; i < n; i++) {
      if (i == quote || z[i] == 0) {
        continue;
      }
      after[i] += z[i];
      after[quote] -= z[i];
      cost += (z[i] > 0 ? buy[i] : sell[i]).slippage(Math.abs(z[i]) * v) / v;
    }
    return settings.aversion() * settings.horizonSteps() * quad(cov, after) + cost;
  }

  private double[] solve(
      final double v,
      final double[] delta,
      final double[] free,
      final double[] minFree,
      final double[][] cov,
      final boolean[] frozen,
      final CostCurve[] buy,
      final CostCurve[] sell,
      final int quote) {
    final int n = delta.length;
    final double lh = settings.aversion() * settings.horizonSteps();
    // Σδ and the quote column, for k_i = (Σδ)_i − (Σδ)_q.
    final double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += cov[i][j] * delta[j];
      }
      sd[i] = s;
    }
    final int[] idx = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (!frozen[i]) {
        idx[m++] = i;
      }
    }
    final double[] z = new double[n];
    if (m == 0) {
      return z;
    }
    final ExpressionsBasedModel model = new ExpressionsBasedModel();
    final Variable[] u = new Variable[m];
    final Variable[] d = new Variable[m];
    for (int a = 0; a < m; a++) {
      final int i = idx[a];
      u[a] = model.addVariable("u" + i).lower(0.0);
      final double floor = minFree == null ? 0 : Math.max(0, minFree[i]);
      d[a] = model.addVariable("d" + i).lower(0.0).upper(Math.max(0, (free[i] - floor) / v));
      if (minFree != null && free[i] < minFree[i]) {
        // Free holdings below their floor: buy at least the shortfall.
        u[a].lower((minFree[i] - free[i]) / v);
      }
    }
    // The quadratic form over (u_0, d_0, u_1, d_1, …), assembled first and set once per entry.
    final double[][] q = new double[2 * m][2 * m];
    final double[] lin = new double[2 * m];
    for (int a = 0; a < m; a++) {
      final int i = idx[a];
      for (int b = 0; b < m; b++) {
        final int j = idx[b];
        final double k = lh * (cov[i][j] - cov[i][quote] - cov[quote][j] + cov[quote][quote]);
        q[2 * a][2 * b] += k;
        q[2 * a + 1][2 * b + 1] += k;
        q[2 * a][2 * b + 1] -= k;
        q[2 * a + 1][2 * b] -= k;
      }
      q[2 * a][2 * a] += buy[i].quadratic() * v;
      q[2 * a + 1][2 * a + 1] += sell[i].quadratic() * v;
      final double g = 2 * lh * (sd[i] - sd[quote]);
      lin[2 * a] = g + buy[i].linear();
      lin[2 * a + 1] = -g + sell[i].linear();
    }
    final Variable[] x = new Variable[2 * m];
    for (int a = 0; a < m; a++) {
      x[2 * a] = u[a];
      x[2 * a + 1] = d[a];
    }
    final Expression obj = model.addExpression("objective").weight(1.0);
    for (int r = 0; r < 2 * m; r++) {
      for (int c = 0; c < 2 * m; c++) {
        if (q[r][c] != 0) {
          obj.set(x[r], x[c], q[r][c]);
        }
      }
      if (lin[r] != 0) {
        obj.set(x[r], lin[r]);
      }
    }
    final double quoteFloor = minFree == null ? 0 : Math.max(0, minFree[quote]);
    final Expression cash = model.addExpression("quote").upper((free[quote] - quoteFloor) / v);
    for (int a = 0; a < m; a++) {
      cash.set(u[a], 1.0).set(d[a], -1.0);
    }
    if (Double.isFinite(settings.turnoverCap())) {
      final Expression turnover = model.addExpression("turnover").upper(settings.turnoverCap());
      for (int a = 0; a < m; a++) {
        turnover.set(u[a], 1.0).set(d[a], 1.0);
      }
    }
    final Optimisation.Result result = model.minimise();
    if (!result.getState().isFeasible()) {
      // Infeasible floors (not enough to sell for a forced buy): trade nothing rather than guess.
      return z;
    }
    for (int a = 0; a < m; a++) {
      // Variables were added as u_0, d_0, u_1, d_1, …
      z[idx[a]] = result.doubleValue(2 * a) - result.doubleValue(2 * a + 1);
    }
    return z;
  }

  private static double quad(final double[][] cov, final double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double r = 0;
      for (int j = 0; j < x.length; j++) {
        r += cov[i][j] * x[j];
      }
      s += x[i] * r;
    }
    return s;
  }
}
