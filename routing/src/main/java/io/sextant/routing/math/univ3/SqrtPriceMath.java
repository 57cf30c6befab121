package io.sextant.routing.math.univ3;

import io.sextant.routing.math.u256.UInt256;

/**
 * Uniswap V3 {@code SqrtPriceMath}: the next Q64.96 square-root price after adding or removing an
 * amount of one token at constant liquidity, and the token amounts between two prices, with the
 * contract's rounding (prices rounded so a swap never passes its target; input amounts rounded up,
 * output amounts down, as the caller asks).
 *
 * <p>Square-root prices are Q64.96 (uint160), liquidity is uint128, amounts are token base units
 * (uint256); callers keep to those ranges, as the contract's types do. Every method writes {@code
 * dst} and returns {@code false} where the contract reverts (a failed {@code require}, an overflow,
 * a division by zero); {@code dst} may alias an argument. An instance holds scratch:
 * allocation-free after the first call, not thread-safe.
 */
public final class SqrtPriceMath {
  private static final int RESOLUTION = 96;

  private final UInt256 numerator1 = new UInt256();
  private final UInt256 product = new UInt256();
  private final UInt256 denominator = new UInt256();
  private final UInt256 q96 = new UInt256().setPowerOfTwo(RESOLUTION);
  private final UInt256 lower = new UInt256();
  private final UInt256 upper = new UInt256();
  private final UInt256 t = new UInt256();

  /**
   * The price after {@code amount} of token0 is added ({@code add}) or removed, rounded up: {@code
   * ⌈L·2^96·√P / (L·2^96 ± amount·√P)⌉}, or {@code ⌈L·2^96 / (L·2^96/√P + amount)⌉} when the
   * product overflows while adding.
   */
  public boolean getNextSqrtPriceFromAmount0RoundingUp(
      final UInt256 sqrtPX96,
      final UInt256 liquidity,
      final UInt256 amount,
      final boolean add,
      final UInt256 dst) {
    if (amount.isZero()) {
      dst.set(sqrtPX96);
      return true;
    }
    numerator1.shl(liquidity, RESOLUTION);
    final boolean productFits = product.mul(amount, sqrtPX96);
    if (add) {
      if (productFits && denominator.add(numerator1, product)) {
        return dst.mulDivRoundingUp(numerator1, sqrtPX96, denominator);
      }
      if (!denominator.div(numerator1, sqrtPX96) || !denominator.add(denominator, amount)) {
        return false;
      }
      return dst.divRoundingUp(numerator1, denominator);
    }
    // If the product overflows the denominator would underflow; both revert.
    if (!productFits || numerator1.compareTo(product) <= 0) {
      return false;
    }
    denominator.sub(numerator1, product);
    return dst.mulDivRoundingUp(numerator1, sqrtPX96, denominator) && dst.fitsBits(160);
  }

  /**
   * The price after {@code amount} of token1 is added or removed, rounded down: {@code √P ±
   * amount·2^96/L}, the quotient rounded down when adding and up when removing.
   */
  public boolean getNextSqrtPriceFromAmount1RoundingDown(
      final UInt256 sqrtPX96,
      final UInt256 liquidity,
      final UInt256 amount,
      final boolean add,
      final UInt256 dst) {
    // Below 2^160 the shifted amount fits 256 bits and a plain division is enough.
    final boolean small = amount.fitsBits(160);
    if (small) {
      t.shl(amount, RESOLUTION);
    }
    if (add) {
      final boolean ok = small ? t.div(t, liquidity) : t.mulDiv(amount, q96, liquidity);
      return ok && dst.add(sqrtPX96, t) && dst.fitsBits(160);
    }
    final boolean ok =
        small ? divRoundingUpUnsafe(t, liquidity) : t.mulDivRoundingUp(amount, q96, liquidity);
    if (!ok || sqrtPX96.compareTo(t) <= 0) {
      return false;
    }
    dst.sub(sqrtPX96, t);
    return true;
  }

