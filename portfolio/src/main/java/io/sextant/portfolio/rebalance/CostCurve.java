package io.sextant.portfolio.rebalance;

/**
 * Execution cost of one direction of one asset against the quote asset, as a function of the
 * notional traded (numeraire units valued at reference prices).
 *
 * <p>Two views of the same samples: {@link #fitted} is the convex model the optimiser uses, {@code
 * gas + linear·x + quadratic·x²} with {@code linear, quadratic ≥ 0} (non-negative least squares on
 * the sampled cost fractions {@code c(x)/x − gas/x ≈ linear + quadratic·x}, weighted equally per
 * sample); {@link #sampled} interpolates the router's exact results (cost fraction linear in {@code
 * log x} between samples, beyond the last sample extended along the fit), which is what the
 * backtester charges. A sample at which no route could take the amount is recorded as a total loss
 * (cost fraction 1).
 *
 * @param gas gas cost of one trade, numeraire
 * @param linear cost per unit notional that does not grow with size (fees, spread), ≥ 0
 * @param quadratic price-impact coefficient, numeraire⁻¹, ≥ 0
 * @param notionals sampled notionals, ascending, numeraire
 * @param fractions sampled slippage (cost net of gas over notional) at each notional
 */
public record CostCurve(
    double gas, double linear, double quadratic, double[] notionals, double[] fractions) {

  /** A curve with no cost at all (the quote asset against itself, or a frictionless market). */
  public static CostCurve free() {
    return new CostCurve(0, 0, 0, new double[] {1}, new double[] {0});
  }

  /** Cost fraction beyond which samples stop informing the fit (the pools are being drained). */
  public static final double FIT_LIMIT = 0.1;

  /**
   * Fits {@code linear} and {@code quadratic} to the samples (gas given separately): the samples up
   * to and including the first whose cost fraction exceeds {@link #FIT_LIMIT}, so that sizes no
   * rebalancer would trade (a pool drained to its last percent) do not bend the fit where trades
   * happen, while the first such sample keeps the impact term conservative.
   */
  public static CostCurve fit(
      final double gas, final double[] notionals, final double[] fractions) {
    int n = 0;
    while (n < notionals.length && (n < 2 || fractions[n - 1] <= FIT_LIMIT)) {
      n++;
    }
    // Least squares of f = a + b·x, then the non-negativity active sets of the 2-variable NNLS.
    double sx = 0;
    double sf = 0;
    double sxx = 0;
    double sxf = 0;
    for (int i = 0; i < n; i++) {
      sx += notionals[i];
      sf += fractions[i];
      sxx += notionals[i] * notionals[i];
      sxf += notionals[i] * fractions[i];
    }
    final double det = n * sxx - sx * sx;
    double a = det != 0 ? (sxx * sf - sx * sxf) / det : sf / n;
    double b = det != 0 ? (n * sxf - sx * sf) / det : 0;
    if (a < 0 || b < 0) {
      // Candidates on the boundary: b only (a = 0), a only (b = 0); keep the better feasible one.
      final double bOnly = sxx > 0 ? Math.max(0, sxf / sxx) : 0;
      final double aOnly = Math.max(0, sf / n);
      final double errB = sse(0, bOnly, notionals, fractions, n);
      final double errA = sse(aOnly, 0, notionals, fractions, n);
      if (errB < errA) {
        a = 0;
        b = bOnly;
      } else {
        a = aOnly;
        b = 0;
      }
    }
    return new CostCurve(gas, a, b, notionals.clone(), fractions.clone());
  }

  private static double sse(
      final double a, final double b, final double[] x, final double[] f, final int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      final double e = a + b * x[i] - f[i];
      s += e * e;
    }
    return s;
  }

  /**
   * The curve with a favourable offset at the smallest sample removed: when the snapshot's pool
   * pays better than the reference price (a negative cost fraction at the smallest size, a gap
   * between the two prices rather than a property of the pool), every fraction is raised by that
   * gap, so a backtest that models the pool/reference gap separately does not count it twice.
   */
  public CostCurve withoutFavourableOffset() {
    final double gap = fractions[0];
    if (gap >= 0) {
      return this;
    }
    final double[] f = fractions.clone();
    for (int i = 0; i < f.length; i++) {
      f[i] -= gap;
    }
    return fit(gas, notionals, f);
  }

  /** Convex model cost of trading {@code notional} (> 0), gas included, numeraire. */
  public double fitted(final double notional) {
    return notional <= 0 ? 0 : gas + notional * (linear + quadratic * notional);
  }

  /** Model cost without gas (the convex part), numeraire. */
  public double slippage(final double notional) {
    return notional <= 0 ? 0 : notional * (linear + quadratic * notional);
  }

  /**
   * The router's sampled cost of trading {@code notional}, interpolated, gas included, numeraire;
   * never more than the notional plus gas.
   */
  public double sampled(final double notional) {
    if (notional <= 0) {
      return 0;
    }
    final int n = notionals.length;
    double f;
    if (notional <= notionals[0]) {
      f = fractions[0];
    } else if (notional >= notionals[n - 1]) {
      f = fractions[n - 1] + quadratic * (notional - notionals[n - 1]);
    } else {
      int i = 1;
      while (notionals[i] < notional) {
        i++;
      }
      final double t =
          Math.log(notional / notionals[i - 1]) / Math.log(notionals[i] / notionals[i - 1]);
      f = fractions[i - 1] + t * (fractions[i] - fractions[i - 1]);
    }
    return gas + notional * Math.min(1.0, f);
  }

  /**
   * Largest notional whose impact part {@code quadratic·x} (the average slippage above the
   * size-independent fees) stays within {@code maxImpact}; {@code +∞} without impact.
   */
  public double maxNotionalForImpact(final double maxImpact) {
    return quadratic > 0 ? maxImpact / quadratic : Double.POSITIVE_INFINITY;
  }
}
