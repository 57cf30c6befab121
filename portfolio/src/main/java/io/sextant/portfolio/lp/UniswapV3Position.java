package io.sextant.portfolio.lp;

/**
 * A concentrated-liquidity (Uniswap V3) position of liquidity L on the price range {@code [Pa,
 * Pb]}, given by {@code √Pa < √Pb}. Holdings (whitepaper eq. 6.29–6.30):
 *
 * <ul>
 *   <li>below the range ({@code P ≤ Pa}): {@code x = L(1/√Pa − 1/√Pb)}, {@code y = 0}
 *   <li>in range: {@code x = L(1/√P − 1/√Pb)}, {@code y = L(√P − √Pa)}
 *   <li>above ({@code P ≥ Pb}): {@code x = 0}, {@code y = L(√Pb − √Pa)}
 * </ul>
 *
 * <p>Value {@code V = xP + y}; in range {@code V = L(2√P − P/√Pb − √Pa)}. Because the pool trades
 * along its curve ({@code P dx + dy = 0}), delta is the risky holding everywhere: {@code Δ = x}.
 * Gamma is {@code −½ L P^{−3/2}} in range and 0 outside (V is linear in P there; at the two edges
 * it is one-sided). LVR in range is {@code ½σ²P² · ½L P^{−3/2} = ¼σ²L√P}, zero outside the range
 * where the pool does not trade.
 *
 * @param liquidity L
 * @param sqrtPriceLower √Pa
 * @param sqrtPriceUpper √Pb
 */
public record UniswapV3Position(double liquidity, double sqrtPriceLower, double sqrtPriceUpper) {

  /** Validates the range. */
  public UniswapV3Position {
    if (!(sqrtPriceLower > 0 && sqrtPriceLower < sqrtPriceUpper)) {
      throw new IllegalArgumentException(
          "need 0 < √Pa < √Pb: " + sqrtPriceLower + ", " + sqrtPriceUpper);
    }
  }

  /** A position between two ticks, using {@code √P = 1.0001^{tick/2}}. */
  public static UniswapV3Position ofTicks(
      final double liquidity, final int tickLower, final int tickUpper) {
    return new UniswapV3Position(
        liquidity, Math.pow(1.0001, tickLower / 2.0), Math.pow(1.0001, tickUpper / 2.0));
  }

  /** Risky (token0) holding at price P. */
  public double riskyAmount(final double price) {
    final double s = clamp(Math.sqrt(price));
    return liquidity * (1 / s - 1 / sqrtPriceUpper);
  }

  /** Numeraire (token1) holding at price P. */
  public double numeraireAmount(final double price) {
    final double s = clamp(Math.sqrt(price));
    return liquidity * (s - sqrtPriceLower);
  }

  /** Value {@code xP + y}, in numeraire units. */
  public double value(final double price) {
    return riskyAmount(price) * price + numeraireAmount(price);
  }

  /** ∂V/∂P = x(P). */
  public double delta(final double price) {
    return riskyAmount(price);
  }

  /** ∂²V/∂P²: {@code −½ L P^{−3/2}} strictly inside the range, 0 outside. */
  public double gamma(final double price) {
    final double s = Math.sqrt(price);
    return insideSqrt(s) ? -0.5 * liquidity / (price * s) : 0.0;
  }

  /** Instantaneous LVR rate {@code ¼σ²L√P} in range, 0 outside; σ per √time. */
  public double lvrRate(final double price, final double sigma) {
    final double s = Math.sqrt(price);
    return insideSqrt(s) ? 0.25 * sigma * sigma * liquidity * s : 0.0;
  }

  /** Whether P lies strictly inside {@code (Pa, Pb)}. */
  public boolean inRange(final double price) {
    return insideSqrt(Math.sqrt(price));
  }

  private boolean insideSqrt(final double sqrtPrice) {
    return sqrtPrice > sqrtPriceLower && sqrtPrice < sqrtPriceUpper;
  }

  private double clamp(final double sqrtPrice) {
    return Math.max(sqrtPriceLower, Math.min(sqrtPriceUpper, sqrtPrice));
  }
}
