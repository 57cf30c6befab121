package io.sextant.portfolio.rebalance;

import io.sextant.portfolio.config.PortfolioSpec;
import io.sextant.portfolio.risk.EwmaCovariance;
import io.sextant.portfolio.risk.LedoitWolf;

/**
 * The covariance of per-step returns the rebalancer and the allocator use: a prior (annualised
 * volatilities and one correlation from the specification) until {@code 2n} returns have been seen,
 * then the EWMA covariance shrunk towards its constant-correlation target with the configured
 * intensity, or Ledoit–Wolf's estimate over the trailing window when the intensity is {@code
 * ledoit-wolf}. Cold path.
 */
public final class CovarianceTracker {
  private final int n;
  private final double[][] prior;
  private final double shrinkage;
  private final EwmaCovariance ewma;
  private final double[][] window;
  private final double[] last;
  private final double[] r;
  private int seen;
  private boolean primed;

  /** A tracker for {@code spec}'s assets. */
  public CovarianceTracker(final PortfolioSpec spec) {
    this.n = spec.assets().size();
    this.prior = prior(spec);
    this.shrinkage = spec.risk().shrinkage();
    this.ewma = new EwmaCovariance(n, spec.risk().ewmaLambda());
    this.window = new double[spec.risk().window()][n];
    this.last = new double[n];
    this.r = new double[n];
  }

  /** The prior covariance per step from annualised volatilities and the prior correlation. */
  public static double[][] prior(final PortfolioSpec spec) {
    final int n = spec.assets().size();
    final double spy = spec.risk().stepsPerYear();
    final double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        final double si = spec.assets().get(i).volatility();
        final double sj = spec.assets().get(j).volatility();
        c[i][j] = (i == j ? 1 : spec.risk().correlation()) * si * sj / spy;
      }
    }
    // A zero-volatility asset would make the matrix singular; keep a floor on the diagonal.
    for (int i = 0; i < n; i++) {
      c[i][i] = Math.max(c[i][i], 1e-10 / spy);
    }
    return c;
  }

  /** Folds in one price snapshot (all prices > 0). */
  public void onPrices(final double[] prices) {
    if (!primed) {
      System.arraycopy(prices, 0, last, 0, n);
      primed = true;
      return;
    }
    for (int i = 0; i < n; i++) {
      r[i] = Math.log(prices[i] / last[i]);
      last[i] = prices[i];
    }
    ewma.update(r);
    System.arraycopy(r, 0, window[seen % window.length], 0, n);
    seen++;
  }

  /** Returns observed. */
  public int seen() {
    return seen;
  }

  /** The current covariance per step. */
  public double[][] covariance() {
    if (seen < 2 * n) {
      return copy(prior);
    }
    if (Double.isNaN(shrinkage)) {
      final int t = Math.min(seen, window.length);
      final double[][] rows = new double[t][];
      for (int s = 0; s < t; s++) {
        rows[s] = window[s];
      }
      return LedoitWolf.constantCorrelation(rows).covariance();
    }
    final double[][] c = new double[n][n];
    double avgCorr = 0;
    int pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        c[i][j] = ewma.covariance(i, j);
        if (i < j) {
          final double rho = ewma.correlation(i, j);
          if (!Double.isNaN(rho)) {
            avgCorr += rho;
            pairs++;
          }
        }
      }
    }
    avgCorr = pairs == 0 ? 0 : avgCorr / pairs;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          final double target = avgCorr * Math.sqrt(c[i][i] * c[j][j]);
          c[i][j] = (1 - shrinkage) * c[i][j] + shrinkage * target;
        }
      }
      c[i][i] = Math.max(c[i][i], 1e-14);
    }
    return c;
  }

  private static double[][] copy(final double[][] m) {
    final double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }
}
