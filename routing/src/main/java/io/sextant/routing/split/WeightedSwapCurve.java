package io.sextant.routing.split;

import io.sextant.routing.math.balancer.BalancerWeightedPool;
import io.sextant.routing.math.balancer.WeightedFloat;

/**
 * A Balancer weighted pool between two of its tokens: {@code out(a) = B_o(1 − (B_i/(B_i+γa))^r)},
 * {@code r = w_i/w_o}, in base units (the scaling factors cancel in the ratio), capped by the
 * contract's MAX_IN_RATIO of 0.3 (a hair less, so that the exact math never reverts on it). The
 * formulas are {@link WeightedFloat}'s; this adapts them to the optimiser's {@link SwapCurve}.
 */
public final class WeightedSwapCurve extends SwapCurve {
  /** A hair inside the contract's 30% limit, so that the exact math never reverts on it. */
  private static final double CAP_MARGIN = 1.0 - 1e-9;

  private final BalancerWeightedPool pool;
  private final int in;
  private final int out;
  private double bi;
  private double wi;
  private double bo;
  private double wo;
  private double fee;
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
    wi = pool.weight(in).toDouble();
    wo = pool.weight(out).toDouble();
    fee = pool.swapFee().toDouble() / 1e18;
    cap = WeightedFloat.maxInput(bi, fee) * CAP_MARGIN;
  }

  @Override
  public double output(final double a) {
    return WeightedFloat.output(bi, wi, bo, wo, fee, Math.min(Math.max(a, 0.0), cap));
  }

  @Override
  public double capacity() {
    return cap;
  }

  @Override
  public double marginal(final double a) {
    return a >= cap ? 0.0 : WeightedFloat.marginal(bi, wi, bo, wo, fee, Math.max(a, 0.0));
  }

  @Override
  public double inputForMarginal(final double rho) {
    if (!(rho > 0.0)) {
      return cap;
    }
    return Math.min(WeightedFloat.inputAtMarginal(bi, wi, bo, wo, fee, rho), cap);
  }
}
