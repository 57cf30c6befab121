package io.sextant.routing.math.balancer;

/**
 * Floating-point companion of a weighted pool for the split optimiser: output, marginal rate and
 * inverse marginal of one pair, in base units of the tokens (the scaling factors cancel out).
 * Approximate by design; the exact amounts come from {@link BalancerWeightedPool}.
 *
 * <p>With {@code γ = 1 − fee} and {@code r = wIn / wOut}: {@code out(a) = bO·(1 − (bI/(bI +
 * γa))^r)}, {@code out'(a) = (bO·r·γ/bI)·(bI/(bI + γa))^(r+1)}. Inputs are capped at the pool's 30%
 * limit {@link #maxInput}. Stateless and allocation-free.
 */
public final class WeightedFloat {
  /**
   * Below this magnitude {@link #expm1} and {@link #log1p} sum their Taylor series (seven terms:
   * the first term left out is below 1e-21 relative); above it the intrinsic {@code exp} and {@code
   * log} lose at most about three of sixteen digits to cancellation (1e-13 relative), far inside
   * the optimiser's tolerance.
   */
  private static final double SMALL = 1e-3;

  private WeightedFloat() {}

  /**
   * {@code e^z − 1}. {@link Math#expm1} and {@link Math#log1p} are not JIT intrinsics (they run
   * FdLibm in Java) and took a quarter of the router's time on the embedded auction.
   */
  static double expm1(final double z) {
    if (Math.abs(z) < SMALL) {
      return z * (1 + z / 2 * (1 + z / 3 * (1 + z / 4 * (1 + z / 5 * (1 + z / 6 * (1 + z / 7))))));
    }
    return Math.exp(z) - 1.0;
  }

  /** {@code ln(1 + u)}; see {@link #expm1}. */
  static double log1p(final double u) {
    if (Math.abs(u) < SMALL) {
      return u
          * (1
              - u
                  * (1.0 / 2
                      - u * (1.0 / 3 - u * (1.0 / 4 - u * (1.0 / 5 - u * (1.0 / 6 - u / 7))))));
    }
    return Math.log(1.0 + u);
  }

  /** Largest input (base units, fee included) the pool accepts: {@code 0.3·bI / γ}. */
  public static double maxInput(final double balanceIn, final double fee) {
    return 0.3 * balanceIn / (1.0 - fee);
  }

  /** Output for {@code amountIn}, base units of the output token. */
  public static double output(
      final double balanceIn,
      final double weightIn,
      final double balanceOut,
      final double weightOut,
      final double fee,
      final double amountIn) {
    final double g = 1.0 - fee;
    return -balanceOut * expm1(-(weightIn / weightOut) * log1p(g * amountIn / balanceIn));
  }

  /** Marginal output per unit of input at input {@code amountIn}. */
  public static double marginal(
      final double balanceIn,
      final double weightIn,
      final double balanceOut,
      final double weightOut,
      final double fee,
      final double amountIn) {
    final double g = 1.0 - fee;
    final double r = weightIn / weightOut;
    return balanceOut * r * g / balanceIn * Math.exp(-(r + 1.0) * log1p(g * amountIn / balanceIn));
  }

  /**
   * The input at which the marginal falls to {@code lambda} (closed form), clamped to [0, {@link
   * #maxInput}]: {@code bI + γa = bI·(bO·r·γ / (λ·bI))^(1/(r+1))}.
   */
  public static double inputAtMarginal(
      final double balanceIn,
      final double weightIn,
      final double balanceOut,
      final double weightOut,
      final double fee,
      final double lambda) {
    final double g = 1.0 - fee;
    final double r = weightIn / weightOut;
    final double spot = balanceOut * r * g / balanceIn;
    if (!(lambda < spot)) {
      return 0.0;
    }
    final double a = balanceIn * expm1(Math.log(spot / lambda) / (r + 1.0)) / g;
    return Math.min(a, maxInput(balanceIn, fee));
  }
}
