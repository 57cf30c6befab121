package io.sextant.portfolio.breaker;

/**
 * Thresholds of the three breakers a {@link BreakerPanel} runs per asset, and what a volatility
 * jump does.
 *
 * @param maxDeviation pool price against reference price, relative, e.g. 0.03
 * @param volFastLambda decay of the fast volatility estimate, e.g. 0.8
 * @param volSlowLambda decay of the slow average, e.g. 0.99
 * @param volMultiple fast/slow volatility ratio that trips, e.g. 4
 * @param volWarmup returns observed before the volatility check starts
 * @param liquidityLambda decay of the liquidity average, e.g. 0.95
 * @param liquidityMinFraction liquidity/average ratio below which it trips, e.g. 0.5
 * @param rearmSteps consecutive calm observations after which a tripped asset is re-armed
 * @param volatilityAction what a volatility trip does to the asset
 * @param deriskFraction share of a de-risked asset's target moved to the quote asset, in [0, 1]
 */
public record BreakerSettings(
    double maxDeviation,
    double volFastLambda,
    double volSlowLambda,
    double volMultiple,
    long volWarmup,
    double liquidityLambda,
    double liquidityMinFraction,
    int rearmSteps,
    VolatilityAction volatilityAction,
    double deriskFraction) {

  /** What a volatility-jump trip does. */
  public enum VolatilityAction {
    /** The asset does not trade until re-armed. */
    HALT,
    /** The asset's target is cut by {@code deriskFraction} (moved to the quote asset). */
    DERISK
  }

  /** Validates the values. */
  public BreakerSettings {
    if (!(maxDeviation > 0)) {
      throw new IllegalArgumentException("maxDeviation must be > 0: " + maxDeviation);
    }
    if (!(volFastLambda > 0 && volFastLambda < 1 && volSlowLambda > 0 && volSlowLambda < 1)) {
      throw new IllegalArgumentException("volatility decays must be in (0, 1)");
    }
    if (!(volMultiple > 1)) {
      throw new IllegalArgumentException("volMultiple must be > 1: " + volMultiple);
    }
    if (!(liquidityLambda > 0 && liquidityLambda < 1)) {
      throw new IllegalArgumentException("liquidityLambda must be in (0, 1): " + liquidityLambda);
    }
    if (!(liquidityMinFraction > 0 && liquidityMinFraction < 1)) {
      throw new IllegalArgumentException(
          "liquidityMinFraction must be in (0, 1): " + liquidityMinFraction);
    }
    if (rearmSteps < 1 || volWarmup < 0) {
      throw new IllegalArgumentException("rearmSteps must be >= 1 and volWarmup >= 0");
    }
    if (!(deriskFraction >= 0 && deriskFraction <= 1)) {
      throw new IllegalArgumentException("deriskFraction must be in [0, 1]: " + deriskFraction);
    }
  }
}
