package io.sextant.feeds.cow;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.balancer.BalancerStablePool;
import io.sextant.routing.math.balancer.BalancerWeightedPool;
import io.sextant.routing.math.limitorder.ForeignLimitOrderPool;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ2.UniswapV2Pool;
import io.sextant.routing.math.univ3.UniswapV3Pool;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds exact pool math from an auction's liquidity. A source that violates its family's
 * invariants (a tick off the spacing, weights not summing to one, zero reserves) is kept with its
 * error, naming the source and the field, so the rest of the auction still loads. Cold path.
 */
public final class CowPoolLoader {
  /** Builds every liquidity source of {@code auction}, in order. */
  public List<LoadedPool> load(final CowAuction auction) {
    final List<CowLiquidity> sources = auction.liquidity();
    final List<LoadedPool> out = new ArrayList<>(sources.size());
    for (int i = 0; i < sources.size(); i++) {
      out.add(load(i, sources.get(i)));
    }
    return out;
  }

  /** Builds one source. */
  public LoadedPool load(final int index, final CowLiquidity source) {
    try {
      return new LoadedPool(index, source, build(source), null);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return new LoadedPool(
          index,
          source,
          null,
          "liquidity["
              + index
              + "] ("
              + source.kind()
              + " id "
              + source.id()
              + "): "
              + e.getMessage());
    }
  }

  private static ExactPool build(final CowLiquidity source) {
    return switch (source) {
      case CowLiquidity.ConstantProduct cp ->
          UniswapV2Pool.of(
              UInt256.of(cp.balances().get(0)), UInt256.of(cp.balances().get(1)), plain(cp.fee()));
      case CowLiquidity.ConcentratedLiquidity cl ->
          UniswapV3Pool.of(
              UniswapV3Pool.feePips(plain(cl.fee())),
              UInt256.of(cl.sqrtPriceX96()),
              UInt256.of(cl.liquidity()),
              cl.tick(),
              cl.liquidityNet());
      case CowLiquidity.WeightedProduct w ->
          BalancerWeightedPool.fromDecimals(
              strings(w.balances()),
              plainStrings(w.scalingFactors()),
              plainStrings(w.weights()),
              plain(w.fee()),
              w.version());
      case CowLiquidity.Stable s ->
          BalancerStablePool.fromDecimals(
              strings(s.balances()),
              plainStrings(s.scalingFactors()),
              plain(s.amplificationParameter()),
              plain(s.fee()),
              // A composable stable pool lists its own BPT among its tokens; it is not swappable.
              s.tokens().indexOf(s.address()));
      case CowLiquidity.LimitOrder lo ->
          ForeignLimitOrderPool.of(UInt256.of(lo.makerAmount()), UInt256.of(lo.takerAmount()));
    };
  }

  private static String plain(final BigDecimal d) {
    return d.toPlainString();
  }

  private static String[] plainStrings(final List<BigDecimal> values) {
    final String[] out = new String[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).toPlainString();
    }
    return out;
  }

  private static String[] strings(final List<BigInteger> values) {
    final String[] out = new String[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).toString();
    }
    return out;
  }
}
