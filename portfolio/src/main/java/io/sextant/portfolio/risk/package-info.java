/**
 * Risk model: EWMA volatility and covariance updated per price tick without allocation, Ledoit–Wolf
 * shrinkage of the sample covariance, historical and Gaussian value at risk. Returns are log
 * returns (dimensionless, per tick interval); volatilities are per tick unless scaled by the
 * caller.
 */
package io.sextant.portfolio.risk;
