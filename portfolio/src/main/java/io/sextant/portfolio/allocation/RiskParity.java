package io.sextant.portfolio.allocation;

/**
 * Equal risk contribution (risk parity), long-only and fully invested: risk contributions {@code
 * RC_i = w_i (Σw)_i} all equal {@code wᵀΣw / n} (or proportional to given budgets b).
 *
 * <p>Solved through the convex reformulation of Spinu (2013) / Roncalli: minimise {@code ½ yᵀΣy − Σ
 * b_i ln y_i} over y &gt; 0, whose stationarity condition {@code y_i (Σy)_i = b_i} is the ERC
 * condition; then {@code w = y / Σy}. Cyclical coordinate descent (Griveau-Billion, Richard and
 * Roncalli 2013) solves each coordinate's quadratic in closed form: {@code y_i = (−a + √(a² + 4
 * Σ_ii b_i)) / (2 Σ_ii)} with {@code a = Σ_{j≠i} Σ_ij y_j}.
 */
public final class RiskParity {
  private RiskParity() {}

  /** Equal risk contributions for covariance {@code cov} (positive definite). */
  public static Allocation equalRiskContribution(final double[][] cov) {
    final double[] b = new double[cov.length];
    java.util.Arrays.fill(b, 1.0 / cov.length);
    return riskBudget(cov, b);
  }

  /** Risk contributions proportional to {@code budgets} (positive). */
  public static Allocation riskBudget(final double[][] cov, final double[] budgets) {
    final int n = cov.length;
    final double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 1.0 / Math.sqrt(cov[i][i]);
    }
    for (int sweep = 0; sweep < 10_000; sweep++) {
      double change = 0;
      for (int i = 0; i < n; i++) {
        double a = 0;
        for (int j = 0; j < n; j++) {
          if (j != i) {
            a += cov[i][j] * y[j];
          }
        }
        final double s = cov[i][i];
        final double next = (-a + Math.sqrt(a * a + 4 * s * budgets[i])) / (2 * s);
        change = Math.max(change, Math.abs(next - y[i]) / next);
        y[i] = next;
      }
      if (change < 1e-14) {
        break;
      }
    }
    double sum = 0;
    for (double v : y) {
      sum += v;
    }
    final double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = y[i] / sum;
    }
    return new Allocation(w, Double.NaN, Math.sqrt(Allocation.quadratic(cov, w)), Double.NaN);
  }

  /** Risk contributions {@code w_i (Σw)_i}; they sum to {@code wᵀΣw}. */
  public static double[] riskContributions(final double[][] cov, final double[] w) {
    final double[] rc = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += cov[i][j] * w[j];
      }
      rc[i] = w[i] * s;
    }
    return rc;
  }
}
