package io.sextant.portfolio.allocation;

/**
 * An optimiser's answer.
 *
 * @param weights fractions of portfolio value per asset
 * @param expectedReturn {@code μᵀw} per period (NaN when no μ was given)
 * @param volatility {@code √(wᵀΣw)} per √period
 * @param riskAversion the risk aversion γ at which the mean–variance problem was finally solved (≥
 *     the one asked for when a volatility target binds); NaN for other optimisers
 */
public record Allocation(
    double[] weights, double expectedReturn, double volatility, double riskAversion) {

  static double quadratic(final double[][] cov, final double[] w) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        s += w[i] * cov[i][j] * w[j];
      }
    }
    return s;
  }

  static double dot(final double[] a, final double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
