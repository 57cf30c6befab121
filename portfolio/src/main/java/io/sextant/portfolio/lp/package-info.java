/**
 * Value, greeks and loss-versus-rebalancing of AMM liquidity positions, in closed form. Throughout,
 * the <em>risky</em> token is the pool's token0 and the numeraire is token1; the price {@code P} is
 * numeraire units per risky unit (token1/token0, Uniswap's convention, so {@code √P} is the
 * sqrtPriceX96 / 2^96 of V3 in whole-unit terms). Values are in numeraire units, delta in risky
 * units, gamma in risky units per numeraire-per-risky price unit.
 *
 * <p>LVR follows Milionis, Moallemi, Roughgarden and Zhang, "Automated Market Making and
 * Loss-Versus-Rebalancing" (2022): with the price a geometric Brownian motion of volatility σ, the
 * instantaneous LVR rate is {@code ℓ(P) = ½ σ² P² |x'(P)|}, where {@code x(P)} is the pool's risky
 * holding. Units: value per unit of the time in which σ² is quoted.
 */
package io.sextant.portfolio.lp;
