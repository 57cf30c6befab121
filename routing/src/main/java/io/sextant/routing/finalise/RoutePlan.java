package io.sextant.routing.finalise;

import io.sextant.routing.math.u256.UInt256;
import java.util.Arrays;

/**
 * A route in exact integers: legs in execution order, each a swap through one pool, and the order's
 * totals. Amounts are base units. Re-simulating the legs in order on the pools' state (each leg
 * applied before the next) reproduces every amount to the wei. Reusable: {@link #clear} and the leg
 * holders are kept; not thread-safe.
 */
public final class RoutePlan {
  /** Sell token amount taken, base units. */
  public final UInt256 amountIn = new UInt256();

  /** Buy token amount delivered, base units. */
  public final UInt256 amountOut = new UInt256();

  private int legs;
  private int[] pool = new int[8];
  private int[] in = new int[8];
  private int[] out = new int[8];
  private UInt256[] legIn = holders(8);
  private UInt256[] legOut = holders(8);
  private long gasUnits;
  private String error;
  private boolean split;

  private static UInt256[] holders(final int n) {
    final UInt256[] h = new UInt256[n];
    for (int i = 0; i < n; i++) {
      h[i] = new UInt256();
    }
    return h;
  }

  /** Empties the plan. */
  public RoutePlan clear() {
    legs = 0;
    gasUnits = 0;
    error = null;
    split = false;
    amountIn.setZero();
    amountOut.setZero();
    return this;
  }

  /**
   * Appends a leg; returns its number. Amount holders are {@link #legAmountIn}/{@link
   * #legAmountOut}.
   */
  public int addLeg(final int poolNumber, final int tokenIn, final int tokenOut) {
    if (legs == pool.length) {
      final int n = legs * 2;
      pool = Arrays.copyOf(pool, n);
      in = Arrays.copyOf(in, n);
      out = Arrays.copyOf(out, n);
      final UInt256[] a = holders(n);
      final UInt256[] b = holders(n);
      for (int i = 0; i < legs; i++) {
        a[i] = legIn[i];
        b[i] = legOut[i];
      }
      legIn = a;
      legOut = b;
    }
    pool[legs] = poolNumber;
    in[legs] = tokenIn;
    out[legs] = tokenOut;
    legIn[legs].setZero();
    legOut[legs].setZero();
    return legs++;
  }

  /** Removes the last leg. */
  public void dropLastLeg() {
    legs--;
  }

  /** Number of legs. */
  public int legCount() {
    return legs;
  }

  /** Market number of leg {@code i}'s pool. */
  public int legPool(final int i) {
    return pool[i];
  }

  /** The pool's input token index in leg {@code i}. */
  public int legTokenIn(final int i) {
    return in[i];
  }

  /** The pool's output token index in leg {@code i}. */
  public int legTokenOut(final int i) {
    return out[i];
  }

  /** Input of leg {@code i}, base units. */
  public UInt256 legAmountIn(final int i) {
    return legIn[i];
  }

  /** Output of leg {@code i}, base units. */
  public UInt256 legAmountOut(final int i) {
    return legOut[i];
  }

  /** Gas units of the distinct pools used. */
  public long gasUnits() {
    return gasUnits;
  }

  /** Sets the gas units. */
  public void gasUnits(final long units) {
    gasUnits = units;
  }

  /** Why no route exists, or null. */
  public String error() {
    return error;
  }

  /** Marks the plan failed. */
  public RoutePlan error(final String reason) {
    error = reason;
    return this;
  }

  /** Whether the plan is a route. */
  public boolean ok() {
    return error == null;
  }

  /** Whether the plan came from the split optimiser (else it is the best single path). */
  public boolean split() {
    return split;
  }

  /** Records where the plan came from. */
  public void split(final boolean fromSplit) {
    split = fromSplit;
  }

  /** Copies {@code other} into this plan. */
  public RoutePlan copyFrom(final RoutePlan other) {
    clear();
    for (int i = 0; i < other.legs; i++) {
      addLeg(other.pool[i], other.in[i], other.out[i]);
      legIn[i].set(other.legIn[i]);
      legOut[i].set(other.legOut[i]);
    }
    amountIn.set(other.amountIn);
    amountOut.set(other.amountOut);
    gasUnits = other.gasUnits;
    error = other.error;
    split = other.split;
    return this;
  }
}
