package io.sextant.portfolio.risk;

/**
 * Value at risk and conditional value at risk (expected shortfall). All figures are positive losses
 * in the units of the returns given (dimensionless return per horizon); multiply by the portfolio
 * value for currency. Confidence levels are in (0, 1), e.g. 0.99.
 *
 * <p>Historical convention: with losses sorted ascending {@code L(1) ≤ … ≤ L(N)} and {@code k =
 * ⌈Nα⌉}, {@code VaR = L(k)} (the smallest loss whose empirical CDF reaches α), and {@code CVaR =
 * [Σ_{i>k} L(i) + (k − Nα) L(k)] / (N(1 − α))} (Acerbi &amp; Tasche 2002, "On the coherence of
 * expected shortfall", eq. for the discrete case), which is the mean of the worst {@code N(1 − α)}
 * losses when that count is whole.
 *
 * <p>Gaussian: returns ~ N(μ, σ²) ⇒ {@code VaR = −μ + σ z_α}, {@code CVaR = −μ + σ φ(z_α)/(1 − α)}.
 */
public final class ValueAtRisk {
  private ValueAtRisk() {}

  /** Historical VaR from the first {@code n} entries of {@code sortedLosses}, ascending. */
  public static double historicalVaR(
      final double[] sortedLosses, final int n, final double confidence) {
    checkConfidence(confidence);
    return sortedLosses[rank(n, confidence) - 1];
  }

  /** Historical CVaR from the first {@code n} entries of {@code sortedLosses}, ascending. */
  public static double historicalCVaR(
      final double[] sortedLosses, final int n, final double confidence) {
    checkConfidence(confidence);
    final int k = rank(n, confidence);
    double tail = 0.0;
    for (int i = k; i < n; i++) {
      tail += sortedLosses[i];
    }
    tail += (k - n * confidence) * sortedLosses[k - 1];
    return tail / (n * (1.0 - confidence));
  }

  /** Gaussian VaR for a return with mean {@code mean} and standard deviation {@code sigma}. */
  public static double gaussianVaR(final double mean, final double sigma, final double confidence) {
    checkConfidence(confidence);
    return -mean + sigma * normalQuantile(confidence);
  }

  /** Gaussian CVaR for a return with mean {@code mean} and standard deviation {@code sigma}. */
  public static double gaussianCVaR(
      final double mean, final double sigma, final double confidence) {
    checkConfidence(confidence);
    final double z = normalQuantile(confidence);
    return -mean + sigma * normalDensity(z) / (1.0 - confidence);
  }

  /** Standard normal density φ(x). */
  public static double normalDensity(final double x) {
    return Math.exp(-0.5 * x * x) / Math.sqrt(2.0 * Math.PI);
  }

  /**
   * Standard normal quantile Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation (relative
   * error below 1.15e-9), followed by one Halley step on Φ computed with {@link #normalCdf}.
   */
  public static double normalQuantile(final double p) {
    if (!(p > 0.0 && p < 1.0)) {
      throw new IllegalArgumentException("p must be in (0, 1): " + p);
    }
    final double pLow = 0.02425;
    double x;
    if (p < pLow) {
      final double q = Math.sqrt(-2 * Math.log(p));
      x =
          (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6)
              / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
    } else if (p <= 1 - pLow) {
      final double q = p - 0.5;
      final double r = q * q;
      x =
          (((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6)
              * q
              / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
    } else {
      final double q = Math.sqrt(-2 * Math.log1p(-p));
      x =
          -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6)
              / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
    }
    // One Halley refinement step.
    final double e = normalCdf(x) - p;
    final double u = e * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
    return x - u / (1 + 0.5 * x * u);
  }

  /**
   * Standard normal CDF Φ(x), through erfc: its power series for |x/√2| &lt; 2 and a Lentz
   * continued fraction beyond, about 1e-13 relative in the tail.
   */
  public static double normalCdf(final double x) {
    return 0.5 * erfc(-x / Math.sqrt(2.0));
  }

  private static double erfc(final double x) {
    final double z = Math.abs(x);
    double r;
    if (z < 2.0) {
      // erf series: erf(z) = 2/√π Σ (−1)^n z^(2n+1) / (n! (2n+1)).
      double term = z;
      double sum = z;
      final double z2 = z * z;
      for (int n = 1; n < 60; n++) {
        term *= -z2 / n;
        final double add = term / (2 * n + 1);
        sum += add;
        if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
          break;
        }
      }
      r = 1.0 - 2.0 / Math.sqrt(Math.PI) * sum;
    } else {
      // Continued fraction (Lentz) for erfc(z) = exp(−z²)/√π · 1/(z + 1/2/(z + 1/(z + 3/2/(z +
      // …)))).
      final double tiny = 1e-300;
      double f = z;
      double c = z;
      double d = 0.0;
      for (int n = 1; n < 300; n++) {
        final double a = n * 0.5;
        d = z + a * d;
        d = d == 0 ? tiny : d;
        c = z + a / c;
        c = c == 0 ? tiny : c;
        d = 1.0 / d;
        final double delta = c * d;
        f *= delta;
        if (Math.abs(delta - 1.0) < 1e-16) {
          break;
        }
      }
      r = Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
    }
    return x >= 0 ? r : 2.0 - r;
  }

  private static int rank(final int n, final double confidence) {
    if (n < 1) {
      throw new IllegalArgumentException("no observations");
    }
    // ⌈Nα⌉ with a guard against Nα landing a hair above an integer through rounding.
    final double na = n * confidence;
    int k = (int) Math.ceil(na - 1e-9);
    return Math.max(1, Math.min(n, k));
  }

  private static void checkConfidence(final double confidence) {
    if (!(confidence > 0.0 && confidence < 1.0)) {
      throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
    }
  }

  private static final double A1 = -3.969683028665376e+01;
  private static final double A2 = 2.209460984245205e+02;
  private static final double A3 = -2.759285104469687e+02;
  private static final double A4 = 1.383577518672690e+02;
  private static final double A5 = -3.066479806614716e+01;
  private static final double A6 = 2.506628277459239e+00;
  private static final double B1 = -5.447609879822406e+01;
  private static final double B2 = 1.615858368580409e+02;
  private static final double B3 = -1.556989798598866e+02;
  private static final double B4 = 6.680131188771972e+01;
  private static final double B5 = -1.328068155288572e+01;
  private static final double C1 = -7.784894002430293e-03;
  private static final double C2 = -3.223964580411365e-01;
  private static final double C3 = -2.400758277161838e+00;
  private static final double C4 = -2.549671010283257e+00;
  private static final double C5 = 4.374664141464968e+00;
  private static final double C6 = 2.938163982698783e+00;
  private static final double D1 = 7.784695709041462e-03;
  private static final double D2 = 3.224671290700398e-01;
  private static final double D3 = 2.445134137142996e+00;
  private static final double D4 = 3.754408661907416e+00;
}
