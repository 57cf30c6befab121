package io.sextant.portfolio.allocation;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Markowitz mean–variance: maximise {@code μᵀw − (γ/2) wᵀΣw} subject to {@link
 * AllocationConstraints}. Without constraints the answer is {@code w = Σ⁻¹μ / γ}.
 *
 * <p>The volatility ceiling is a quadratic constraint, which ojAlgo's convex QP does not take
 * directly. It is handled exactly through its KKT conditions instead: with multiplier ν ≥ 0 the
 * problem is the unconstrained-in-volatility one at risk aversion {@code γ + ν}, and volatility
 * falls monotonically in that, so the binding γ' is found by bisection (relative 1e-10). Minimum
 * variance is the limit μ = 0.
 */
public final class MeanVarianceOptimizer {
  private static final double VOL_TOL = 1e-9;

  private MeanVarianceOptimizer() {}

  /**
   * @param mu expected returns per period (length n)
   * @param cov covariance per period, symmetric positive semi-definite (n × n)
   * @param riskAversion γ &gt; 0
   * @param c constraints
   */
  public static Allocation optimise(
      final double[] mu,
      final double[][] cov,
      final double riskAversion,
      final AllocationConstraints c) {
    if (!(riskAversion > 0)) {
      throw new IllegalArgumentException("riskAversion must be > 0: " + riskAversion);
    }
    double[] w = solveQp(mu, cov, riskAversion, c);
    double gamma = riskAversion;
    final double target = c.targetVolatility();
    if (Double.isFinite(target) && vol(cov, w) > target * (1 + VOL_TOL)) {
      // The least volatile admissible portfolio bounds what any γ can reach.
      final double[] minVar = solveQp(new double[mu.length], cov, 1.0, c);
      if (vol(cov, minVar) > target * (1 + VOL_TOL)) {
        throw new InfeasibleAllocationException(
            "target volatility " + target + " below the minimum " + vol(cov, minVar));
      }
      double lo = gamma;
      double hi = gamma * 2;
      double[] wHi = solveQp(mu, cov, hi, c);
      while (vol(cov, wHi) > target && hi < 1e15 * riskAversion) {
        lo = hi;
        hi *= 4;
        wHi = solveQp(mu, cov, hi, c);
      }
      for (int iter = 0; iter < 200 && (hi - lo) > 1e-10 * hi; iter++) {
        final double mid = Math.sqrt(lo * hi);
        final double[] wm = solveQp(mu, cov, mid, c);
        if (vol(cov, wm) > target) {
          lo = mid;
        } else {
          hi = mid;
          wHi = wm;
        }
      }
      w = wHi;
      gamma = hi;
    }
    return new Allocation(w, Allocation.dot(mu, w), vol(cov, w), gamma);
  }

  /** Minimum variance: minimise {@code wᵀΣw} subject to {@code c} (use a fully invested set). */
  public static Allocation minimumVariance(final double[][] cov, final AllocationConstraints c) {
    final double[] w = solveQp(new double[cov.length], cov, 1.0, c);
    return new Allocation(w, Double.NaN, vol(cov, w), Double.NaN);
  }

  private static double vol(final double[][] cov, final double[] w) {
    return Math.sqrt(Math.max(0, Allocation.quadratic(cov, w)));
  }

  static double[] solveQp(
      final double[] mu, final double[][] cov, final double gamma, final AllocationConstraints c) {
    final int n = mu.length;
    final ExpressionsBasedModel model = new ExpressionsBasedModel();
    final Variable[] w = new Variable[n];
    for (int i = 0; i < n; i++) {
      final Variable v = model.addVariable("w" + i);
      if (c.lower() != null) {
        v.lower(c.lower()[i]);
      }
      if (c.upper() != null) {
        v.upper(c.upper()[i]);
      }
      w[i] = v;
    }
    final Expression risk = model.addExpression("risk").weight(0.5 * gamma);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (cov[i][j] != 0.0) {
          risk.set(w[i], w[j], cov[i][j]);
        }
      }
    }
    boolean anyMu = false;
    final Expression ret = model.addExpression("return").weight(-1.0);
    for (int i = 0; i < n; i++) {
      if (mu[i] != 0.0) {
        ret.set(w[i], mu[i]);
        anyMu = true;
      }
    }
    if (!anyMu) {
      ret.weight(0.0);
    }
    if (c.fullyInvested()) {
      final Expression budget = model.addExpression("budget").level(1.0);
      for (Variable v : w) {
        budget.set(v, 1.0);
      }
    }
    if (Double.isFinite(c.turnoverCap())) {
      // t_i ≥ |w_i − w0_i| through two linear rows; Σ t_i ≤ cap.
      final Expression total = model.addExpression("turnover").upper(c.turnoverCap());
      for (int i = 0; i < n; i++) {
        final Variable t = model.addVariable("t" + i).lower(0.0);
        final double w0 = c.current()[i];
        model.addExpression("up" + i).set(w[i], 1.0).set(t, -1.0).upper(w0);
        model.addExpression("down" + i).set(w[i], 1.0).set(t, 1.0).lower(w0);
        total.set(t, 1.0);
      }
    }
    final Optimisation.Result result = model.minimise();
    if (!result.getState().isFeasible()) {
      throw new InfeasibleAllocationException("QP " + result.getState() + " for " + c);
    }
    final double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = result.doubleValue(i);
    }
    return out;
  }
}
