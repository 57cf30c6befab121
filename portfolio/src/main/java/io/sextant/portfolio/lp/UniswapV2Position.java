package io.sextant.portfolio.lp;

/**
 * A full-range constant-product (Uniswap V2) position of liquidity {@code L = √(x·y)} (the
 * position's share of {@code √k}). Holdings at price P: {@code x = L/√P}, {@code y = L√P}.
 *
 * <ul>
 *   <li>value {@code V = xP + y = 2L√P = 2√(kP)}
 *   <li>delta {@code ∂V/∂P = L/√P = √(k/P)} (= the risky holding x)
 *   <li>gamma {@code ∂²V/∂P² = −½ L P^{−3/2}}
 *   <li>LVR {@code ½σ²P²|x'(P)| = ¼σ² L√P = σ²V/8}
 * </ul>
 *
 * @param liquidity L, in √(risky·numeraire) units
 */
public record UniswapV2Position(double liquidity) {

  /** The position owning {@code share} ∈ (0, 1] of a pool with the given reserves. */
  public static UniswapV2Position ofReserves(
      final double riskyReserve, final double numeraireReserve, final double share) {
    return new UniswapV2Position(share * Math.sqrt(riskyReserve * numeraireReserve));
  }

  /** Risky-token holding at price P. */
  public double riskyAmount(final double price) {
    return liquidity / Math.sqrt(price);
  }

  /** Numeraire holding at price P. */
  public double numeraireAmount(final double price) {
    return liquidity * Math.sqrt(price);
  }

  /** Value in numeraire units. */
  public double value(final double price) {
    return 2 * liquidity * Math.sqrt(price);
  }

  /** ∂V/∂P. */
  public double delta(final double price) {
    return liquidity / Math.sqrt(price);
  }

  /** ∂²V/∂P². */
  public double gamma(final double price) {
    return -0.5 * liquidity / (price * Math.sqrt(price));
  }

  /** Instantaneous LVR rate σ²V/8 for volatility σ (per √time) of the price. */
  public double lvrRate(final double price, final double sigma) {
    return sigma * sigma * value(price) / 8;
  }
}
