package io.sextant.portfolio.rebalance;

import io.sextant.portfolio.allocation.AllocationConstraints;
import io.sextant.portfolio.allocation.FixedTargets;
import io.sextant.portfolio.allocation.MeanVarianceOptimizer;
import io.sextant.portfolio.allocation.RiskParity;
import io.sextant.portfolio.config.PortfolioSpec;

/**
 * Target weights from a specification's allocation method over a per-step covariance: fixed targets
 * (checked against the constraints), minimum variance, mean–variance (expected returns and
 * volatility target de-annualised to the step), or equal risk contribution. Cold path.
 */
public final class TargetAllocator {
  private final PortfolioSpec spec;

  /** An allocator for {@code spec}. */
  public TargetAllocator(final PortfolioSpec spec) {
    this.spec = spec;
  }

  /** Targets for covariance {@code cov} (per step), given current weights (for a turnover cap). */
  public double[] targets(final double[][] cov, final double[] currentWeights) {
    final int n = spec.assets().size();
    final PortfolioSpec.AllocationSpec a = spec.allocation();
    final double spy = spec.risk().stepsPerYear();
    final double[] lo = new double[n];
    final double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      final PortfolioSpec.Asset s = spec.assets().get(i);
      lo[i] = a.longOnly() ? Math.max(0, s.minWeight()) : s.minWeight();
      hi[i] = s.maxWeight();
    }
    AllocationConstraints c = AllocationConstraints.fullyInvestedOnly().withBounds(lo, hi);
    if (Double.isFinite(a.turnoverCap()) && currentWeights != null) {
      c = c.withTurnoverCap(currentWeights, a.turnoverCap());
    }
    if (Double.isFinite(a.targetVolatility())) {
      c = c.withTargetVolatility(a.targetVolatility() / Math.sqrt(spy));
    }
    return switch (a.method()) {
      case "fixed" -> {
        final double[] t = new double[n];
        for (int i = 0; i < n; i++) {
          t[i] = spec.assets().get(i).target();
        }
        yield FixedTargets.of(t, cov, c).weights();
      }
      case "min-variance" -> MeanVarianceOptimizer.minimumVariance(cov, c).weights();
      case "mean-variance" -> {
        final double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
          mu[i] = spec.assets().get(i).expectedReturn() / spy;
        }
        yield MeanVarianceOptimizer.optimise(mu, cov, a.riskAversion(), c).weights();
      }
      case "risk-parity" -> RiskParity.equalRiskContribution(cov).weights();
      default -> throw new IllegalStateException("unknown method " + a.method());
    };
  }
}
