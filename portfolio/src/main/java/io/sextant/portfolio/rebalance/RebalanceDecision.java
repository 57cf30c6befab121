package io.sextant.portfolio.rebalance;

/**
 * What the cost-aware rebalancer decided. Trades are values in the numeraire, positive to buy the
 * asset with the quote asset, negative to sell it for the quote asset; the quote asset's entry is
 * the net of all the others (minus nothing for costs, which are reported separately).
 *
 * @param traded whether any trade was decided (false inside the no-trade band)
 * @param parent the whole trade towards the optimum, per asset
 * @param step the child trade to execute now, per asset
 * @param children number of equal children each parent trade is split into (0 when not traded)
 * @param expectedCost fitted cost (slippage + gas) of the step's trades, numeraire
 * @param trackingErrorBefore {@code √((w − w*)ᵀΣ(w − w*))} per √step, before trading
 * @param trackingErrorAfterStep the same after the step's trades
 * @param trackingErrorAfterParent the same once every child has executed (prices unchanged)
 */
public record RebalanceDecision(
    boolean traded,
    double[] parent,
    double[] step,
    int[] children,
    double expectedCost,
    double trackingErrorBefore,
    double trackingErrorAfterStep,
    double trackingErrorAfterParent) {}
