package io.sextant.routing.math.limitorder;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;

/**
 * A foreign (0x-style) limit order used as liquidity: it pays {@code makerAmount} of the maker
 * token for {@code takerAmount} of the taker token, pro rata, rounding against the taker as the 0x
 * exchange does. Token 0 is the taker token (what the solver sells in), token 1 the maker token
 * (what it receives); only that direction trades.
 *
 * <p>Exact in: {@code out = ⌊in · maker / taker⌋}, at most the whole order. Exact out: {@code in =
 * ⌈out · taker / maker⌉}. Not thread-safe; allocates nothing after construction.
 */
public final class ForeignLimitOrderPool implements ExactPool {
  /** Reason: the order only sells its maker token for its taker token. */
  public static final String WRONG_DIRECTION =
      "limit order: trades taker token for maker token only";

  /** Reason: the request exceeds what is left of the order. */
  public static final String EXCEEDS_ORDER = "limit order: amount exceeds the order";

  /** Reason: zero amount. */
  public static final String ZERO_AMOUNT = "limit order: zero amount";

  private final UInt256 makerAmount = new UInt256();
  private final UInt256 takerAmount = new UInt256();

  /**
   * Cold path: a validated order.
   *
   * @param makerAmount maker token base units the order pays in full
   * @param takerAmount taker token base units the order takes in full
   * @throws IllegalArgumentException naming {@code makerAmount} or {@code takerAmount} if zero
   */
  public static ForeignLimitOrderPool of(final UInt256 makerAmount, final UInt256 takerAmount) {
    final ForeignLimitOrderPool p = new ForeignLimitOrderPool();
    if (makerAmount.isZero()) {
      throw new IllegalArgumentException("makerAmount: zero");
    }
    if (takerAmount.isZero()) {
      throw new IllegalArgumentException("takerAmount: zero");
    }
    p.makerAmount.set(makerAmount);
    p.takerAmount.set(takerAmount);
    return p;
  }

  @Override
  public int tokenCount() {
    return 2;
  }

  @Override
  public boolean exactIn(final int in, final int out, final UInt256 amountIn, final SwapResult r) {
    r.reset();
    if (in != 0 || out != 1) {
      return r.fail(WRONG_DIRECTION);
    }
    if (amountIn.isZero()) {
      return r.fail(ZERO_AMOUNT);
    }
    if (amountIn.compareTo(takerAmount) > 0) {
      return r.fail(EXCEEDS_ORDER);
    }
    r.amountIn.set(amountIn);
    r.amountOut.mulDiv(amountIn, makerAmount, takerAmount);
    return true;
  }

  @Override
  public boolean exactOut(
      final int in, final int out, final UInt256 amountOut, final SwapResult r) {
    r.reset();
    if (in != 0 || out != 1) {
      return r.fail(WRONG_DIRECTION);
    }
    if (amountOut.isZero()) {
      return r.fail(ZERO_AMOUNT);
    }
    if (amountOut.compareTo(makerAmount) > 0) {
      return r.fail(EXCEEDS_ORDER);
    }
    r.amountOut.set(amountOut);
    r.amountIn.mulDivRoundingUp(amountOut, takerAmount, makerAmount);
    return true;
  }

  @Override
  public void apply(final int in, final int out, final SwapResult r) {
    takerAmount.sub(takerAmount, r.amountIn);
    makerAmount.sub(makerAmount, r.amountOut);
  }

  /** Maker token still on offer, base units. */
  public UInt256 makerAmount() {
    return makerAmount;
  }

  /** Taker token still accepted, base units. */
  public UInt256 takerAmount() {
    return takerAmount;
  }
}
