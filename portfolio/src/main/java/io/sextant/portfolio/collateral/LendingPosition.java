package io.sextant.portfolio.collateral;

import io.sextant.portfolio.risk.ValueAtRisk;

/**
 * A collateralised borrow (Aave/Compound style) with one collateral asset and one debt asset.
 * Prices are in a common numeraire per whole unit; amounts in whole units.
 *
 * <p>{@code HF = collateral · Pc · LT / (debt · Pd)}; the position is liquidatable when {@code HF <
 * 1}. With the debt price fixed, liquidation is at {@code Pc* = debt · Pd / (collateral · LT) = Pc
 * / HF}, a relative fall of {@code 1 − 1/HF}; with the collateral price fixed, at a debt-price rise
 * of {@code HF − 1}. Only the ratio {@code Pc/Pd} matters, so a joint move is a fall of that ratio
 * by {@code 1 − 1/HF}.
 *
 * @param collateralAmount collateral held, whole units
 * @param collateralPrice numeraire per collateral unit
 * @param debtAmount debt owed, whole units
 * @param debtPrice numeraire per debt unit
 * @param liquidationThreshold LT in (0, 1], e.g. 0.825
 */
public record LendingPosition(
    double collateralAmount,
    double collateralPrice,
    double debtAmount,
    double debtPrice,
    double liquidationThreshold) {

  /** Validates the inputs. */
  public LendingPosition {
    if (!(liquidationThreshold > 0 && liquidationThreshold <= 1)) {
      throw new IllegalArgumentException("liquidationThreshold in (0, 1]: " + liquidationThreshold);
    }
    if (collateralAmount < 0 || debtAmount < 0 || !(collateralPrice > 0) || !(debtPrice > 0)) {
      throw new IllegalArgumentException("amounts must be >= 0 and prices > 0");
    }
  }

  /** Collateral value in numeraire. */
  public double collateralValue() {
    return collateralAmount * collateralPrice;
  }

  /** Debt value in numeraire. */
  public double debtValue() {
    return debtAmount * debtPrice;
  }

  /** Health factor; {@code +∞} without debt. */
  public double healthFactor() {
    final double debt = debtValue();
    return debt == 0 ? Double.POSITIVE_INFINITY : collateralValue() * liquidationThreshold / debt;
  }

  /** Collateral price at which HF = 1 (debt price fixed); 0 without debt, +∞ without collateral. */
  public double liquidationCollateralPrice() {
    return collateralAmount == 0
        ? Double.POSITIVE_INFINITY
        : debtValue() / (collateralAmount * liquidationThreshold);
  }

  /** Relative fall of the collateral price (or of Pc/Pd) to liquidation: {@code 1 − 1/HF}. */
  public double collateralDropToLiquidation() {
    return 1 - 1 / healthFactor();
  }

  /** Relative rise of the debt price to liquidation: {@code HF − 1}. */
  public double debtRiseToLiquidation() {
    return healthFactor() - 1;
  }

  /**
   * Probability that {@code Pc/Pd}, a driftless geometric Brownian motion in log space with
   * volatility σ per √time, touches the liquidation level within {@code horizon} (same time unit):
   * by the reflection principle {@code 2 Φ(−ln HF / (σ√T))}; 1 when already liquidatable.
   */
  public double liquidationProbability(final double sigma, final double horizon) {
    final double hf = healthFactor();
    if (hf <= 1) {
      return 1.0;
    }
    if (Double.isInfinite(hf)) {
      return 0.0;
    }
    return 2 * ValueAtRisk.normalCdf(-Math.log(hf) / (sigma * Math.sqrt(horizon)));
  }
}
