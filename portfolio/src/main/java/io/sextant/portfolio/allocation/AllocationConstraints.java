package io.sextant.portfolio.allocation;

import java.util.Arrays;

/**
 * Constraints on a weight vector of {@code n} assets.
 *
 * @param lower per-asset lower bounds (fractions of value), or null for none (shorts unbounded)
 * @param upper per-asset upper bounds, or null for none
 * @param fullyInvested whether {@code Σ w = 1}
 * @param current current weights, required when {@code turnoverCap} is finite
 * @param turnoverCap maximum {@code Σ |w − current|} (one-way turnover counts both legs), or {@code
 *     +∞} for none
 * @param targetVolatility maximum portfolio volatility {@code √(wᵀΣw)}, per √period, or {@code +∞}
 *     for none
 */
public record AllocationConstraints(
    double[] lower,
    double[] upper,
    boolean fullyInvested,
    double[] current,
    double turnoverCap,
    double targetVolatility) {

  /** Validates the shapes and values. */
  public AllocationConstraints {
    if (turnoverCap < 0 || Double.isNaN(turnoverCap)) {
      throw new IllegalArgumentException("turnoverCap must be >= 0: " + turnoverCap);
    }
    if (Double.isFinite(turnoverCap) && current == null) {
      throw new IllegalArgumentException("a turnover cap needs current weights");
    }
    if (!(targetVolatility > 0)) {
      throw new IllegalArgumentException("targetVolatility must be > 0: " + targetVolatility);
    }
  }

  /** No constraints at all (the closed-form unconstrained problem). */
  public static AllocationConstraints none() {
    return new AllocationConstraints(
        null, null, false, null, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** Fully invested, no other constraint. */
  public static AllocationConstraints fullyInvestedOnly() {
    return new AllocationConstraints(
        null, null, true, null, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** Fully invested, long-only: {@code 0 ≤ w_i ≤ 1}. */
  public static AllocationConstraints longOnly(final int n) {
    final double[] one = new double[n];
    Arrays.fill(one, 1.0);
    return new AllocationConstraints(
        new double[n], one, true, null, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** Copy with per-asset bounds. */
  public AllocationConstraints withBounds(final double[] lo, final double[] hi) {
    return new AllocationConstraints(lo, hi, fullyInvested, current, turnoverCap, targetVolatility);
  }

  /** Copy with a turnover cap relative to {@code currentWeights}. */
  public AllocationConstraints withTurnoverCap(final double[] currentWeights, final double cap) {
    return new AllocationConstraints(
        lower, upper, fullyInvested, currentWeights, cap, targetVolatility);
  }

  /** Copy with a volatility ceiling. */
  public AllocationConstraints withTargetVolatility(final double vol) {
    return new AllocationConstraints(lower, upper, fullyInvested, current, turnoverCap, vol);
  }

  /**
   * Whether {@code w} satisfies the linear constraints within {@code tol} (volatility excluded).
   */
  public boolean admitsLinear(final double[] w, final double tol) {
    double sum = 0;
    double turnover = 0;
    for (int i = 0; i < w.length; i++) {
      if (lower != null && w[i] < lower[i] - tol) {
        return false;
      }
      if (upper != null && w[i] > upper[i] + tol) {
        return false;
      }
      sum += w[i];
      if (current != null) {
        turnover += Math.abs(w[i] - current[i]);
      }
    }
    if (fullyInvested && Math.abs(sum - 1) > tol) {
      return false;
    }
    return !Double.isFinite(turnoverCap) || turnover <= turnoverCap + tol;
  }
}
