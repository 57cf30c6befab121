package io.sextant.feeds.cow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CowPoolLoaderTest {
  private static final String V3 =
      """
      {"kind":"concentratedLiquidity","id":"v3","address":"0x0000000000000000000000000000000000000009",
       "gasEstimate":"110000","router":"0x0000000000000000000000000000000000000008",
       "tokens":["0xaa00000000000000000000000000000000000000","0xbb00000000000000000000000000000000000000"],
       "sqrtPrice":"SQRT","liquidity":"100","tick":TICK,
       "liquidityNet":{"LOWER":"100","60":"-100"},"fee":"0.003"}
      """;

  private static LoadedPool loadOne(final String liquidity) {
    final CowAuction a = new CowAuctionParser().parse(CowAuctionParserTest.auction(liquidity));
    final List<LoadedPool> pools = new CowPoolLoader().load(a);
    assertEquals(1, pools.size());
    return pools.get(0);
  }

  @Test
  void shouldBuildAValidV3Pool() {
    final LoadedPool p =
        loadOne(
            V3.replace("SQRT", "79228162514264337593543950336")
                .replace("TICK", "0")
                .replace("LOWER", "-60"));
    assertNull(p.error());
    assertTrue(p.usable());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tick off spacing | 79228162514264337593543950336 | 0 | -61 | liquidity[0] (concentratedLiquidity id v3): liquidityNet",
        "tick below MIN_TICK | 79228162514264337593543950336 | 0 | -887280 | liquidity[0] (concentratedLiquidity id v3): liquidityNet",
        "price below MIN_SQRT_RATIO | 4295128738 | -887272 | -60 | liquidity[0] (concentratedLiquidity id v3): sqrtPriceX96",
        "tick beside its price | 79228162514264337593543950336 | 500 | -60 | liquidity[0] (concentratedLiquidity id v3): tick",
      })
  void shouldNameThePoolAndTheFieldOfBadV3State(
      final String name,
      final String sqrt,
      final String tick,
      final String lower,
      final String prefix) {
    final LoadedPool p =
        loadOne(V3.replace("SQRT", sqrt).replace("TICK", tick).replace("LOWER", lower));
    assertTrue(p.error() != null && p.error().startsWith(prefix), () -> name + ": " + p.error());
    assertTrue(!p.usable());
  }

  @Test
  void shouldNameThePoolAndTheFieldOfAZeroReserve() {
    final LoadedPool p =
        loadOne(
            """
            {"kind":"constantProduct","id":"7","address":"0x0000000000000000000000000000000000000009",
             "gasEstimate":"90000","router":"0x0000000000000000000000000000000000000008",
             "tokens":{"0xaa00000000000000000000000000000000000000":{"balance":"0"},
                       "0xbb00000000000000000000000000000000000000":{"balance":"5"}},
             "fee":"0.003"}
            """);
    assertEquals("liquidity[0] (constantProduct id 7): reserve0: zero", p.error());
  }

  @Test
  void shouldNameThePoolOfWeightsThatDoNotSumToOne() {
    final LoadedPool p =
        loadOne(
            """
            {"kind":"weightedProduct","id":"w","address":"0x0000000000000000000000000000000000000009",
             "gasEstimate":"90000","balancerPoolId":"0x%s","version":"v0","fee":"0.003",
             "tokens":{"0xaa00000000000000000000000000000000000000":{"balance":"5","scalingFactor":"1","weight":"0.5"},
                       "0xbb00000000000000000000000000000000000000":{"balance":"5","scalingFactor":"1","weight":"0.6"}}}
            """
                .formatted("00".repeat(32)));
    assertEquals("liquidity[0] (weightedProduct id w): weights sum to 1.1, not 1", p.error());
  }
}
