package io.sextant.routing.split;

import io.sextant.routing.math.balancer.BalancerWeightedPool;

/**
 * A Balancer weighted pool between two of its tokens: {@code out(a) = B_o(1 − (B_i/(B_i+γa))^r)},
 * {@code r = w_i/w_o}, in base units (the scaling factors cancel in the ratio), capped by the
 * contract's MAX_IN_RATIO of 0.3 (a hair less, so that the exact math never reverts on it).
 */
public final class WeightedSwapCurve extends SwapCurve {
  private static final double MAX_IN_RATIO = 0.3 * (1.0 - 1e-9);
  private final BalancerWeightedPool pool;
  private final int in;
  private final int out;
  private double bi;
  private double bo;
  private double r;
  private double gamma;
  private double cap;

  /** The curve selling token {@code in} of {@code pool} for token {@code out}. */
  public WeightedSwapCurve(final BalancerWeightedPool pool, final int in, final int out) {
    this.pool = pool;
    this.in = in;
    this.out = out;
    refresh();
  }

  @Override
  public void refresh() {
    bi = pool.balance(in).toDouble();
    bo = pool.balance(out).toDouble();
    r = pool.weight(in).toDouble() / pool.weight(out).toDouble();
    gamma = 1.0 - pool.swapFee().toDouble() / 1e18;
    cap = MAX_IN_RATIO * bi / gamma;
  }

  @Override
  public double output(final double a) {
    final double x = Math.min(Math.max(a, 0.0), cap);
    return bo * -Math.expm1(r * Math.log(bi / (bi + gamma * x)));
  }

  @Override
  public double capacity() {
    return cap;
  }

  @Override
  public double marginal(final double a) {
    if (a >= cap) {
      return 0.0;
    }
    final double x = Math.max(a, 0.0);
    return bo * r * gamma / bi * Math.pow(bi / (bi + gamma * x), r + 1.0);
  }

  @Override
  public double inputForMarginal(final double rho) {
    final double spot = bo * r * gamma / bi;
    if (spot <= rho) {
      return 0.0;
    }
    if (!(rho > 0.0)) {
      return cap;
    }
    final double u = Math.pow(rho / spot, 1.0 / (r + 1.0));
    return Math.min((bi / u - bi) / gamma, cap);
  }
}
