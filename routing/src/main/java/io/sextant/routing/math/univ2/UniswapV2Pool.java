package io.sextant.routing.math.univ2;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A Uniswap V2 pair (or a fork with another fee) as an {@link ExactPool}: tokens 0 and 1, reserves
 * in base units (uint112, nonzero) and a fee {@code feeNumerator/feeDenominator}. Quotes follow
 * {@link UniswapV2Math}; {@link #apply} adds the input to one reserve and takes the output from the
 * other, as the pair's {@code _update} does.
 *
 * <p>{@link #reset} is the cold-path factory: it validates and throws {@link
 * IllegalArgumentException} whose message starts with the offending field ({@code "reserve1:
 * zero"}). Not thread-safe; nothing allocates after construction.
 */
public final class UniswapV2Pool implements ExactPool {
  /** Failure reason for a token index other than 0 or 1, or equal indices. */
  public static final String BAD_TOKEN_INDEX = "UniswapV2Pool: token index";

  private final UInt256 reserve0 = new UInt256();
  private final UInt256 reserve1 = new UInt256();
  private long feeNumerator;
  private long feeDenominator;

  /** An empty pool; call {@link #reset} before use. */
  public UniswapV2Pool() {}

  /** Cold path: a validated pool; see {@link #reset(UInt256, UInt256, long, long)}. */
  public static UniswapV2Pool of(
      final UInt256 reserve0,
      final UInt256 reserve1,
      final long feeNumerator,
      final long feeDenominator) {
    return new UniswapV2Pool().reset(reserve0, reserve1, feeNumerator, feeDenominator);
  }

  /** Cold path: a validated pool with a decimal fee such as CoW's {@code "0.003"}. */
  public static UniswapV2Pool of(final UInt256 reserve0, final UInt256 reserve1, final String fee) {
    return new UniswapV2Pool().reset(reserve0, reserve1, fee);
  }

  /**
   * Cold path: validates and takes the state. Reserves must be nonzero and at most 2^112 − 1; the
   * fee must satisfy {@code 0 ≤ feeNumerator < feeDenominator ≤ MAX_FEE_DENOMINATOR}.
   *
   * @throws IllegalArgumentException naming the field ({@code reserve0}, {@code reserve1}, {@code
   *     fee}) on bad input; the pool is then unchanged
   */
  public UniswapV2Pool reset(
      final UInt256 reserve0,
      final UInt256 reserve1,
      final long feeNumerator,
      final long feeDenominator) {
    checkReserve("reserve0", reserve0);
    checkReserve("reserve1", reserve1);
    if (feeDenominator <= 0 || feeDenominator > UniswapV2Math.MAX_FEE_DENOMINATOR) {
      throw new IllegalArgumentException(
          "fee: denominator " + feeDenominator + " outside (0, 1e18]");
    }
    if (feeNumerator < 0 || feeNumerator >= feeDenominator) {
      throw new IllegalArgumentException(
          "fee: " + feeNumerator + "/" + feeDenominator + " outside [0, 1)");
    }
    this.reserve0.set(reserve0);
    this.reserve1.set(reserve1);
    this.feeNumerator = feeNumerator;
    this.feeDenominator = feeDenominator;
    return this;
  }

  /**
   * Cold path: as {@link #reset(UInt256, UInt256, long, long)} with a decimal fee, {@code "0.003"}
   * → 3/1000, {@code "0.0025"} → 25/10000 (at most 18 decimals).
   */
  public UniswapV2Pool reset(final UInt256 reserve0, final UInt256 reserve1, final String fee) {
    final long[] nd = parseFee(fee);
    return reset(reserve0, reserve1, nd[0], nd[1]);
  }

  /**
   * Cold path: a decimal fee in [0, 1) as {numerator, denominator} with denominator {@code
   * 10^scale}; throws {@link IllegalArgumentException} naming {@code fee} otherwise.
   */
  public static long[] parseFee(final String fee) {
    final BigDecimal f;
    try {
      f = new BigDecimal(fee.trim());
    } catch (final NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("fee: not a decimal: " + fee, e);
    }
    if (f.signum() < 0 || f.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("fee: " + fee + " outside [0, 1)");
    }
    final BigDecimal s = f.stripTrailingZeros();
    final int scale = Math.max(s.scale(), 0);
    if (scale > 18) {
      throw new IllegalArgumentException("fee: " + fee + " has more than 18 decimals");
    }
    final BigInteger num = s.movePointRight(scale).toBigIntegerExact();
    return new long[] {num.longValueExact(), BigInteger.TEN.pow(scale).longValueExact()};
  }

  private static void checkReserve(final String field, final UInt256 reserve) {
    if (reserve == null) {
      throw new IllegalArgumentException(field + ": missing");
    }
    if (reserve.isZero()) {
      throw new IllegalArgumentException(field + ": zero");
    }
    if (!reserve.fitsBits(UniswapV2Math.RESERVE_BITS)) {
      throw new IllegalArgumentException(field + ": " + reserve + " exceeds uint112");
    }
  }

  @Override
  public int tokenCount() {
    return 2;
  }

  @Override
  public boolean exactIn(final int in, final int out, final UInt256 amountIn, final SwapResult r) {
    r.reset();
    if (!validPair(in, out)) {
      return r.fail(BAD_TOKEN_INDEX);
    }
    return UniswapV2Math.getAmountOut(
        amountIn, reserve(in), reserve(out), feeNumerator, feeDenominator, r);
  }

  @Override
  public boolean exactOut(
      final int in, final int out, final UInt256 amountOut, final SwapResult r) {
    r.reset();
    if (!validPair(in, out)) {
      return r.fail(BAD_TOKEN_INDEX);
    }
    return UniswapV2Math.getAmountIn(
        amountOut, reserve(in), reserve(out), feeNumerator, feeDenominator, r);
  }

  @Override
  public void apply(final int in, final int out, final SwapResult r) {
    final UInt256 rin = reserve(in);
    final UInt256 rout = reserve(out);
    rin.add(rin, r.amountIn);
    rout.sub(rout, r.amountOut);
  }

  private static boolean validPair(final int in, final int out) {
    return (in == 0 && out == 1) || (in == 1 && out == 0);
  }

  private UInt256 reserve(final int token) {
    return token == 0 ? reserve0 : reserve1;
  }

  /** Reserve of token 0 in base units; a live view, do not modify. */
  public UInt256 reserve0() {
    return reserve0;
  }

  /** Reserve of token 1 in base units; a live view, do not modify. */
  public UInt256 reserve1() {
    return reserve1;
  }

  /** Fee numerator n of the fee n/d. */
  public long feeNumerator() {
    return feeNumerator;
  }

  /** Fee denominator d of the fee n/d. */
  public long feeDenominator() {
    return feeDenominator;
  }

  /** The fee multiplier γ = 1 − n/d as a double, for the optimiser. */
  public double gamma() {
    return (double) (feeDenominator - feeNumerator) / feeDenominator;
  }

  @Override
  public String toString() {
    return "UniswapV2Pool["
        + reserve0
        + ", "
        + reserve1
        + ", fee "
        + feeNumerator
        + "/"
        + feeDenominator
        + "]";
  }
}
