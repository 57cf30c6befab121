package io.sextant.routing.split;

/**
 * One direction of one pool as a concave curve in {@code double}, for the split optimiser (never
 * for reported amounts): input and output in base units of the input and output token, the input
 * gross of the fee. {@link #refresh} re-reads the pool's state; the other methods allocate nothing.
 *
 * <p>Subclasses give {@link #output} and {@link #capacity}; the marginal and its inverse default to
 * a central difference and a bisection, and are overridden with closed forms where they exist.
 */
public abstract class SwapCurve {
  /** Re-reads the pool's state into the curve's doubles; call after the pool changed. */
  public abstract void refresh();

  /** Output for input {@code x ≥ 0}; constant beyond {@link #capacity()}. */
  public abstract double output(double x);

  /** Largest input the pool accepts (base units of the input token), possibly infinite. */
  public abstract double capacity();

  /** Marginal rate {@code d output / d x} at {@code x}, output units per input unit. */
  public double marginal(final double x) {
    final double cap = capacity();
    if (x >= cap) {
      return 0.0;
    }
    final double h = Math.max(Math.abs(x) * 1e-7, 1e-3);
    final double lo = Math.max(x - h, 0.0);
    final double hi = Math.min(x + h, cap);
    return (output(hi) - output(lo)) / (hi - lo);
  }

  /** Marginal rate at zero input. */
  public double spot() {
    return marginal(0.0);
  }

  /**
   * The input at which the marginal falls to {@code rho}: 0 if the spot marginal is at or below it,
   * {@link #capacity()} if the marginal never falls that far. Default: the root of {@code
   * marginal(x) − rho} inside a bracket, by the Illinois variant of regula falsi (superlinear, one
   * marginal per step; the bracket shrinks every step, and a step that fails to halve it is
   * followed by a bisection), to {@code 1e-13} relative in {@code x} or {@code 1e-14} in the rate.
   * It replaced a 200-step bisection (most of the router's time on stable pools).
   */
  public double inputForMarginal(final double rho) {
    if (spot() <= rho) {
      return 0.0;
    }
    double hi = capacity();
    if (Double.isInfinite(hi)) {
      hi = 1.0;
      while (marginal(hi) > rho && hi < 1e60) {
        hi *= 4.0;
      }
    } else if (marginal(hi * (1.0 - 1e-12)) > rho) {
      return hi;
    }
    double lo = 0.0;
    // f(x) = marginal(x) − rho: positive at lo, at most 0 at hi.
    double fLo = spot() - rho;
    double fHi = marginal(hi) - rho;
    int side = 0;
    for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
      final double width = hi - lo;
      double x = fLo - fHi > 0.0 ? lo + width * (fLo / (fLo - fHi)) : 0.5 * (lo + hi);
      if (!(x > lo && x < hi)) {
        x = 0.5 * (lo + hi);
      }
      final double fx = marginal(x) - rho;
      if (Math.abs(fx) <= 1e-14 * rho) {
        return x;
      }
      if (fx > 0.0) {
        lo = x;
        fLo = fx;
        if (side == 1) {
          fHi *= 0.5; // Illinois: the end kept twice in a row weighs half
        }
        side = 1;
      } else {
        hi = x;
        fHi = fx;
        if (side == -1) {
          fLo *= 0.5;
        }
        side = -1;
      }
      if (hi - lo > 0.5 * width) {
        // Slow progress: one bisection step.
        final double mid = 0.5 * (lo + hi);
        final double fm = marginal(mid) - rho;
        if (fm > 0.0) {
          lo = mid;
          fLo = fm;
        } else {
          hi = mid;
          fHi = fm;
        }
        side = 0;
      }
    }
    return 0.5 * (lo + hi);
  }
}
