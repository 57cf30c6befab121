package io.sextant.routing.math.univ2;

import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;

/**
 * Uniswap V2 constant-product quotes, integer for integer what {@code
 * UniswapV2Library.getAmountOut} and {@code getAmountIn} compute, generalised to any fee given as
 * the rational {@code feeNumerator/feeDenominator} (CoW's {@code "0.003"} is 3/1000, as in the
 * library's 997/1000; a fee written 30/10000 gives the same integers, because the formulas are
 * floors of the same rationals).
 *
 * <p>Amounts and reserves are in base units of their tokens. Besides the library's own checks, a
 * quote fails where the pair itself would revert: an output of zero, an output at or above the
 * reserve, and a trade that leaves a reserve above {@code 2^112 − 1} ({@code UniswapV2: OVERFLOW}).
 * Reserves must be uint112 and the fee denominator at most {@link #MAX_FEE_DENOMINATOR}; then no
 * intermediate overflows (products run through a 512-bit {@code mulDiv}), so the results equal the
 * contract's wherever the contract does not revert.
 *
 * <p>Stateless; the methods use {@code result}'s concentrated-liquidity holders ({@code
 * sqrtPriceAfterX96}, {@code liquidityAfter}) as scratch and allocate nothing after warm-up.
 */
public final class UniswapV2Math {
  /** Library revert: zero input. */
  public static final String INSUFFICIENT_INPUT_AMOUNT =
      "UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT";

  /** Library revert: zero output requested, or the pair's check that the output is not zero. */
  public static final String INSUFFICIENT_OUTPUT_AMOUNT =
      "UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT";

  /** Library revert: a zero reserve. */
  public static final String INSUFFICIENT_LIQUIDITY = "UniswapV2Library: INSUFFICIENT_LIQUIDITY";

  /** Pair revert: the requested output is at or above the output reserve. */
  public static final String PAIR_INSUFFICIENT_LIQUIDITY = "UniswapV2: INSUFFICIENT_LIQUIDITY";

  /** Pair revert: a reserve would exceed uint112 after the trade. */
  public static final String OVERFLOW = "UniswapV2: OVERFLOW";

  /** Largest fee denominator accepted: keeps every intermediate product below 2^256. */
  public static final long MAX_FEE_DENOMINATOR = 1_000_000_000_000_000_000L;

  /** Bits of a V2 reserve (uint112). */
  public static final int RESERVE_BITS = 112;

  private UniswapV2Math() {}

  /**
   * Output for exactly {@code amountIn}: {@code ⌊in·(d−n)·Rout / (Rin·d + in·(d−n))⌋}, rounded down
   * like the library. On success {@code result.amountIn = amountIn} and {@code result.amountOut}
   * holds the output; otherwise {@code false} and {@code result.failure()} names the revert. {@code
   * amountIn} may be {@code result.amountIn}.
   *
   * @param feeNumerator fee numerator n, {@code 0 ≤ n < d}
   * @param feeDenominator fee denominator d, {@code 0 < d ≤ MAX_FEE_DENOMINATOR}
   */
  public static boolean getAmountOut(
      final UInt256 amountIn,
      final UInt256 reserveIn,
      final UInt256 reserveOut,
      final long feeNumerator,
      final long feeDenominator,
      final SwapResult result) {
    if (amountIn.isZero()) {
      return result.fail(INSUFFICIENT_INPUT_AMOUNT);
    }
    if (reserveIn.isZero() || reserveOut.isZero()) {
      return result.fail(INSUFFICIENT_LIQUIDITY);
    }
    final UInt256 out = result.amountOut;
    final UInt256 den = result.sqrtPriceAfterX96;
    final UInt256 sum = result.liquidityAfter;
    // The new input reserve must stay uint112; checking first also bounds every product below.
    if (!sum.add(reserveIn, amountIn) || !sum.fitsBits(RESERVE_BITS)) {
      return result.fail(OVERFLOW);
    }
    result.amountIn.set(amountIn);
    out.mulUnsignedLong(amountIn, feeDenominator - feeNumerator); // amountInWithFee < 2^112 · 2^60
    den.mulUnsignedLong(reserveIn, feeDenominator);
    den.add(den, out);
    out.mulDiv(out, reserveOut, den); // rounds down
    if (out.isZero()) {
      return result.fail(INSUFFICIENT_OUTPUT_AMOUNT);
    }
    return true;
  }

  /**
   * Input needed for exactly {@code amountOut}: {@code ⌊Rin·out·d / ((Rout−out)·(d−n))⌋ + 1}, the
   * library's rounding (always one above the floor, even when the division is exact). On success
   * {@code result.amountOut = amountOut} and {@code result.amountIn} holds the input; otherwise
   * {@code false} with the revert. {@code amountOut} may be {@code result.amountOut}.
   *
   * @param feeNumerator fee numerator n, {@code 0 ≤ n < d}
   * @param feeDenominator fee denominator d, {@code 0 < d ≤ MAX_FEE_DENOMINATOR}
   */
  public static boolean getAmountIn(
      final UInt256 amountOut,
      final UInt256 reserveIn,
      final UInt256 reserveOut,
      final long feeNumerator,
      final long feeDenominator,
      final SwapResult result) {
    if (amountOut.isZero()) {
      return result.fail(INSUFFICIENT_OUTPUT_AMOUNT);
    }
    if (reserveIn.isZero() || reserveOut.isZero()) {
      return result.fail(INSUFFICIENT_LIQUIDITY);
    }
    if (amountOut.compareTo(reserveOut) >= 0) {
      return result.fail(PAIR_INSUFFICIENT_LIQUIDITY);
    }
    final UInt256 in = result.amountIn;
    final UInt256 den = result.sqrtPriceAfterX96;
    final UInt256 num = result.liquidityAfter;
    result.amountOut.set(amountOut);
    num.sub(reserveOut, amountOut);
    den.mulUnsignedLong(num, feeDenominator - feeNumerator); // (Rout − out)·(d − n) < 2^172
    num.mul(reserveIn, amountOut); // < 2^224
    in.setUnsignedLong(feeDenominator);
    in.mulDiv(num, in, den); // rounds down, then the library's +1
    in.addUnsignedLong(in, 1);
    if (!num.add(reserveIn, in) || !num.fitsBits(RESERVE_BITS)) {
      return result.fail(OVERFLOW);
    }
    return true;
  }
}
