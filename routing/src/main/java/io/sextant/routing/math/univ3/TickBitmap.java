package io.sextant.routing.math.univ3;

/**
 * Uniswap V3 {@code TickBitmap.nextInitializedTickWithinOneWord} over a sorted array of the
 * initialised ticks instead of the contract's bitmap, with the same answers.
 *
 * <p>A bitmap word covers 256 compressed ticks ({@code tick / tickSpacing}, rounded toward −∞),
 * i.e. {@code 256·tickSpacing} ticks. The search never leaves the word of its start: when no
 * initialised tick lies between the start and the word's edge, the edge itself is returned, not
 * initialised. The swap loop steps there, and the rounding of each step is part of the result.
 *
 * <p>The answer is packed in a {@code long} to stay allocation-free: read it with {@link #tick} and
 * {@link #index}.
 */
public final class TickBitmap {
  private TickBitmap() {}

  /**
   * The next initialised tick within one word: at or below {@code tick} when {@code lte}, else
   * strictly above. {@code ticks[0..count)} are the initialised ticks, strictly ascending multiples
   * of {@code tickSpacing}.
   *
   * @return packed (next tick, index of it in {@code ticks} or −1 when not initialised)
   */
  public static long nextInitializedTickWithinOneWord(
      final int[] ticks,
      final int count,
      final int tick,
      final int tickSpacing,
      final boolean lte) {
    final int compressed = Math.floorDiv(tick, tickSpacing);
    if (lte) {
      final int wordStart = (compressed >> 8) << 8;
      final int i = lastAtOrBelow(ticks, count, tick);
      if (i >= 0 && ticks[i] >= wordStart * tickSpacing) {
        return pack(ticks[i], i);
      }
      return pack(wordStart * tickSpacing, -1);
    }
    final int start = compressed + 1;
    final int wordEnd = ((start >> 8) << 8) + 255;
    final int i = lastAtOrBelow(ticks, count, tick) + 1;
    if (i < count && ticks[i] <= wordEnd * tickSpacing) {
      return pack(ticks[i], i);
    }
    return pack(wordEnd * tickSpacing, -1);
  }

  /** The tick of a packed answer. */
  public static int tick(final long packed) {
    return (int) (packed >> 32);
  }

  /** The index in the tick array of a packed answer, or −1 when the tick is not initialised. */
  public static int index(final long packed) {
    return (int) packed;
  }

  private static long pack(final int tick, final int index) {
    return ((long) tick << 32) | (index & 0xFFFF_FFFFL);
  }

  /** Index of the greatest element at or below {@code value}, or −1. */
  static int lastAtOrBelow(final int[] ticks, final int count, final int value) {
    int lo = 0;
    int hi = count - 1;
    while (lo <= hi) {
      final int mid = (lo + hi) >>> 1;
      if (ticks[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return lo - 1;
  }
}
