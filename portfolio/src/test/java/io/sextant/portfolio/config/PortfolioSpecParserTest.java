package io.sextant.portfolio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PortfolioSpecParserTest {
  static final String MIN =
      """
      quote: USDC
      assets:
        - {symbol: USDC, address: "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", amount: 100, volatility: 0.01, target: 0.5}
        - {symbol: WETH, address: "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", amount: 1, volatility: 0.6, target: 0.5}
      """;

  static String error(final String yaml) {
    return assertThrows(PortfolioSpecException.class, () -> new PortfolioSpecParser().parse(yaml))
        .getMessage();
  }

  @Test
  void shouldParseTheShippedExample() throws Exception {
    final PortfolioSpec s =
        new PortfolioSpecParser()
            .parse(Files.readString(Path.of("../config/portfolio-example.yaml")));
    assertEquals(20, s.assets().size());
    assertEquals("USDC", s.assets().get(s.quote()).symbol());
    assertEquals(2, s.lpPositions().size());
    assertEquals(1, s.lendingPositions().size());
    assertEquals(s.indexOf("WETH"), s.backtest().crashAsset());
  }

  @Test
  void shouldApplyDefaults() {
    final PortfolioSpec s = new PortfolioSpecParser().parse(MIN);
    assertEquals("fixed", s.allocation().method());
    assertEquals(2, s.execution().maxHops());
    assertEquals(0.03, s.breakers().maxDeviation());
  }

  @Test
  void shouldNameTheKeyOfEveryProblem() {
    assertTrue(error(MIN.replace("amount: 1,", "amount: -1,")).startsWith("assets[1].amount:"));
    assertTrue(error(MIN.replace("amount: 1,", "amount: lots,")).startsWith("assets[1].amount:"));
    assertTrue(error(MIN.replace("0xc02a", "0xzz2a")).startsWith("assets[1].address:"));
    assertTrue(error(MIN.replace("quote: USDC", "quote: EUR")).startsWith("quote:"));
    assertTrue(
        error(MIN.replace("target: 0.5}\n  - {symbol: WETH", "target: 0.4}\n  - {symbol: WETH"))
            .startsWith("assets[*].target:"));
    assertTrue(
        error(MIN + "rebalance: {aversoin: 3}\n").startsWith("rebalance.aversoin: unknown key"));
    assertTrue(
        error(MIN + "breakers: {volatility: {action: panic}}\n")
            .startsWith("breakers.volatility.action:"));
    assertTrue(
        error(
                MIN
                    + "lendingPositions:\n  - {collateral: WETH, collateralAmount: 1, debt: DAI, debtAmount: 1, liquidationThreshold: 0.8}\n")
            .startsWith("lendingPositions[0].debt:"));
    assertTrue(
        error(
                MIN
                    + "lpPositions:\n  - {kind: uniswapV3, asset: WETH, liquidity: 1, lowerPrice: 2, upperPrice: 1}\n")
            .startsWith("lpPositions[0].upperPrice:"));
    assertTrue(error(MIN + "risk: {shrinkage: lots}\n").startsWith("risk.shrinkage:"));
    assertTrue(error("quote: [").startsWith("(yaml"));
  }
}
