package io.sextant.routing.math.univ3;

import io.sextant.routing.math.u256.UInt256;

/**
 * Uniswap V3 {@code TickMath}: the Q64.96 square-root price at a tick, {@code √(1.0001^tick)·2^96}
 * rounded up, and its inverse, the greatest tick whose price is at or below a given square-root
 * price. Bit for bit the contract's algorithm (the 20 hard-coded Q128.128 factors and the 14-bit
 * log2 refinement), so the two functions agree with the chain at every input.
 *
 * <p>An instance holds its scratch holders: allocation-free after the first call, not thread-safe.
 */
public final class TickMath {
  /** Smallest tick: {@code getSqrtRatioAtTick} is defined on [MIN_TICK, MAX_TICK]. */
  public static final int MIN_TICK = -887272;

  /** Largest tick. */
  public static final int MAX_TICK = 887272;

  /** {@code getSqrtRatioAtTick(MIN_TICK)}: 4295128739. */
  public static final long MIN_SQRT_RATIO = 4295128739L;

  /** Returned by {@link #getTickAtSqrtRatio} where the contract reverts with 'R'. */
  public static final int INVALID_TICK = Integer.MIN_VALUE;

  // MAX_SQRT_RATIO = 1461446703485210103287273052203988822378723970342, limbs low first.
  private static final long MAX_SQRT_RATIO_0 = 0x5d951d5263988d26L;
  private static final long MAX_SQRT_RATIO_1 = 0xefd1fc6a50648849L;
  private static final long MAX_SQRT_RATIO_2 = 0x00000000fffd8963L;

  /** Q128.128 factors 1/√1.0001^(2^k), k = 0..19: high and low 64 bits. */
  private static final long[] FACTOR_HI = {
    0xfffcb933bd6fad37L, 0xfff97272373d4132L, 0xfff2e50f5f656932L, 0xffe5caca7e10e4e6L,
    0xffcb9843d60f6159L, 0xff973b41fa98c081L, 0xff2ea16466c96a38L, 0xfe5dee046a99a2a8L,
    0xfcbe86c7900a88aeL, 0xf987a7253ac41317L, 0xf3392b0822b70005L, 0xe7159475a2c29b74L,
    0xd097f3bdfd2022b8L, 0xa9f746462d870fdfL, 0x70d869a156d2a1b8L, 0x31be135f97d08fd9L,
    0x09aa508b5b7a84e1L, 0x005d6af8dedb8119L, 0x00002216e584f5faL, 0x00000000048a1703L
  };

  private static final long[] FACTOR_LO = {
    0xaa2d162d1a594001L, 0x59a46990580e213aL, 0xef12357cf3c7fdccL, 0x1c3624eaa0941cd0L,
    0xc9db58835c926644L, 0x472e6896dfb254c0L, 0x43ec78b326b52861L, 0x11c461f1969c3053L,
    0xdcffc83b479aa3a4L, 0x6f2b074cf7815e54L, 0x940c7a398e4b70f3L, 0x43b29c7fa6e889d9L,
    0x845ad8f792aa5825L, 0x8a65dc1f90e061e5L, 0x90bb3df62baf32f7L, 0x81231505542fcfa6L,
    0xc677de54f3e99bc9L, 0x6699c329225ee604L, 0x1ea926041bedfe98L, 0x91f7dc42444e8fa2L
  };

  /** log2 → log_√1.0001 factor 255738958999603826347141 (Q128.128 after the multiply). */
  private static final long LOG_SQRT10001_0 = 0xa301d71055774c85L;

  private static final long LOG_SQRT10001_1 = 0x0000000000003627L;

  /** Error bounds: 3402992956809132418596140100660247210 below, 2913394647...8495 above. */
  private static final long TICK_LOW_0 = 0x5af012a19d003aaaL;

  private static final long TICK_LOW_1 = 0x028f6481ab7f045aL;
  private static final long TICK_HI_0 = 0x455e260799a0632fL;
  private static final long TICK_HI_1 = 0xdb2df09e81959a81L;

  private final UInt256 ratio = new UInt256();
  private final UInt256 factor = new UInt256();
  private final UInt256 r = new UInt256();
  private final UInt256 log2 = new UInt256();
  private final UInt256 bound = new UInt256();
  private final UInt256 check = new UInt256();

