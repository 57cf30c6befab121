package io.sextant.routing.math.univ3;

/**
 * A Uniswap V3 pool's swap curve in {@code double}, for the split optimiser (never for reported
 * amounts): output for an input, the marginal rate, and its inverse, walking the initialised tick
 * ranges. Within a range liquidity L is constant and the pool is constant-product on the virtual
 * reserves {@code x = L/√P} (token0) and {@code y = L·√P} (token1), with √P the real square-root
 * price (Q96 divided out); at a range edge the walk applies liquidityNet and continues. Amounts are
 * in base units of the input token, gross of the fee; rates are output units per input unit.
 *
 * <p>The walk ignores bitmap words (they matter to rounding only) and stops where the liquidity
 * ends: beyond it the marginal is 0 and extra input produces nothing. Allocation-free.
 */
public final class ConcentratedLiquidityCurve {
  private static final double MIN_SQRT_PRICE = TickMath.MIN_SQRT_RATIO / 0x1p96;
  private static final double MAX_SQRT_PRICE =
      1461446703485210103287273052203988822378723970342.0 / 0x1p96;

  private ConcentratedLiquidityCurve() {}

  /** Output for selling {@code amountIn} of token0 ({@code zeroForOne}) or token1. */
  public static double output(
      final UniswapV3Pool pool, final boolean zeroForOne, final double amountIn) {
    return walk(pool, zeroForOne, amountIn, false);
  }

  /** Marginal rate {@code d out / d in} after selling {@code amountIn}; 0 past the liquidity. */
  public static double marginal(
      final UniswapV3Pool pool, final boolean zeroForOne, final double amountIn) {
    return walk(pool, zeroForOne, amountIn, true);
  }

  private static double walk(
      final UniswapV3Pool pool,
      final boolean zeroForOne,
      final double amountIn,
      final boolean wantMarginal) {
    final double g = pool.gamma();
    double s = pool.sqrtPriceDouble();
    double l = pool.liquidityDouble();
    double a = Math.max(amountIn, 0.0);
    double out = 0.0;
    int j = pool.currentIndex();
    if (!zeroForOne) {
      j++;
    }
    while (true) {
      final boolean more = zeroForOne ? j >= 0 : j < pool.tickCount();
      final double edge =
          more ? pool.tickSqrtPriceDouble(j) : zeroForOne ? MIN_SQRT_PRICE : MAX_SQRT_PRICE;
      if (l > 0.0) {
        // Gross input that takes the price from s to the edge of this range.
        final double cap = zeroForOne ? l * (1.0 / edge - 1.0 / s) / g : l * (edge - s) / g;
        if (a <= cap) {
          final double sNext = zeroForOne ? 1.0 / (1.0 / s + g * a / l) : s + g * a / l;
          out += zeroForOne ? l * (s - sNext) : l * (1.0 / s - 1.0 / sNext);
          return wantMarginal ? (zeroForOne ? g * sNext * sNext : g / (sNext * sNext)) : out;
        }
        a -= cap;
        out += zeroForOne ? l * (s - edge) : l * (1.0 / s - 1.0 / edge);
      }
      if (!more) {
        return wantMarginal ? 0.0 : out;
      }
      s = edge;
      l += zeroForOne ? -pool.liquidityNetDouble(j) : pool.liquidityNetDouble(j);
      j += zeroForOne ? -1 : 1;
    }
  }

  /**
   * The input at which the marginal rate falls to {@code lambda}: 0 if the current marginal is
   * already at or below it; the whole input the liquidity can absorb if it never falls that far.
   */
  public static double inputForMarginal(
      final UniswapV3Pool pool, final boolean zeroForOne, final double lambda) {
    final double g = pool.gamma();
    // Square-root price at which the marginal equals λ: γP = λ selling token0, γ/P = λ otherwise.
    final double target = zeroForOne ? Math.sqrt(lambda / g) : Math.sqrt(g / lambda);
    double s = pool.sqrtPriceDouble();
    double l = pool.liquidityDouble();
    double a = 0.0;
    int j = pool.currentIndex();
    if (!zeroForOne) {
      j++;
    }
    while (true) {
      if (zeroForOne ? s <= target : s >= target) {
        return a;
      }
      final boolean more = zeroForOne ? j >= 0 : j < pool.tickCount();
      final double edge =
          more ? pool.tickSqrtPriceDouble(j) : zeroForOne ? MIN_SQRT_PRICE : MAX_SQRT_PRICE;
      final boolean inside = zeroForOne ? target >= edge : target <= edge;
      final double stop = inside ? target : edge;
      if (l > 0.0) {
        a += zeroForOne ? l * (1.0 / stop - 1.0 / s) / g : l * (stop - s) / g;
      }
      if (inside || !more) {
        return a;
      }
      s = edge;
      l += zeroForOne ? -pool.liquidityNetDouble(j) : pool.liquidityNetDouble(j);
      j += zeroForOne ? -1 : 1;
    }
  }
}
