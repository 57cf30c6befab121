package io.sextant.portfolio.rebalance;

import io.sextant.portfolio.breaker.BreakerTrip;
import java.util.List;

/**
 * A rebalance plan: the decision, its child trades as routed, and risk before and after.
 * Volatilities and tracking errors are annualised; VaR is the parametric one-day VaR as a fraction
 * of value; values are in the quote asset.
 *
 * @param symbols asset labels
 * @param prices reference prices used
 * @param weightsBefore net-exposure weights before
 * @param targets target weights (after any de-risking)
 * @param weightsAfter weights after the routed trades (and repayments)
 * @param decision the rebalancer's decision
 * @param trades the step's trades as routed, sells first
 * @param routedCost slippage + gas of the routed trades
 * @param valueBefore net value before
 * @param valueAfter net value after (at reference prices)
 * @param volatilityBefore annualised portfolio volatility before
 * @param volatilityAfter the same after
 * @param trackingErrorBefore annualised tracking error against the targets, before
 * @param trackingErrorAfter the same after
 * @param varBefore one-day parametric VaR at the configured confidence, before
 * @param varAfter the same after
 * @param healthFactorsBefore per borrow
 * @param healthFactorsAfter per borrow, after repayments
 * @param repaid debt value repaid to keep the health-factor buffer
 * @param halted assets the breakers halted
 * @param trips breaker trips seen while planning
 * @param lps LP greeks
 */
public record RebalancePlan(
    String[] symbols,
    double[] prices,
    double[] weightsBefore,
    double[] targets,
    double[] weightsAfter,
    RebalanceDecision decision,
    List<RoutedTrade> trades,
    double routedCost,
    double valueBefore,
    double valueAfter,
    double volatilityBefore,
    double volatilityAfter,
    double trackingErrorBefore,
    double trackingErrorAfter,
    double varBefore,
    double varAfter,
    double[] healthFactorsBefore,
    double[] healthFactorsAfter,
    double repaid,
    boolean[] halted,
    List<BreakerTrip> trips,
    List<LpGreeks> lps) {

  /**
   * Greeks of one LP position, in the quote asset per unit of the asset's price.
   *
   * @param asset the risky asset
   * @param kind uniswapV2 or uniswapV3
   * @param value position value
   * @param delta ∂V/∂P
   * @param gamma ∂²V/∂P²
   * @param lvrPerYear loss-versus-rebalancing per year at the asset's volatility
   */
  public record LpGreeks(
      int asset, String kind, double value, double delta, double gamma, double lvrPerYear) {}
}