  /**
   * A direct-mapped memo of getSqrtRatioAtTick, a pure function: a swap asks for the same few ticks
   * again and again (the next word boundary, the verification in getTickAtSqrtRatio), and so does a
   * router evaluating one pool at many amounts. Prices are below 2^160: three limbs.
   */
  private static final int MEMO_SIZE = 64;

  private final int[] memoTick = new int[MEMO_SIZE];
  private final long[] memoLimbs = new long[3 * MEMO_SIZE];

  /** A tick-math instance with empty scratch. */
  public TickMath() {
    java.util.Arrays.fill(memoTick, INVALID_TICK); // INVALID_TICK is outside [MIN_TICK, MAX_TICK]
  }

  /** Sets {@code dst} to MIN_SQRT_RATIO and returns it. */
  public static UInt256 minSqrtRatio(final UInt256 dst) {
    return dst.setUnsignedLong(MIN_SQRT_RATIO);
  }

  /** Sets {@code dst} to MAX_SQRT_RATIO = getSqrtRatioAtTick(MAX_TICK) and returns it. */
  public static UInt256 maxSqrtRatio(final UInt256 dst) {
    return dst.setLimbs(MAX_SQRT_RATIO_0, MAX_SQRT_RATIO_1, MAX_SQRT_RATIO_2, 0);
  }

  /** Whether {@code sqrtPriceX96} is in [MIN_SQRT_RATIO, MAX_SQRT_RATIO), the domain of prices. */
  public static boolean isValidSqrtRatio(final UInt256 sqrtPriceX96) {
    if (sqrtPriceX96.compareToUnsignedLong(MIN_SQRT_RATIO) < 0) {
      return false;
    }
    final long l3 = sqrtPriceX96.limb(3);
    final long l2 = sqrtPriceX96.limb(2);
    if (l3 != 0 || l2 != MAX_SQRT_RATIO_2) {
      return l3 == 0 && Long.compareUnsigned(l2, MAX_SQRT_RATIO_2) < 0;
    }
    final long l1 = sqrtPriceX96.limb(1);
    if (l1 != MAX_SQRT_RATIO_1) {
      return Long.compareUnsigned(l1, MAX_SQRT_RATIO_1) < 0;
    }
    return Long.compareUnsigned(sqrtPriceX96.limb(0), MAX_SQRT_RATIO_0) < 0;
  }

  /**
   * {@code dst = √(1.0001^tick)·2^96} as Q64.96, rounded up (so that {@link #getTickAtSqrtRatio} of
   * the result is {@code tick}); {@code false} where the contract reverts with 'T' (|tick| >
   * MAX_TICK). {@code dst} must not be one of this instance's holders.
   */
  public boolean getSqrtRatioAtTick(final int tick, final UInt256 dst) {
    final int absTick = tick < 0 ? -tick : tick;
    if (absTick > MAX_TICK) {
      return false;
    }
    final int slot = tick & (MEMO_SIZE - 1);
    final int at = 3 * slot;
    if (memoTick[slot] == tick) {
      dst.setLimbs(memoLimbs[at], memoLimbs[at + 1], memoLimbs[at + 2], 0);
      return true;
    }
    computeSqrtRatioAtTick(tick, absTick, dst);
    memoTick[slot] = tick;
    memoLimbs[at] = dst.limb(0);
    memoLimbs[at + 1] = dst.limb(1);
    memoLimbs[at + 2] = dst.limb(2);
    return true;
  }

