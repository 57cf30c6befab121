package io.sextant.feeds.cow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CowAuctionParserTest {
  static final Path DATA = Path.of("..", "data");
  private final CowAuctionParser parser = new CowAuctionParser();

  @Test
  void shouldParseTheEmbeddedMainnetAuctionCompletely() throws IOException {
    final CowAuction a;
    try (InputStream in = Files.newInputStream(DATA.resolve("mainnet-auction-7400693.json"))) {
      a = parser.parse(in);
    }
    assertEquals("7400693", a.id());
    assertEquals(315, a.tokens().size());
    assertEquals(844, a.orders().size());
    assertEquals(1001, a.liquidity().size());
    assertEquals(new BigInteger("15078285917"), a.effectiveGasPrice());
    final Map<String, Long> kinds =
        a.liquidity().stream()
            .collect(Collectors.groupingBy(CowLiquidity::kind, Collectors.counting()));
    assertEquals(
        Map.of(
            "constantProduct", 449L,
            "concentratedLiquidity", 353L,
            "weightedProduct", 190L,
            "stable", 9L),
        kinds);
    assertEquals(797, a.orders().stream().filter(o -> o.kind() == CowOrder.Kind.SELL).count());
    assertEquals(
        15_169,
        a.liquidity().stream()
            .filter(l -> l instanceof CowLiquidity.ConcentratedLiquidity)
            .mapToInt(l -> ((CowLiquidity.ConcentratedLiquidity) l).liquidityNet().size())
            .sum());
  }

  @Test
  void shouldOrderConstantProductTokensByAddressLikeThePair() {
    final CowAuction a =
        parser.parse(
            auction(
                """
                {"kind":"constantProduct","id":"7","address":"0x0000000000000000000000000000000000000009",
                 "gasEstimate":"90000","router":"0x0000000000000000000000000000000000000008",
                 "tokens":{"0xBB00000000000000000000000000000000000000":{"balance":"5"},
                           "0xaa00000000000000000000000000000000000000":{"balance":"0x10"}},
                 "fee":"0.003"}
                """));
    final CowLiquidity.ConstantProduct cp =
        assertInstanceOf(CowLiquidity.ConstantProduct.class, a.liquidity().get(0));
    assertEquals("0xaa00000000000000000000000000000000000000", cp.tokens().get(0));
    assertEquals("0xbb00000000000000000000000000000000000000", cp.tokens().get(1));
    assertEquals(BigInteger.valueOf(16), cp.balances().get(0));
    assertEquals(BigInteger.valueOf(5), cp.balances().get(1));
  }

  @Test
  void shouldParseEveryReferenceSolverCase() throws IOException {
    int cases = 0;
    try (DirectoryStream<Path> dir =
        Files.newDirectoryStream(DATA.resolve("cow-cases"), "*.auction.json")) {
      for (Path p : dir) {
        try (InputStream in = Files.newInputStream(p)) {
          final CowAuction a = parser.parse(in);
          assertTrue(a.orders().size() + a.liquidity().size() > 0, p.toString());
        }
        cases++;
      }
    }
    assertEquals(19, cases);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "balance above uint256 | \"balance\":\"1\" | \"balance\":\"115792089237316195423570985008687907853269984665640564039457584007913129639936\" | liquidity[0].tokens.0xaa00000000000000000000000000000000000000.balance: above 2^256-1: \"115792089237316195423570985008687907853269984665640564039457584007913129639936\"",
        "negative balance | \"balance\":\"1\" | \"balance\":\"-1\" | liquidity[0].tokens.0xaa00000000000000000000000000000000000000.balance: not a uint256: \"-1\"",
        "number instead of string | \"balance\":\"1\" | \"balance\":1 | liquidity[0].tokens.0xaa00000000000000000000000000000000000000.balance: expected a string, got number 1",
        "unknown kind | \"kind\":\"constantProduct\" | \"kind\":\"curveMagic\" | liquidity[0].kind: unknown liquidity kind \"curveMagic\"",
        "bad address | \"address\":\"0x0000000000000000000000000000000000000009\" | \"address\":\"0x09\" | liquidity[0].address: not an address (0x + 40 hex digits): \"0x09\"",
        "missing fee | \"fee\":\"0.003\" | \"fees\":\"0.003\" | liquidity[0].fee: missing",
      })
  void shouldNameTheFieldOfBadLiquidity(
      final String name, final String from, final String to, final String message) {
    final String good =
        auction(
            """
            {"kind":"constantProduct","id":"7","address":"0x0000000000000000000000000000000000000009",
             "gasEstimate":"90000","router":"0x0000000000000000000000000000000000000008",
             "tokens":{"0xaa00000000000000000000000000000000000000":{"balance":"1"},
                       "0xbb00000000000000000000000000000000000000":{"balance":"2"}},
             "fee":"0.003"}
            """);
    final String bad = good.replaceFirst(java.util.regex.Pattern.quote(from), to);
    final CowFormatException e = assertThrows(CowFormatException.class, () -> parser.parse(bad));
    assertEquals(message, e.getMessage(), name);
  }

  @Test
  void shouldRejectMalformedJsonAndDuplicateUids() {
    assertTrue(
        assertThrows(CowFormatException.class, () -> parser.parse("{\"tokens\": ["))
            .getMessage()
            .startsWith("$: malformed JSON"));
    final String order =
        """
        {"uid":"0x%s","sellToken":"0xaa00000000000000000000000000000000000000",
         "buyToken":"0xbb00000000000000000000000000000000000000","sellAmount":"1","buyAmount":"1",
         "kind":"sell","partiallyFillable":false,"class":"market",
         "owner":"0xcc00000000000000000000000000000000000000","validTo":1}
        """
            .formatted("ab".repeat(56));
    final String json =
        """
        {"id":"1","tokens":{},"orders":[%s,%s],"liquidity":[],"effectiveGasPrice":"1",
         "deadline":"2106-01-01T00:00:00.000Z"}
        """
            .formatted(order, order);
    assertEquals(
        "orders[1].uid: duplicate order uid 0x" + "ab".repeat(56),
        assertThrows(CowFormatException.class, () -> parser.parse(json)).getMessage());
  }

  @Test
  void shouldAcceptQuoteRequestsWithoutId() {
    final CowAuction a =
        parser.parse(
            """
            {"id":null,"tokens":{},"orders":[],"liquidity":[],"effectiveGasPrice":"0x0a",
             "deadline":"2106-01-01T00:00:00.000Z"}
            """);
    assertNull(a.id());
    assertEquals(BigInteger.TEN, a.effectiveGasPrice());
  }

  @Test
  void shouldKeepV3TicksSortedWithSignedLiquidityNet() {
    final CowAuction a =
        parser.parse(
            auction(
                """
                {"kind":"concentratedLiquidity","id":"3","address":"0x0000000000000000000000000000000000000009",
                 "gasEstimate":"110000","router":"0x0000000000000000000000000000000000000008",
                 "tokens":["0xaa00000000000000000000000000000000000000","0xbb00000000000000000000000000000000000000"],
                 "sqrtPrice":"79228162514264337593543950336","liquidity":"100","tick":0,
                 "liquidityNet":{"60":"-100","-60":"100"},"fee":"0.003"}
                """));
    final CowLiquidity.ConcentratedLiquidity cl =
        assertInstanceOf(CowLiquidity.ConcentratedLiquidity.class, a.liquidity().get(0));
    assertEquals(
        Map.of(-60, BigInteger.valueOf(100), 60, BigInteger.valueOf(-100)),
        cl.liquidityNet().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    assertEquals(-60, cl.liquidityNet().firstKey());
    assertEquals(
        Function.identity().apply("0xaa00000000000000000000000000000000000000"),
        cl.tokens().get(0));
  }

  static String auction(final String liquidity) {
    return """
        {"id":"1","tokens":{},"orders":[],"liquidity":[%s],"effectiveGasPrice":"1",
         "deadline":"2106-01-01T00:00:00.000Z"}
        """
        .formatted(liquidity);
  }
}
