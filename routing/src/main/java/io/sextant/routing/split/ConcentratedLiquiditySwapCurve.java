package io.sextant.routing.split;

import io.sextant.routing.math.univ3.ConcentratedLiquidityCurve;
import io.sextant.routing.math.univ3.UniswapV3Pool;

/**
 * A Uniswap V3 pool in one direction, by {@link ConcentratedLiquidityCurve}'s tick walk. The
 * capacity is the input that exhausts the pool's initialised liquidity.
 */
public final class ConcentratedLiquiditySwapCurve extends SwapCurve {
  private final UniswapV3Pool pool;
  private final boolean zeroForOne;
  private double capacity;

  /** The curve selling token {@code in} (0 or 1) of {@code pool}. */
  public ConcentratedLiquiditySwapCurve(final UniswapV3Pool pool, final int in) {
    this.pool = pool;
    this.zeroForOne = in == 0;
    refresh();
  }

  @Override
  public void refresh() {
    capacity = ConcentratedLiquidityCurve.inputForMarginal(pool, zeroForOne, 0.0);
    if (!(capacity > 0.0) || Double.isNaN(capacity)) {
      capacity = 0.0;
    }
  }

  @Override
  public double output(final double a) {
    return ConcentratedLiquidityCurve.output(
        pool, zeroForOne, Math.min(Math.max(a, 0.0), capacity));
  }

  @Override
  public double capacity() {
    return capacity;
  }

  @Override
  public double marginal(final double a) {
    return a >= capacity ? 0.0 : ConcentratedLiquidityCurve.marginal(pool, zeroForOne, a);
  }

  @Override
  public double inputForMarginal(final double rho) {
    if (!(rho > 0.0)) {
      return capacity;
    }
    return Math.min(ConcentratedLiquidityCurve.inputForMarginal(pool, zeroForOne, rho), capacity);
  }
}
