/** Lending positions: health factor and the price moves that would make them liquidatable. */
package io.sextant.portfolio.collateral;
