package io.sextant.routing.graph;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.balancer.BalancerStablePool;
import io.sextant.routing.math.balancer.BalancerWeightedPool;
import io.sextant.routing.math.curve.CurveStableSwapPool;
import io.sextant.routing.math.limitorder.ForeignLimitOrderPool;
import io.sextant.routing.math.univ2.UniswapV2Pool;
import io.sextant.routing.math.univ3.UniswapV3Pool;
import io.sextant.routing.split.ConcentratedLiquiditySwapCurve;
import io.sextant.routing.split.ConstantProductSwapCurve;
import io.sextant.routing.split.CurveSwapCurve;
import io.sextant.routing.split.LimitOrderSwapCurve;
import io.sextant.routing.split.StableSwapCurve;
import io.sextant.routing.split.SwapCurve;
import io.sextant.routing.split.WeightedSwapCurve;
import java.util.ArrayList;
import java.util.List;

/**
 * The pools a router may use, over tokens numbered {@code 0..tokenCount)}: each pool's exact math,
 * its tokens (market numbers, in the pool's index order), its gas units per swap, and one {@link
 * SwapCurve} per ordered pair of its tokens. Reference prices are native wei per base unit of each
 * token ({@code NaN} when unknown), CoW's {@code referencePrice} divided by 1e18.
 *
 * <p>Built once on the cold path ({@link #addPool}); routing reads it. The pools are mutable and
 * belong to one routing thread at a time; the router restores every pool it touches.
 */
public final class RoutingMarket {
  private final int tokenCount;
  private final double[] referencePrice;
  private final List<ExactPool> pools = new ArrayList<>();
  private final List<int[]> poolTokens = new ArrayList<>();
  private final List<String> poolIds = new ArrayList<>();
  private final List<SwapCurve[]> curves = new ArrayList<>();
  private long[] gasUnits = new long[16];

  /** A market over {@code tokenCount} tokens with the given reference prices (wei per unit). */
  public RoutingMarket(final int tokenCount, final double[] referencePricePerUnit) {
    this.tokenCount = tokenCount;
    this.referencePrice = referencePricePerUnit.clone();
  }

  /**
   * Adds a pool; returns its number. {@code tokens[i]} is the market number of the pool's token i
   * ({@code -1} for a token the market does not route, such as a stable pool's own BPT).
   */
  public int addPool(
      final String id, final ExactPool pool, final int[] tokens, final long gasUnitsPerSwap) {
    final int k = pool.tokenCount();
    if (tokens.length != k) {
      throw new IllegalArgumentException("tokens: " + tokens.length + " for a pool of " + k);
    }
    final SwapCurve[] c = new SwapCurve[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        if (i != j && tokens[i] >= 0 && tokens[j] >= 0) {
          c[i * k + j] = curve(pool, i, j);
        }
      }
    }
    final int n = pools.size();
    if (n == gasUnits.length) {
      gasUnits = java.util.Arrays.copyOf(gasUnits, n * 2);
    }
    gasUnits[n] = gasUnitsPerSwap;
    pools.add(pool);
    poolTokens.add(tokens.clone());
    poolIds.add(id);
    curves.add(c);
    return n;
  }

  private static SwapCurve curve(final ExactPool pool, final int in, final int out) {
    return switch (pool) {
      case UniswapV2Pool p -> new ConstantProductSwapCurve(p, in);
      case UniswapV3Pool p -> new ConcentratedLiquiditySwapCurve(p, in);
      case BalancerWeightedPool p -> new WeightedSwapCurve(p, in, out);
      case BalancerStablePool p ->
          in == p.bptIndex() || out == p.bptIndex() ? null : new StableSwapCurve(p, in, out);
      case CurveStableSwapPool p -> new CurveSwapCurve(p, in, out);
      case ForeignLimitOrderPool p -> in == 0 && out == 1 ? new LimitOrderSwapCurve(p) : null;
      default -> null;
    };
  }

  /** Number of tokens. */
  public int tokenCount() {
    return tokenCount;
  }

  /** Number of pools. */
  public int poolCount() {
    return pools.size();
  }

  /** Reference price of {@code token}: native wei per base unit, or {@code NaN}. */
  public double referencePrice(final int token) {
    return referencePrice[token];
  }

  /** The exact math of pool {@code p}. */
  public ExactPool pool(final int p) {
    return pools.get(p);
  }

  /** The id given to pool {@code p}. */
  public String poolId(final int p) {
    return poolIds.get(p);
  }

  /** Market numbers of pool {@code p}'s tokens, in its index order; do not modify. */
  public int[] poolTokens(final int p) {
    return poolTokens.get(p);
  }

  /** Gas units one swap through pool {@code p} costs. */
  public long gasUnits(final int p) {
    return gasUnits[p];
  }

  /**
   * The curve of pool {@code p} selling its token {@code in} for its token {@code out}, or null.
   */
  public SwapCurve curve(final int p, final int in, final int out) {
    final int k = poolTokens.get(p).length;
    return curves.get(p)[in * k + out];
  }
}
