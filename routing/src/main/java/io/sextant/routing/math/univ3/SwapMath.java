package io.sextant.routing.math.univ3;

import io.sextant.routing.math.u256.UInt256;

/**
 * Uniswap V3 {@code SwapMath.computeSwapStep}: one swap step at constant liquidity from the current
 * price toward a target price, exact input or exact output, with the fee in pips (hundredths of a
 * basis point, {@code 3000} = 0.3%).
 *
 * <p>The step's results stay in this instance's public holders until the next call: {@link
 * #sqrtRatioNextX96} (Q64.96), {@link #amountIn} (rounded up), {@link #amountOut} (rounded down,
 * capped at the remaining output when exact output) and {@link #feeAmount} (rounded up, or the
 * whole unused input when an exact-input step stops short of its target). Allocation-free after the
 * first call; not thread-safe.
 */
public final class SwapMath {
  /** One million pips: a fee of 100%. */
  public static final int PIPS = 1_000_000;

  /** Square-root price after the step, Q64.96. */
  public final UInt256 sqrtRatioNextX96 = new UInt256();

  /** Input taken by the step before the fee, in base units of the input token. */
  public final UInt256 amountIn = new UInt256();

  /** Output paid by the step, in base units of the output token. */
  public final UInt256 amountOut = new UInt256();

  /** Fee taken by the step, in base units of the input token. */
  public final UInt256 feeAmount = new UInt256();

  private final SqrtPriceMath sqrtPriceMath;
  private final UInt256 magnitude = new UInt256();
  private final UInt256 lessFee = new UInt256();
  private final UInt256 feeHolder = new UInt256();
  private final UInt256 complement = new UInt256();
  private final UInt256 pips = new UInt256().setUnsignedLong(PIPS);

  /** A stepper with its own {@link SqrtPriceMath}. */
  public SwapMath() {
    this(new SqrtPriceMath());
  }

  /** A stepper sharing a {@link SqrtPriceMath} owned by the same thread. */
  public SwapMath(final SqrtPriceMath sqrtPriceMath) {
    this.sqrtPriceMath = sqrtPriceMath;
  }

  /** The {@link SqrtPriceMath} this stepper uses. */
  public SqrtPriceMath sqrtPriceMath() {
    return sqrtPriceMath;
  }

  /**
   * The contract's signature: {@code amountRemaining} is an {@code int256}, non-negative for exact
   * input, negative for exact output (its magnitude is the output still wanted). Returns {@code
   * false} where the contract reverts.
   */
  public boolean computeSwapStep(
      final UInt256 sqrtRatioCurrentX96,
      final UInt256 sqrtRatioTargetX96,
      final UInt256 liquidity,
      final UInt256 amountRemaining,
      final int feePips) {
    final boolean exactIn = !amountRemaining.isNegative();
    if (exactIn) {
      magnitude.set(amountRemaining);
    } else {
      magnitude.negate(amountRemaining); // −int256.min reads as 2^255, as uint256(−x) does
    }
    return step(sqrtRatioCurrentX96, sqrtRatioTargetX96, liquidity, magnitude, exactIn, feePips);
  }

  /**
   * As {@link #computeSwapStep} with the remaining amount given as a magnitude and a direction
   * flag: {@code amountRemaining} is the input still to sell ({@code exactIn}) or the output still
   * to buy. The direction of the swap is {@code zeroForOne = current ≥ target}.
   */
  public boolean step(
      final UInt256 sqrtRatioCurrentX96,
      final UInt256 sqrtRatioTargetX96,
      final UInt256 liquidity,
      final UInt256 amountRemaining,
      final boolean exactIn,
      final int feePips) {
    final SqrtPriceMath m = sqrtPriceMath;
    final UInt256 next = sqrtRatioNextX96;
    final boolean zeroForOne = sqrtRatioCurrentX96.compareTo(sqrtRatioTargetX96) >= 0;
    complement.setUnsignedLong(PIPS - feePips);
    if (exactIn) {
      if (!lessFee.mulDiv(amountRemaining, complement, pips)) {
        return false;
      }
      final boolean ok =
          zeroForOne
              ? m.getAmount0Delta(
                  sqrtRatioTargetX96, sqrtRatioCurrentX96, liquidity, true, amountIn)
              : m.getAmount1Delta(
                  sqrtRatioCurrentX96, sqrtRatioTargetX96, liquidity, true, amountIn);
      if (!ok) {
        return false;
      }
      if (lessFee.compareTo(amountIn) >= 0) {
        next.set(sqrtRatioTargetX96);
      } else if (!m.getNextSqrtPriceFromInput(
          sqrtRatioCurrentX96, liquidity, lessFee, zeroForOne, next)) {
        return false;
      }
    } else {
      final boolean ok =
          zeroForOne
              ? m.getAmount1Delta(
                  sqrtRatioTargetX96, sqrtRatioCurrentX96, liquidity, false, amountOut)
              : m.getAmount0Delta(
                  sqrtRatioCurrentX96, sqrtRatioTargetX96, liquidity, false, amountOut);
      if (!ok) {
        return false;
      }
      if (amountRemaining.compareTo(amountOut) >= 0) {
        next.set(sqrtRatioTargetX96);
      } else if (!m.getNextSqrtPriceFromOutput(
          sqrtRatioCurrentX96, liquidity, amountRemaining, zeroForOne, next)) {
        return false;
      }
    }

    final boolean max = sqrtRatioTargetX96.eq(next);
    // Recompute whichever amount the target-reaching shortcut did not already give.
    if (zeroForOne) {
      if (!(max && exactIn)
          && !m.getAmount0Delta(next, sqrtRatioCurrentX96, liquidity, true, amountIn)) {
        return false;
      }
      if (!(max && !exactIn)
          && !m.getAmount1Delta(next, sqrtRatioCurrentX96, liquidity, false, amountOut)) {
        return false;
      }
    } else {
      if (!(max && exactIn)
          && !m.getAmount1Delta(sqrtRatioCurrentX96, next, liquidity, true, amountIn)) {
        return false;
      }
      if (!(max && !exactIn)
          && !m.getAmount0Delta(sqrtRatioCurrentX96, next, liquidity, false, amountOut)) {
        return false;
      }
    }

    if (!exactIn && amountOut.compareTo(amountRemaining) > 0) {
      amountOut.set(amountRemaining);
    }

    if (exactIn && !max) {
      // The target was not reached: the rest of the input is the fee (wrapping, as in 0.7).
      feeAmount.sub(amountRemaining, amountIn);
      return true;
    }
    feeHolder.setUnsignedLong(feePips);
    return feeAmount.mulDivRoundingUp(amountIn, feeHolder, complement);
  }
}
