package io.sextant.portfolio.rebalance;

/**
 * Where the rebalancer's execution costs come from: one {@link CostCurve} per asset and direction
 * against the portfolio's quote asset. Assets are numbered as in the portfolio.
 */
public interface ExecutionCostModel {
  /**
   * The cost curve of buying ({@code buy}, quote → asset) or selling (asset → quote) {@code asset};
   * the quote asset itself has a free curve.
   */
  CostCurve curve(int asset, boolean buy);
}
