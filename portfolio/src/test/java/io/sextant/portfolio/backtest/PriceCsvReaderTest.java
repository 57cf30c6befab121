package io.sextant.portfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PriceCsvReaderTest {
  static final String[] SYMBOLS = {"USDC", "WETH"};

  static String error(final String csv) {
    return assertThrows(IllegalArgumentException.class, () -> PriceCsvReader.read(csv, SYMBOLS))
        .getMessage();
  }

  @Test
  void shouldReadReferencePoolAndLiquidityColumns() {
    final PricePath p =
        PriceCsvReader.read(
            "time,USDC,WETH,pool:WETH,liquidity:WETH\nt0,1,1600,1601,1\nt1,1,1500,1400,0.5\n",
            SYMBOLS);
    assertEquals(2, p.steps());
    assertEquals(1500, p.reference()[1][1]);
    assertEquals(1400, p.pool()[1][1]);
    assertEquals(0.5, p.liquidity()[1][1]);
    assertEquals(1, p.pool()[1][0]);
  }

  @Test
  void shouldNameLineAndColumnOfBadValues() {
    assertEquals(
        "line 3, column 3 (WETH): 'abc' is not a number",
        error("time,USDC,WETH\nt0,1,1600\nt1,1,abc\n"));
    assertEquals(
        "line 2, column 2 (USDC): -1.0 is not a positive finite number",
        error("time,USDC,WETH\nt0,-1,1600\nt1,1,1\n"));
    assertEquals("line 2: 2 columns, the header has 3", error("time,USDC,WETH\nt0,1\n"));
    assertEquals("line 1: no column for asset WETH", error("time,USDC\nt0,1\nt1,1\n"));
    assertEquals(
        "line 1, column 3: 'BTC' is not an asset of the portfolio",
        error("time,USDC,BTC,WETH\nt0,1,1,1\n"));
  }
}
