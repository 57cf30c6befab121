/**
 * Allocation optimisers: mean–variance with constraints, minimum variance, risk parity and fixed
 * targets. Weights are fractions of portfolio value; expected returns and covariances are per the
 * same period (e.g. per day) and volatilities per √period. Cold path: these allocate freely. The
 * quadratic programmes are solved with ojAlgo's {@code ExpressionsBasedModel} (convex QP solver).
 */
package io.sextant.portfolio.allocation;
