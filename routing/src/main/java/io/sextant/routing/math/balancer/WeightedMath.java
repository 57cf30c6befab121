package io.sextant.routing.math.balancer;

import io.sextant.routing.math.u256.UInt256;

/**
 * Balancer V2 {@code WeightedMath.sol} swap functions on upscaled 18-decimal balances and
 * normalised weights (1e18 = 100%), rounding in the pool's favour: out rounds down, in rounds up.
 * Trades are limited to 30% of the balance they touch ({@code MAX_IN_RATIO}, {@code
 * MAX_OUT_RATIO}).
 *
 * <p>An instance holds its temporaries: allocation-free after warm-up, not thread-safe. On {@code
 * false}, {@link #failure()} names the contract's revert.
 */
public final class WeightedMath {
  /** 0.3 in 18-decimal fixed point. */
  public static final UInt256 MAX_IN_RATIO = UInt256.ofUnsignedLong(300_000_000_000_000_000L);

  /** 0.3 in 18-decimal fixed point. */
  public static final UInt256 MAX_OUT_RATIO = UInt256.ofUnsignedLong(300_000_000_000_000_000L);

  private final LogExpMath logExp = new LogExpMath();
  private final UInt256 limit = new UInt256();
  private final UInt256 base = new UInt256();
  private final UInt256 exponent = new UInt256();
  private final UInt256 power = new UInt256();
  private final UInt256 scratch = new UInt256();
  private String failure;

  /** Why the last call returned {@code false}. */
  public String failure() {
    return failure;
  }

  private boolean fail(final String reason) {
    failure = reason;
    return false;
  }

  /**
   * {@code out = bO·(1 − (bI/(bI+aI))^(wI/wO))}: base rounded up, exponent down, power up (per
   * {@code version}), product down. {@code out} may alias any input.
   */
  public boolean calcOutGivenIn(
      final UInt256 out,
      final UInt256 balanceIn,
      final UInt256 weightIn,
      final UInt256 balanceOut,
      final UInt256 weightOut,
      final UInt256 amountIn,
      final WeightedPoolVersion version) {
    if (!FixedPoint.mulDown(limit, balanceIn, MAX_IN_RATIO)) {
      return fail(BalancerErrors.MUL_OVERFLOW);
    }
    if (amountIn.compareTo(limit) > 0) {
      return fail(BalancerErrors.MAX_IN_RATIO);
    }
    if (!FixedPoint.add(scratch, balanceIn, amountIn)) {
      return fail(BalancerErrors.ADD_OVERFLOW);
    }
    if (!FixedPoint.divUp(base, balanceIn, scratch)) {
      return fail(FixedPoint.divFailure(scratch));
    }
    if (!FixedPoint.divDown(exponent, weightIn, weightOut)) {
      return fail(FixedPoint.divFailure(weightOut));
    }
    if (!FixedPoint.powUp(power, base, exponent, version.powShortcuts(), logExp, scratch)) {
      return fail(logExp.failure());
    }
    FixedPoint.complement(power, power);
    if (!FixedPoint.mulDown(out, balanceOut, power)) {
      return fail(BalancerErrors.MUL_OVERFLOW);
    }
    return true;
  }

  /**
   * {@code in = bI·((bO/(bO−aO))^(wO/wI) − 1)}: base, exponent, power and product all rounded up.
   * {@code in} may alias any input.
   */
  public boolean calcInGivenOut(
      final UInt256 in,
      final UInt256 balanceIn,
      final UInt256 weightIn,
      final UInt256 balanceOut,
      final UInt256 weightOut,
      final UInt256 amountOut,
      final WeightedPoolVersion version) {
    if (!FixedPoint.mulDown(limit, balanceOut, MAX_OUT_RATIO)) {
      return fail(BalancerErrors.MUL_OVERFLOW);
    }
    if (amountOut.compareTo(limit) > 0) {
      return fail(BalancerErrors.MAX_OUT_RATIO);
    }
    if (!FixedPoint.sub(scratch, balanceOut, amountOut)) {
      return fail(BalancerErrors.SUB_OVERFLOW);
    }
    if (!FixedPoint.divUp(base, balanceOut, scratch)) {
      return fail(FixedPoint.divFailure(scratch));
    }
    if (!FixedPoint.divUp(exponent, weightOut, weightIn)) {
      return fail(FixedPoint.divFailure(weightIn));
    }
    if (!FixedPoint.powUp(power, base, exponent, version.powShortcuts(), logExp, scratch)) {
      return fail(logExp.failure());
    }
    if (!FixedPoint.sub(power, power, FixedPoint.ONE)) {
      return fail(BalancerErrors.SUB_OVERFLOW);
    }
    if (!FixedPoint.mulUp(in, balanceIn, power)) {
      return fail(BalancerErrors.MUL_OVERFLOW);
    }
    return true;
  }
}
