package io.sextant.routing.math.univ3;

import io.sextant.routing.math.u256.UInt256;

/** Uniswap V3 {@code LiquidityMath}: applying a signed liquidity delta to a uint128 liquidity. */
public final class LiquidityMath {
  /** Revert 'LS', a negative delta exceeds the liquidity; the contract's code leads the message. */
  public static final String LIQUIDITY_SUB =
      "LS: liquidity would fall below zero crossing a tick (inconsistent tick data)";

  /** Revert 'LA', a positive delta overflows uint128. */
  public static final String LIQUIDITY_ADD =
      "LA: liquidity would exceed uint128 crossing a tick (inconsistent tick data)";

  private LiquidityMath() {}

  /**
   * {@code dst = x + delta} for a uint128 {@code x} and an int128 {@code delta} held sign-extended
   * (read as int256); {@code false} where the contract reverts: 'LS' if the result would be
   * negative, 'LA' if it exceeds 2^128 − 1. {@code dst} may alias either argument.
   */
  public static boolean addDelta(final UInt256 x, final UInt256 delta, final UInt256 dst) {
    final boolean negative = delta.isNegative();
    // x + (2^256 − |δ|) carries out exactly when x ≥ |δ|.
    final boolean noCarry = dst.add(x, delta);
    return negative ? !noCarry : noCarry && dst.fitsBits(128);
  }
}
