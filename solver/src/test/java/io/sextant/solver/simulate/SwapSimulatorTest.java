package io.sextant.solver.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.feeds.cow.CowLiquidity;
import io.sextant.feeds.cow.LiquidityCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SwapSimulatorTest {
  static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
  static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
  static CowAuction auction;
  static LiquidityCatalog catalog;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        Files.newInputStream(Path.of("..", "data", "mainnet-auction-7400693.json"))) {
      auction = new CowAuctionParser().parse(in);
    }
    catalog = LiquidityCatalog.of(auction);
  }

  @Test
  void shouldBuildEveryPoolOfTheEmbeddedAuctionExceptEmptyOnes() {
    assertEquals(1001, catalog.pools().size());
    // The real auction carries drained pools: a zero reserve is refused, naming the field.
    for (var p : catalog.failed()) {
      assertTrue(
          p.error()
              .matches(
                  "liquidity\\[\\d+] \\((constantProduct|weightedProduct) id \\d+\\): .*(reserve[01]: zero|balances\\[\\d] is zero)"),
          p.error());
    }
  }

  @Test
  void shouldMatchTheV2FormulaOnTheDeepestWethUsdcPair() {
    final CowLiquidity.ConstantProduct cp =
        (CowLiquidity.ConstantProduct) catalog.withId("714").get(0).source();
    final int wethIdx = cp.tokens().indexOf(WETH);
    final BigInteger rIn = cp.balances().get(wethIdx);
    final BigInteger rOut = cp.balances().get(1 - wethIdx);
    final BigInteger in = BigInteger.TEN.pow(18);
    final BigInteger expected =
        in.multiply(BigInteger.valueOf(997))
            .multiply(rOut)
            .divide(
                rIn.multiply(BigInteger.valueOf(1000)).add(in.multiply(BigInteger.valueOf(997))));
    final SwapOutcome o =
        new SwapSimulator(catalog)
            .simulate(0, new SwapRequest("714", WETH, USDC, "sell", in, null));
    assertNull(o.error());
    assertEquals(in, o.amountIn());
    assertEquals(expected, o.amountOut());
  }

  @Test
  void shouldAnswerEachExampleSwapInItsSlot() throws IOException {
    final List<SwapFileParser.Entry> entries =
        new SwapFileParser().parse(Files.readString(Path.of("..", "data", "example-swaps.json")));
    final List<SwapOutcome> out = new SwapSimulator(catalog).simulate(entries);
    assertEquals(entries.size(), out.size());
    for (int i = 0; i < out.size() - 1; i++) {
      final SwapOutcome o = out.get(i);
      assertTrue(o.ok(), () -> o.error());
      assertTrue(o.amountOut().signum() > 0 && o.amountIn().signum() > 0);
      if (o.request().exactInput() && o.request().sqrtPriceLimitX96() == null) {
        assertEquals(o.request().amount(), o.amountIn());
      }
      if (!o.request().exactInput()) {
        assertEquals(o.request().amount(), o.amountOut());
      }
    }
    // The price-limited swap stops at the limit: it takes less than asked.
    final SwapOutcome limited = out.get(4);
    assertTrue(limited.amountIn().compareTo(limited.request().amount()) < 0);
    assertEquals(
        "swaps[8].buyToken: pool 714 does not trade 0x0000000000000000000000000000000000000001",
        out.get(out.size() - 1).error());
  }

  @Test
  void shouldPutPreciseErrorsInTheFailingSlotsOnly() {
    final String swaps =
        """
        [{"pool":"714","sellToken":"%s","buyToken":"%s","kind":"sell","amount":"-5"},
         {"pool":"nope","sellToken":"%s","buyToken":"%s","kind":"sell","amount":"5"},
         {"pool":"714","sellToken":"%s","buyToken":"%s","kind":"sell","amount":"0"},
         {"pool":"714","sellToken":"%s","buyToken":"%s","kind":"swap","amount":"5"},
         {"pool":"714","sellToken":"%s","buyToken":"%s","kind":"sell","amount":"5","sqrtPriceLimitX96":"1"},
         {"pool":"714","sellToken":"%s","buyToken":"%s","kind":"buy","amount":"1000000000000000000000000000"},
         {"pool":"714","sellToken":"%s","buyToken":"%s","kind":"sell","amount":"1000000000000000"}]
        """
            .formatted(
                WETH, USDC, WETH, USDC, WETH, USDC, WETH, USDC, WETH, USDC, USDC, WETH, WETH, USDC);
    final List<SwapOutcome> out =
        new SwapSimulator(catalog).simulate(new SwapFileParser().parse(swaps));
    assertEquals("swaps[0].amount: not a uint256: \"-5\"", out.get(0).error());
    assertEquals("swaps[1].pool: unknown liquidity id \"nope\"", out.get(1).error());
    assertTrue(
        out.get(2).error().startsWith("swaps[2]: pool 714 (constantProduct): "),
        out.get(2).error());
    assertEquals("swaps[3].kind: expected \"sell\" or \"buy\", got \"swap\"", out.get(3).error());
    assertTrue(
        out.get(4).error().startsWith("swaps[4].sqrtPriceLimitX96: only"), out.get(4).error());
    assertTrue(out.get(5).error().startsWith("swaps[5]: pool 714"), out.get(5).error());
    assertTrue(out.get(6).ok());
  }
}