  /** UnsafeMath.divRoundingUp: the EVM gives 0 for a zero divisor instead of reverting. */
  private boolean divRoundingUpUnsafe(final UInt256 x, final UInt256 y) {
    if (y.isZero()) {
      x.setZero();
      return true;
    }
    return x.divRoundingUp(x, y);
  }

  /**
   * The price after {@code amountIn} is sold into the pool: token0 ({@code zeroForOne}, price
   * falls, rounded up) or token1 (price rises, rounded down), so the target is never passed.
   * Requires {@code sqrtPX96 > 0} and {@code liquidity > 0}.
   */
  public boolean getNextSqrtPriceFromInput(
      final UInt256 sqrtPX96,
      final UInt256 liquidity,
      final UInt256 amountIn,
      final boolean zeroForOne,
      final UInt256 dst) {
    if (sqrtPX96.isZero() || liquidity.isZero()) {
      return false;
    }
    return zeroForOne
        ? getNextSqrtPriceFromAmount0RoundingUp(sqrtPX96, liquidity, amountIn, true, dst)
        : getNextSqrtPriceFromAmount1RoundingDown(sqrtPX96, liquidity, amountIn, true, dst);
  }

  /**
   * The price after {@code amountOut} is bought from the pool: token1 ({@code zeroForOne}, price
   * falls, rounded down) or token0 (price rises, rounded up), so the target is always reached.
   * Requires {@code sqrtPX96 > 0} and {@code liquidity > 0}.
   */
  public boolean getNextSqrtPriceFromOutput(
      final UInt256 sqrtPX96,
      final UInt256 liquidity,
      final UInt256 amountOut,
      final boolean zeroForOne,
      final UInt256 dst) {
    if (sqrtPX96.isZero() || liquidity.isZero()) {
      return false;
    }
    return zeroForOne
        ? getNextSqrtPriceFromAmount1RoundingDown(sqrtPX96, liquidity, amountOut, false, dst)
        : getNextSqrtPriceFromAmount0RoundingUp(sqrtPX96, liquidity, amountOut, false, dst);
  }

  /**
   * Token0 between two prices (either order): {@code L·2^96·(√B − √A) / (√B·√A)}, rounded up as
   * {@code ⌈⌈L·2^96·(√B−√A)/√B⌉/√A⌉} or down as the floors. Requires the lower price above 0.
   */
  public boolean getAmount0Delta(
      final UInt256 sqrtRatioAX96,
      final UInt256 sqrtRatioBX96,
      final UInt256 liquidity,
      final boolean roundUp,
      final UInt256 dst) {
    order(sqrtRatioAX96, sqrtRatioBX96);
    if (lower.isZero()) {
      return false;
    }
    numerator1.shl(liquidity, RESOLUTION);
    t.sub(upper, lower);
    if (roundUp) {
      return dst.mulDivRoundingUp(numerator1, t, upper) && dst.divRoundingUp(dst, lower);
    }
    return dst.mulDiv(numerator1, t, upper) && dst.div(dst, lower);
  }

  /** Token1 between two prices (either order): {@code L·(√B − √A) / 2^96}, rounded up or down. */
  public boolean getAmount1Delta(
      final UInt256 sqrtRatioAX96,
      final UInt256 sqrtRatioBX96,
      final UInt256 liquidity,
      final boolean roundUp,
      final UInt256 dst) {
    order(sqrtRatioAX96, sqrtRatioBX96);
    t.sub(upper, lower);
    return roundUp ? dst.mulDivRoundingUp(liquidity, t, q96) : dst.mulDiv(liquidity, t, q96);
  }

  private void order(final UInt256 a, final UInt256 b) {
    if (a.compareTo(b) > 0) {
      lower.set(b);
      upper.set(a);
    } else {
      lower.set(a);
      upper.set(b);
    }
  }
}
