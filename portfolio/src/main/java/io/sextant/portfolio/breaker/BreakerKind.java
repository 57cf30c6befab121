package io.sextant.portfolio.breaker;

/** Why a breaker tripped. */
public enum BreakerKind {
  /** Pool price strayed from the reference price by more than the threshold (relative). */
  PRICE_DEVIATION,
  /** Fast realised volatility exceeded a multiple of its slow average. */
  VOLATILITY_JUMP,
  /** Liquidity fell below a fraction of its average. */
  LIQUIDITY_COLLAPSE
}