  private void computeSqrtRatioAtTick(final int tick, final int absTick, final UInt256 dst) {
    if (absTick == 0) {
      dst.setPowerOfTwo(96); // ratio = 2^128, exactly 2^96 after the shift
      return;
    }
    // The contract starts from ratio = 2^128 (or factor 0) and folds in factor k for each set bit
    // k as ratio = ratio·factor >> 128. Every factor is below 2^128, so after the first factor the
    // ratio stays below 2^128 and fits two longs; ratio·2^128 >> 128 is the factor itself.
    int bits = absTick;
    int k = Integer.numberOfTrailingZeros(bits);
    long hi = FACTOR_HI[k];
    long lo = FACTOR_LO[k];
    bits &= bits - 1;
    while (bits != 0) {
      k = Integer.numberOfTrailingZeros(bits);
      bits &= bits - 1;
      // ⌊(hi·β + lo)·(fHi·β + fLo) / β²⌋: the top two limbs of the exact 256-bit product.
      final long fHi = FACTOR_HI[k];
      final long fLo = FACTOR_LO[k];
      final long h00 = Math.unsignedMultiplyHigh(lo, fLo);
      final long l01 = lo * fHi;
      final long h01 = Math.unsignedMultiplyHigh(lo, fHi);
      final long l10 = hi * fLo;
      final long h10 = Math.unsignedMultiplyHigh(hi, fLo);
      final long l11 = hi * fHi;
      final long h11 = Math.unsignedMultiplyHigh(hi, fHi);
      // Limb 1 = h00 + l01 + l10: only its carries matter.
      final long m1 = h00 + l01;
      long c = Long.compareUnsigned(m1, l01) < 0 ? 1 : 0;
      c += Long.compareUnsigned(m1 + l10, l10) < 0 ? 1 : 0;
      // Limb 2 = h01 + h10 + l11 + c, limb 3 = h11 + its carries.
      final long s1 = h01 + h10;
      long c2 = Long.compareUnsigned(s1, h10) < 0 ? 1 : 0;
      final long s2 = s1 + l11;
      c2 += Long.compareUnsigned(s2, l11) < 0 ? 1 : 0;
      final long s3 = s2 + c;
      c2 += Long.compareUnsigned(s3, c) < 0 ? 1 : 0;
      lo = s3;
      hi = h11 + c2;
    }
    if (tick > 0) {
      // ratio = (2^256 − 1) / ratio, which may exceed 128 bits.
      factor.setMax();
      ratio.setLimbs(lo, hi, 0, 0);
      ratio.div(factor, ratio);
      // Q128.128 → Q128.96, rounding up.
      final boolean inexact = (ratio.low64() & 0xFFFF_FFFFL) != 0;
      dst.shr(ratio, 32);
      if (inexact) {
        dst.addUnsignedLong(dst, 1);
      }
      return;
    }
    // Q128.128 → Q128.96, rounding up; below 2^96, so the increment cannot carry out of limb 1.
    dst.setLimbs((hi << 32) | (lo >>> 32), hi >>> 32, 0, 0);
    if ((lo & 0xFFFF_FFFFL) != 0) {
      dst.addUnsignedLong(dst, 1);
    }
  }

  // Guard band of the floating-point estimate, in ticks. Its error is below 1e-9 tick (price to
  // double: 2^-52 relative; Math.log within 1 ulp of |ln p| <= 111; times 1/ln(sqrt(1.0001)) ~
  // 2e4).
  // A tick's Q64.96 price is the real one rounded up to an integer (after Q128.128 products good to
  // ~1e-37 relative): up to one unit, i.e. 2e4 / p ticks, which matters near MIN_SQRT_RATIO; the
  // band adds four times that. A price outside the band has the same floor in both worlds.
  private static final double ESTIMATE_GUARD = 1e-6;
  private static final double LN_2_96 = 96 * Math.log(2);
  private static final double TICKS_PER_LN = 2 / Math.log(1.0001);

  /**
   * The tick of {@code sqrtPriceX96} by floating point, for validation fast paths: when it returns
   * a tick, that is exactly {@link #getTickAtSqrtRatio}'s answer; it returns {@link #INVALID_TICK}
   * when the price lies within about {@value #ESTIMATE_GUARD} tick of a tick boundary (where only
   * the exact algorithm decides) or outside the domain. Static, allocation-free, about one {@code
   * Math.log}.
   */
  public static int estimateTickAtSqrtRatio(final UInt256 sqrtPriceX96) {
    if (!isValidSqrtRatio(sqrtPriceX96)) {
      return INVALID_TICK;
    }
    // Prices are below 2^160: the top 64 significant bits, scaled, are within 2^-52 of the value.
    final long l2 = sqrtPriceX96.limb(2);
    final long l1 = sqrtPriceX96.limb(1);
    final long l0 = sqrtPriceX96.limb(0);
    final double p;
    if (l2 != 0) {
      final int z = Long.numberOfLeadingZeros(l2);
      final long top = (l2 << z) | (z == 0 ? 0 : l1 >>> (64 - z));
      p = Math.scalb(unsignedToDouble(top), 128 - z);
    } else if (l1 != 0) {
      final int z = Long.numberOfLeadingZeros(l1);
      final long top = (l1 << z) | (z == 0 ? 0 : l0 >>> (64 - z));
      p = Math.scalb(unsignedToDouble(top), 64 - z);
    } else {
      p = unsignedToDouble(l0);
    }
    final double t = (Math.log(p) - LN_2_96) * TICKS_PER_LN;
    final double floor = Math.floor(t);
    final double frac = t - floor;
    final double guard = ESTIMATE_GUARD + 4 * TICKS_PER_LN / p;
    if (frac < guard || frac > 1 - guard) {
      return INVALID_TICK;
    }
    return (int) floor;
  }

