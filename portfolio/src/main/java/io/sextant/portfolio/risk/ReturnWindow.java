package io.sextant.portfolio.risk;

import java.util.Arrays;

/**
 * Rolling window of the last {@code capacity} portfolio returns (a ring buffer of doubles) with
 * historical VaR and CVaR. Adding allocates nothing; the VaR queries sort a pre-allocated scratch
 * copy. Not thread-safe.
 */
public final class ReturnWindow {
  private final double[] ring;
  private final double[] scratch;
  private int next;
  private int size;

  /**
   * @param capacity number of most recent returns kept, at least 1
   */
  public ReturnWindow(final int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
    }
    ring = new double[capacity];
    scratch = new double[capacity];
  }

  /** Appends a return, evicting the oldest once the window is full. */
  public void add(final double portfolioReturn) {
    ring[next] = portfolioReturn;
    next = next + 1 == ring.length ? 0 : next + 1;
    if (size < ring.length) {
      size++;
    }
  }

  /** Number of returns held. */
  public int size() {
    return size;
  }

  /** Capacity of the window. */
  public int capacity() {
    return ring.length;
  }

  /**
   * Historical VaR at {@code confidence} (e.g. 0.99) as a positive loss, in return units. See
   * {@link ValueAtRisk#historicalVaR(double[], int, double)} for the quantile convention. NaN when
   * empty.
   */
  public double historicalVaR(final double confidence) {
    return size == 0 ? Double.NaN : ValueAtRisk.historicalVaR(sortedLosses(), size, confidence);
  }

  /**
   * Historical CVaR (expected shortfall) at {@code confidence} as a positive loss; NaN if empty.
   */
  public double historicalCVaR(final double confidence) {
    return size == 0 ? Double.NaN : ValueAtRisk.historicalCVaR(sortedLosses(), size, confidence);
  }

  private double[] sortedLosses() {
    for (int i = 0; i < size; i++) {
      scratch[i] = -ring[i];
    }
    Arrays.sort(scratch, 0, size);
    return scratch;
  }
}
