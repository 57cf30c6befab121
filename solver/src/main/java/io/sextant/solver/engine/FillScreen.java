package io.sextant.solver.engine;

import io.sextant.feeds.cow.CowOrder;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Decides, from a few gas-free probes of the route finder, that no fill of an order can respect its
 * limit, so that the order is never routed in earnest (on the embedded auction most orders).
 *
 * <p>Let S and B be the order's sell and buy amounts, L = B/S its limit rate and F its least fee
 * (sell token). Every fill, sell or buy, routes some input {@code y ≤ S − F} and needs {@code
 * out(y) ≥ L·(y + F)}: a sell fill of x routes x − F and must buy B·x/S; a buy fill of b must pay
 * {@code in(b) + F ≤ S·b/B}. A fill-or-kill order has only {@code y = S − F}. For a partially
 * fillable one, {@code out} (the gas-free optimum over all pools) is concave and 0 at 0, so each
 * probe at input {@code yᵢ} bounds it from above everywhere:
 *
 * <ul>
 *   <li>with the optimum's marginal rate mᵢ there: the tangent {@code outᵢ + mᵢ·(y − yᵢ)};
 *   <li>without it: {@code outᵢ} below yᵢ and the ray {@code (outᵢ/yᵢ)·y} beyond.
 * </ul>
 *
 * The smallest of these bounds less the limit is piecewise linear in y, so it is largest at a
 * breakpoint. This is Kelley's cutting-plane method on a concave function: while that largest value
 * is positive but no probe yet meets the limit, the next probe goes where the bound is largest (but
 * never below a millionth of S), starting from one at {@code S − F}, up to {@link #MAX_PROBES}
 * probes in all. The order is dropped when the bound falls below 0. Probes come from the router's
 * rounded, finalised optimum, so outputs are widened by {@link #SLACK} and marginal rates narrowed
 * by it.
 *
 * <p>Per request; not thread-safe.
 */
final class FillScreen {
  /** Probes per partially fillable order at most. */
  static final int MAX_PROBES = 4;

  /** Relative widening of the probes. */
  static final double SLACK = 1e-4;

  /** The small probe sells this fraction of the order's sell amount (at least one unit). */
  private static final BigInteger SMALL_FRACTION = BigInteger.valueOf(1_000_000);

  private final RouteFinder finder;
  private final double[] in = new double[MAX_PROBES];
  private final double[] out = new double[MAX_PROBES];
  private final double[] slope = new double[MAX_PROBES];
  private int probes;
  private double argmax;

  FillScreen(final RouteFinder finder) {
    this.finder = finder;
  }

  /**
   * Whether no fill of {@code o} (sell token {@code sell}, buy token {@code buy}, least fee {@code
   * fee} in the sell token) can respect its limit.
   */
  boolean cannotFill(final CowOrder o, final int sell, final int buy, final BigInteger fee) {
    final BigInteger top = o.sellAmount().subtract(fee);
    if (top.signum() <= 0) {
      return true;
    }
    probes = 0;
    if (!probe(sell, buy, top)) {
      return false;
    }
    final double b = o.buyAmount().doubleValue();
    if (!o.partiallyFillable()) {
      return out[0] < b * (1.0 - SingleOrderSolver.BOUND_SLACK);
    }
    final double small = o.sellAmount().divide(SMALL_FRACTION).max(BigInteger.ONE).doubleValue();
    final double limit = b / o.sellAmount().doubleValue();
    final double f = fee.doubleValue();
    while (true) {
      for (int i = 0; i < probes; i++) {
        if (out[i] >= limit * (in[i] + f)) {
          return false; // a gas-free route meets the limit: worth routing in earnest
        }
      }
      final double most = largest(in[0], limit, f);
      if (most < -SingleOrderSolver.BOUND_SLACK * b) {
        return true;
      }
      // Next probe where the bound is largest, but never below the small size.
      final double next = argmax >= small ? argmax : small;
      if (probes == MAX_PROBES || !(next < in[0]) || near(next)) {
        return false;
      }
      if (!probe(sell, buy, new BigDecimal(next).toBigInteger().max(BigInteger.ONE))) {
        return false;
      }
    }
  }

  private boolean near(final double y) {
    for (int i = 0; i < probes; i++) {
      if (Math.abs(y - in[i]) <= 1e-6 * in[i]) {
        return true;
      }
    }
    return false;
  }

  private boolean probe(final int sell, final int buy, final BigInteger amountIn) {
    final RouteFinder.Probe p = finder.probe(sell, buy, amountIn);
    if (p == null || !(p.amountOut() > 0.0)) {
      return false;
    }
    in[probes] = p.amountIn();
    out[probes] = p.amountOut() * (1.0 + SLACK);
    slope[probes] = p.marginal() > 0.0 ? p.marginal() * (1.0 - SLACK) : Double.NaN;
    probes++;
    return true;
  }

  /** The bound on the output at input {@code y}: the smallest over the probes. */
  double bound(final double y) {
    double u = Double.POSITIVE_INFINITY;
    for (int i = 0; i < probes; i++) {
      final double v =
          Double.isNaN(slope[i])
              ? (y <= in[i] ? out[i] : out[i] / in[i] * y)
              : out[i] + slope[i] * (y - in[i]);
      u = Math.min(u, v);
    }
    return u;
  }

  /**
   * The largest of {@code bound(y) − limit·(y + fee)} over {@code 0 < y ≤ top}, its place in {@link
   * #argmax}: checked at the ends, at every probe and where any two pieces cross.
   */
  double largest(final double top, final double limit, final double fee) {
    double best = Double.NEGATIVE_INFINITY;
    argmax = Double.NaN;
    for (int i = 0; i < probes; i++) {
      best = consider(in[i], top, limit, fee, best);
      for (int pi = 0; pi < 2; pi++) {
        for (int j = i + 1; j < probes; j++) {
          for (int pj = 0; pj < 2; pj++) {
            final double ai = intercept(i, pi);
            final double si = gradient(i, pi);
            final double aj = intercept(j, pj);
            final double sj = gradient(j, pj);
            if (si != sj) {
              best = consider((aj - ai) / (si - sj), top, limit, fee, best);
            }
          }
        }
      }
    }
    best = consider(0.0, top, limit, fee, best);
    return consider(top, top, limit, fee, best);
  }

  /** Piece {@code k} (0 or 1) of probe {@code i}'s bound as a line: its value at 0. */
  private double intercept(final int i, final int k) {
    if (!Double.isNaN(slope[i])) {
      return out[i] - slope[i] * in[i];
    }
    return k == 0 ? out[i] : 0.0;
  }

  /** Piece {@code k} of probe {@code i}'s bound as a line: its slope. */
  private double gradient(final int i, final int k) {
    if (!Double.isNaN(slope[i])) {
      return slope[i];
    }
    return k == 0 ? 0.0 : out[i] / in[i];
  }

  private double consider(
      final double y, final double top, final double limit, final double fee, final double best) {
    if (!(y >= 0.0 && y <= top)) {
      return best;
    }
    final double v = bound(y) - limit * (y + fee);
    if (v > best) {
      argmax = y;
      return v;
    }
    return best;
  }
}
