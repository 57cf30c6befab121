package io.sextant.routing.split;

import io.sextant.routing.math.univ2.ConstantProductCurve;
import io.sextant.routing.math.univ2.UniswapV2Pool;

/** A Uniswap V2 pair in one direction, by the closed forms of {@link ConstantProductCurve}. */
public final class ConstantProductSwapCurve extends SwapCurve {
  private final UniswapV2Pool pool;
  private final int in;
  private double x;
  private double y;
  private double gamma;

  /** The curve selling token {@code in} (0 or 1) of {@code pool}. */
  public ConstantProductSwapCurve(final UniswapV2Pool pool, final int in) {
    this.pool = pool;
    this.in = in;
    refresh();
  }

  @Override
  public void refresh() {
    x = (in == 0 ? pool.reserve0() : pool.reserve1()).toDouble();
    y = (in == 0 ? pool.reserve1() : pool.reserve0()).toDouble();
    gamma = pool.gamma();
  }

  @Override
  public double output(final double a) {
    return ConstantProductCurve.output(Math.max(a, 0.0), x, y, gamma);
  }

  @Override
  public double capacity() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public double marginal(final double a) {
    return ConstantProductCurve.marginal(Math.max(a, 0.0), x, y, gamma);
  }

  @Override
  public double inputForMarginal(final double rho) {
    return ConstantProductCurve.inputForMarginal(rho, x, y, gamma);
  }
}
