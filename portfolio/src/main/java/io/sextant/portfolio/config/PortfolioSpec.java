package io.sextant.portfolio.config;

import io.sextant.portfolio.breaker.BreakerSettings;
import io.sextant.portfolio.rebalance.RebalanceSettings;
import java.util.List;

/**
 * A portfolio specification as read from YAML ({@link PortfolioSpecParser}; every key is described
 * in {@code config/README.md}). Weights are fractions of portfolio value; volatilities and expected
 * returns are annualised; prices and values are in the quote asset.
 *
 * @param quote index of the quote asset in {@link #assets}
 * @param assets the assets, in file order
 * @param lpPositions liquidity-provider positions
 * @param lendingPositions collateralised borrows
 * @param allocation how targets are chosen
 * @param risk risk-model settings
 * @param rebalance rebalancer settings
 * @param execution routing settings
 * @param breakers circuit-breaker thresholds
 * @param backtest backtest baselines and the synthetic path
 */
public record PortfolioSpec(
    int quote,
    List<Asset> assets,
    List<LpPosition> lpPositions,
    List<LendingSpec> lendingPositions,
    AllocationSpec allocation,
    RiskSpec risk,
    RebalanceSettings rebalance,
    ExecutionSpec execution,
    BreakerSettings breakers,
    BacktestSpec backtest) {

  /** Index of the asset with {@code symbol}, or -1. */
  public int indexOf(final String symbol) {
    for (int i = 0; i < assets.size(); i++) {
      if (assets.get(i).symbol().equals(symbol)) {
        return i;
      }
    }
    return -1;
  }

  /** Symbols in order. */
  public String[] symbols() {
    return assets.stream().map(Asset::symbol).toArray(String[]::new);
  }

  /**
   * One asset.
   *
   * @param symbol label, unique
   * @param address token address, lowercase 0x-hex
   * @param amount free holdings, whole tokens
   * @param volatility prior annualised volatility
   * @param target fixed target weight (NaN unless the method is fixed)
   * @param minWeight lower bound on the weight
   * @param maxWeight upper bound on the weight
   * @param expectedReturn annualised expected return (mean-variance)
   */
  public record Asset(
      String symbol,
      String address,
      double amount,
      double volatility,
      double target,
      double minWeight,
      double maxWeight,
      double expectedReturn) {}

  /**
   * A Uniswap LP position of {@code asset} against the quote asset.
   *
   * @param kind {@code uniswapV2} or {@code uniswapV3}
   * @param asset index of the risky asset
   * @param liquidity L in √(asset·quote) whole units
   * @param lowerPrice V3 range lower price (quote per asset), NaN for V2
   * @param upperPrice V3 range upper price, NaN for V2
   */
  public record LpPosition(
      String kind, int asset, double liquidity, double lowerPrice, double upperPrice) {}

  /**
   * A collateralised borrow.
   *
   * @param collateral index of the collateral asset
   * @param collateralAmount collateral, whole tokens
   * @param debt index of the debt asset
   * @param debtAmount debt, whole tokens
   * @param liquidationThreshold LT in (0, 1]
   */
  public record LendingSpec(
      int collateral,
      double collateralAmount,
      int debt,
      double debtAmount,
      double liquidationThreshold) {}

  /**
   * Allocation method and its constraints.
   *
   * @param method {@code fixed}, {@code min-variance}, {@code mean-variance} or {@code risk-parity}
   * @param riskAversion γ for mean-variance (annualised units)
   * @param longOnly whether weights are bounded below by 0 (and the per-asset bounds apply)
   * @param turnoverCap maximum one-way turnover of a target change, +∞ for none
   * @param targetVolatility annualised volatility ceiling, +∞ for none
   * @param recomputeEvery steps between target recomputations in a backtest
   */
  public record AllocationSpec(
      String method,
      double riskAversion,
      boolean longOnly,
      double turnoverCap,
      double targetVolatility,
      int recomputeEvery) {}

  /**
   * Risk model.
   *
   * @param ewmaLambda EWMA decay per step
   * @param shrinkage intensity towards the constant-correlation target in [0, 1], or NaN for
   *     Ledoit–Wolf's estimate
   * @param correlation prior correlation between assets (before any price history)
   * @param varConfidence VaR/CVaR confidence, e.g. 0.99
   * @param stepsPerYear steps (price observations) per year, for annualising
   * @param window returns kept for historical VaR and Ledoit–Wolf
   */
  public record RiskSpec(
      double ewmaLambda,
      double shrinkage,
      double correlation,
      double varConfidence,
      double stepsPerYear,
      int window) {}

  /**
   * Routing and collateral settings.
   *
   * @param gasPriceGwei gas price in gwei, or NaN for the auction's
   * @param maxHops longest path the router considers
   * @param sampleMin smallest notional sampled for cost curves
   * @param sampleMax largest notional sampled
   * @param sampleCount number of samples per curve
   * @param minTradeNotional trades smaller than this are not routed
   * @param minHealthFactor health factor every lending position is kept at or above
   */
  public record ExecutionSpec(
      double gasPriceGwei,
      int maxHops,
      double sampleMin,
      double sampleMax,
      int sampleCount,
      double minTradeNotional,
      double minHealthFactor) {}

  /**
   * Backtest baselines and the synthetic path.
   *
   * @param calendarEvery steps between calendar rebalances
   * @param thresholdBand the threshold strategy rebalances fully when any weight strays this far
   * @param steps length of a synthetic path
   * @param regimeStep step at which volatility changes regime
   * @param regimeMultiplier factor on every volatility from {@code regimeStep} on
   * @param crashStep step of the flash crash
   * @param crashAsset index of the crashing asset
   * @param crashDrop relative fall of its reference price at the crash
   * @param crashRecovery share of the fall recovered over the following {@code crashDuration}
   * @param crashDislocation extra fall of its pool price below the reference during the crash
   * @param crashDuration steps the dislocation and the liquidity drop last
   * @param crashLiquidity liquidity factor of its pools during the crash
   */
  public record BacktestSpec(
      int calendarEvery,
      double thresholdBand,
      int steps,
      int regimeStep,
      double regimeMultiplier,
      int crashStep,
      int crashAsset,
      double crashDrop,
      double crashRecovery,
      double crashDislocation,
      int crashDuration,
      double crashLiquidity) {}
}
