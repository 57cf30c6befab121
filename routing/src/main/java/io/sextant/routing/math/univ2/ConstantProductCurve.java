package io.sextant.routing.math.univ2;

/**
 * The constant-product curve in {@code double}, for the split optimiser (never for reported
 * amounts): output, marginal rate and its inverse for input reserve {@code x}, output reserve
 * {@code y} and fee multiplier {@code γ = 1 − fee}, all in base units.
 *
 * <p>{@code out(a) = γ·a·y / (x + γ·a)}, {@code out'(a) = γ·x·y / (x + γ·a)²}, decreasing, so the
 * inverse {@code a(λ) = (√(γ·x·y/λ) − x)/γ} exists wherever the spot rate {@code γ·y/x} exceeds λ.
 */
public final class ConstantProductCurve {
  private ConstantProductCurve() {}

  /** Output (units of the output token) for input {@code a ≥ 0}. */
  public static double output(final double a, final double x, final double y, final double gamma) {
    final double ga = gamma * a;
    return ga * y / (x + ga);
  }

  /** Marginal rate {@code d out / d a} at input {@code a} (output units per input unit). */
  public static double marginal(
      final double a, final double x, final double y, final double gamma) {
    final double d = x + gamma * a;
    return gamma * x * y / (d * d);
  }

  /**
   * The input at which the marginal rate falls to {@code lambda}; 0 when the spot marginal {@code
   * γ·y/x} is already at or below it (the pool should not be used at that price).
   */
  public static double inputForMarginal(
      final double lambda, final double x, final double y, final double gamma) {
    if (gamma * y <= lambda * x) {
      return 0.0;
    }
    final double a = (Math.sqrt(gamma * x * y / lambda) - x) / gamma;
    return a > 0.0 ? a : 0.0;
  }
}