  private static double unsignedToDouble(final long v) {
    final double d = (double) (v >>> 1) * 2.0;
    return d + (v & 1);
  }

  /**
   * The greatest tick whose square-root price is at or below {@code sqrtPriceX96}; {@link
   * #INVALID_TICK} where the contract reverts with 'R' (price outside [MIN_SQRT_RATIO,
   * MAX_SQRT_RATIO)).
   */
  public int getTickAtSqrtRatio(final UInt256 sqrtPriceX96) {
    if (!isValidSqrtRatio(sqrtPriceX96)) {
      return INVALID_TICK;
    }
    ratio.shl(sqrtPriceX96, 32);
    final int msb = ratio.bitLength() - 1;
    if (msb >= 128) {
      r.shr(ratio, msb - 127);
    } else {
      r.shl(ratio, 127 - msb);
    }
    // log_2 as a signed 64.64 number: integer part msb − 128, fraction filled below.
    final long integerPart = msb - 128;
    long fraction = 0;
    // r in [2^127, 2^128) on two longs; each round squares it exactly (r² < 2^256 on four limbs
    // p3..p0) and keeps r² >> 127, or r² >> 128 when that would reach 2^128 (the fraction bit).
    long rHi = r.limb(1);
    long rLo = r.limb(0);
    for (int bit = 63; bit >= 50; bit--) {
      final long h00 = Math.unsignedMultiplyHigh(rLo, rLo);
      final long crossLo = rLo * rHi;
      final long crossHi = Math.unsignedMultiplyHigh(rLo, rHi);
      final long l11 = rHi * rHi;
      final long h11 = Math.unsignedMultiplyHigh(rHi, rHi);
      // r² = rHi²·β² + 2·rLo·rHi·β + rLo²
      final long twiceLo = crossLo << 1;
      final long p1 = h00 + twiceLo;
      final long c1 = Long.compareUnsigned(p1, twiceLo) < 0 ? 1 : 0;
      final long twiceHi = (crossHi << 1) | (crossLo >>> 63);
      final long t = l11 + twiceHi;
      long c2 = Long.compareUnsigned(t, twiceHi) < 0 ? 1 : 0;
      final long p2 = t + c1;
      c2 += Long.compareUnsigned(p2, c1) < 0 ? 1 : 0;
      final long p3 = h11 + (crossHi >>> 63) + c2;
      if (p3 < 0) {
        // Bit 255 of r² is bit 128 of r² >> 127.
        fraction |= 1L << bit;
        rHi = p3;
        rLo = p2;
      } else {
        rHi = (p3 << 1) | (p2 >>> 63);
        rLo = (p2 << 1) | (p1 >>> 63);
      }
    }
    final long ext = integerPart >> 63;
    log2.setLimbs(fraction, integerPart, ext, ext);
    factor.setLimbs(LOG_SQRT10001_0, LOG_SQRT10001_1, 0, 0);
    log2.mul(log2, factor); // two's complement product, |value| < 2^150
    bound.setLimbs(TICK_LOW_0, TICK_LOW_1, 0, 0);
    check.sub(log2, bound);
    check.sar(check, 128);
    final int tickLow = (int) check.low64();
    bound.setLimbs(TICK_HI_0, TICK_HI_1, 0, 0);
    check.add(log2, bound);
    check.sar(check, 128);
    final int tickHi = (int) check.low64();
    if (tickLow == tickHi) {
      return tickLow;
    }
    getSqrtRatioAtTick(tickHi, check);
    return check.compareTo(sqrtPriceX96) <= 0 ? tickHi : tickLow;
  }
}
