package io.sextant.solver.portfolio;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowMarket;
import io.sextant.feeds.cow.CowToken;
import io.sextant.portfolio.config.PortfolioSpec;
import io.sextant.portfolio.config.PortfolioSpecException;
import io.sextant.portfolio.rebalance.AssetMarket;
import java.math.BigInteger;

/**
 * Places a portfolio's assets on a CoW auction's liquidity: token numbers from {@link CowMarket},
 * decimals from the auction's token table, prices from its reference prices expressed in the quote
 * asset (reference price of the asset per whole token over the quote's), gas at the auction's
 * effective gas price unless {@code execution.gasPriceGwei} is set. Cold path.
 */
public final class PortfolioMarkets {
  private PortfolioMarkets() {}

  /**
   * The assets of {@code spec} on {@code market} (built from {@code auction}).
   *
   * @throws PortfolioSpecException naming {@code assets[i].address} when a token is not in the
   *     auction or has no decimals or reference price there
   */
  public static AssetMarket of(
      final PortfolioSpec spec, final CowAuction auction, final CowMarket market) {
    final int n = spec.assets().size();
    final int[] tokens = new int[n];
    final int[] decimals = new int[n];
    final double[] weiPerUnit = new double[n];
    for (int i = 0; i < n; i++) {
      final PortfolioSpec.Asset a = spec.assets().get(i);
      final String key = "assets[" + i + "].address";
      final CowToken t = auction.tokens().get(a.address());
      tokens[i] = market.token(a.address());
      if (t == null || tokens[i] < 0) {
        throw new PortfolioSpecException(key, "token " + a.address() + " is not in the auction");
      }
      if (t.decimals() == null) {
        throw new PortfolioSpecException(key, "the auction gives no decimals for " + a.address());
      }
      final BigInteger ref = t.referencePrice();
      if (ref == null || ref.signum() <= 0) {
        throw new PortfolioSpecException(
            key, "the auction gives no reference price for " + a.address());
      }
      decimals[i] = t.decimals();
      weiPerUnit[i] = ref.doubleValue() / 1e18 * Math.pow(10, decimals[i]);
    }
    final int q = spec.quote();
    final double[] prices = new double[n];
    for (int i = 0; i < n; i++) {
      prices[i] = weiPerUnit[i] / weiPerUnit[q];
    }
    final double gwei = spec.execution().gasPriceGwei();
    final double gasPrice =
        Double.isNaN(gwei)
            ? (auction.effectiveGasPrice() == null ? 0 : auction.effectiveGasPrice().doubleValue())
            : gwei * 1e9;
    // Numeraire per wei: one quote token is weiPerUnit[q] wei.
    return new AssetMarket(
        market.market(),
        tokens,
        spec.symbols(),
        decimals,
        prices,
        q,
        1.0 / weiPerUnit[q],
        gasPrice,
        spec.execution().maxHops());
  }
}
