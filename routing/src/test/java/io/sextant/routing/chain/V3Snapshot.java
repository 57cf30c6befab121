package io.sextant.routing.chain;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A Uniswap V3 pool's swap-relevant state as read from the chain (see {@link
 * UniswapContracts#v3Snapshot}). {@code ticks} are the initialised ticks in ascending order, with
 * their {@code liquidityNet}/{@code liquidityGross}; {@code words}/{@code bitmaps} are the
 * non-empty tick-bitmap words, exactly as stored.
 */
public record V3Snapshot(
    int tickSpacing,
    BigInteger sqrtPriceX96,
    int tick,
    BigInteger liquidity,
    int[] words,
    BigInteger[] bitmaps,
    int[] ticks,
    BigInteger[] liquidityNet,
    BigInteger[] liquidityGross) {

  /** TickMath.MIN_TICK. */
  public static final int MIN_TICK = -887_272;

  /** TickMath.MAX_TICK. */
  public static final int MAX_TICK = 887_272;

  /**
   * Initialised ticks the pool crossed moving from {@code tickBefore} to {@code tickAfter}: for a
   * falling price those in {@code (tickAfter, tickBefore]}, for a rising one those in {@code
   * (tickBefore, tickAfter]} — the contract's crossing rule ({@code tick = next − 1} when falling).
   */
  public int ticksCrossed(final boolean zeroForOne, final int tickBefore, final int tickAfter) {
    final int lo = zeroForOne ? tickAfter : tickBefore;
    final int hi = zeroForOne ? tickBefore : tickAfter;
    if (hi <= lo) {
      return 0;
    }
    return upperBound(hi) - upperBound(lo);
  }

  /** Bitmap word boundaries between two ticks: each is a separate step of the swap loop. */
  public int wordsCrossed(final int tickBefore, final int tickAfter) {
    return Math.abs(word(tickAfter) - word(tickBefore));
  }

  private int word(final int tick) {
    return Math.floorDiv(Math.floorDiv(tick, tickSpacing), 256);
  }

  /** Number of initialised ticks {@code <= t}. */
  private int upperBound(final int t) {
    final int i = Arrays.binarySearch(ticks, t);
    return i >= 0 ? i + 1 : -i - 1;
  }

  @Override
  public boolean equals(final Object o) {
    return o instanceof V3Snapshot s
        && tickSpacing == s.tickSpacing
        && tick == s.tick
        && sqrtPriceX96.equals(s.sqrtPriceX96)
        && liquidity.equals(s.liquidity)
        && Arrays.equals(words, s.words)
        && Arrays.equals(bitmaps, s.bitmaps)
        && Arrays.equals(ticks, s.ticks)
        && Arrays.equals(liquidityNet, s.liquidityNet)
        && Arrays.equals(liquidityGross, s.liquidityGross);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ticks) + sqrtPriceX96.hashCode();
  }

  @Override
  public String toString() {
    return "V3Snapshot[spacing="
        + tickSpacing
        + ", sqrtPriceX96="
        + sqrtPriceX96
        + ", tick="
        + tick
        + ", liquidity="
        + liquidity
        + ", "
        + ticks.length
        + " initialised ticks in "
        + words.length
        + " words]";
  }
}
