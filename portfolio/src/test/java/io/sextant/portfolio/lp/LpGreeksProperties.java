package io.sextant.portfolio.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

class LpGreeksProperties {
  @Property(tries = 300)
  void v3GreeksMatchHighPrecisionFiniteDifferencesEverywhere(
      @ForAll @Scale(6) @DoubleRange(min = 1, max = 1e7) double liquidity,
      @ForAll @Scale(6) @DoubleRange(min = 1e-3, max = 1e3) double sqrtLower,
      @ForAll @Scale(6) @DoubleRange(min = 1.001, max = 10) double widthFactor,
      @ForAll @Scale(6) @DoubleRange(min = 0.25, max = 4) double priceFactor) {
    final double sqrtUpper = sqrtLower * widthFactor;
    final UniswapV3Position pos = new UniswapV3Position(liquidity, sqrtLower, sqrtUpper);
    // Prices from a quarter of Pa to four times Pb, geometric.
    final double logLo = Math.log(sqrtLower * sqrtLower / 4);
    final double logHi = Math.log(sqrtUpper * sqrtUpper * 4);
    final double price = Math.exp(logLo + (logHi - logLo) * (priceFactor - 0.25) / 3.75);
    final double pa = sqrtLower * sqrtLower;
    final double pb = sqrtUpper * sqrtUpper;
    // The differences must not straddle a range edge, where gamma jumps.
    Assume.that(Math.abs(price - pa) > 3e-5 * price && Math.abs(price - pb) > 3e-5 * price);
    final double[] fd =
        LpGreeksTest.finiteDifferences(
            p -> LpGreeksTest.v3Value(liquidity, sqrtLower, sqrtUpper, p), price);
    final double scale = liquidity / Math.sqrt(price); // delta's natural size
    assertEquals(fd[0], pos.value(price), 1e-12 * Math.abs(fd[0]));
    assertEquals(fd[1], pos.delta(price), 1e-6 * Math.max(Math.abs(fd[1]), 1e-9 * scale));
    assertEquals(fd[2], pos.gamma(price), 1e-6 * Math.max(Math.abs(fd[2]), 1e-9 * scale / price));
  }
}
