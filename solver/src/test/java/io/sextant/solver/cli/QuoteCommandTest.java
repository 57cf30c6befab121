package io.sextant.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowLiquidity;
import io.sextant.feeds.cow.LiquidityCatalog;
import io.sextant.feeds.cow.LoadedPool;
import io.sextant.routing.finalise.PoolStateLog;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant quote} in-process on the embedded auction. Paths of at most two pools keep the
 * suite fast; the router itself is tested in routing and in SplitRouterAuctionTest.
 */
class QuoteCommandTest {
  static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
  static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
  static final String USDT = "0xdac17f958d2ee523a2206206994597c13d831ec7";
  static final String DAI = "0x6b175474e89094c44da98b954eedeac495271d0f";
  static final String VBNT = "0x48fb253446873234f2febbf9bdeaa72d9d387f94";
  static final ObjectMapper JSON = new ObjectMapper();

  static CowAuction auction;

  @BeforeAll
  static void load() throws Exception {
    auction = AuctionInput.load(null);
  }

  static String query(
      final String id, final String sell, final String buy, final String kind, final String amt) {
    return query(id, sell, buy, kind, amt, null, null);
  }

  static String query(
      final String id,
      final String sell,
      final String buy,
      final String kind,
      final String amt,
      final String limitName,
      final String limit) {
    return "{\"id\":\""
        + id
        + "\",\"sellToken\":\""
        + sell
        + "\",\"buyToken\":\""
        + buy
        + "\",\"kind\":\""
        + kind
        + "\",\"amount\":\""
        + amt
        + "\""
        + (limitName == null ? "" : ",\"" + limitName + "\":\"" + limit + "\"")
        + "}";
  }

  static Path file(final Path dir, final String name, final String text) throws Exception {
    final Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  static JsonNode quote(final Path queries, final String... extra) throws Exception {
    final String[] args = new String[4 + extra.length];
    args[0] = "quote";
    args[1] = "--queries";
    args[2] = queries.toString();
    args[3] = "--json";
    System.arraycopy(extra, 0, args, 4, extra.length);
    final SimulateCommandTest.Run r = SimulateCommandTest.run(args);
    assertEquals(0, r.status(), r.err());
    return JSON.readTree(r.out());
  }

  /** Native wei worth of {@code amount} of {@code token}; infinite without a reference price. */
  private static double value(final String token, final BigInteger amount) {
    final io.sextant.feeds.cow.CowToken t = auction.tokens().get(token);
    final BigInteger ref = t == null ? null : t.referencePrice();
    return ref == null || ref.signum() <= 0
        ? Double.POSITIVE_INFINITY
        : amount.doubleValue() * ref.doubleValue() / 1e18;
  }

  /**
   * Re-simulates the answer's legs in order on fresh pools of the auction with the exact math, each
   * leg applied before the next, and checks every leg amount to the wei, that the legs only spend
   * what earlier legs delivered, and that the totals are the answer's.
   */
  static void assertExact(final JsonNode a, final String sell, final String buy) {
    final LiquidityCatalog catalog = LiquidityCatalog.of(auction);
    final PoolStateLog log = new PoolStateLog();
    final SwapResult r = new SwapResult();
    final Map<String, BigInteger> balance = new HashMap<>();
    BigInteger in = BigInteger.ZERO;
    try {
      for (JsonNode leg : a.get("legs")) {
        final String tin = leg.get("tokenIn").asText();
        final String tout = leg.get("tokenOut").asText();
        final LoadedPool p = catalog.find(leg.get("pool").asText(), tin, tout);
        assertNotNull(p, leg.toString());
        final BigInteger legIn = new BigInteger(leg.get("amountIn").asText());
        assertTrue(
            p.pool().exactIn(p.tokenIndex(tin), p.tokenIndex(tout), UInt256.of(legIn), r),
            leg.toString());
        assertEquals(legIn, r.amountIn.toBigInteger(), "leg in " + leg);
        assertEquals(
            new BigInteger(leg.get("amountOut").asText()), r.amountOut.toBigInteger(), "leg out");
        log.apply(p.pool(), p.tokenIndex(tin), p.tokenIndex(tout), r);
        if (tin.equals(sell)) {
          in = in.add(legIn);
        } else {
          final BigInteger left = balance.getOrDefault(tin, BigInteger.ZERO).subtract(legIn);
          assertTrue(left.signum() >= 0, "leg spends more " + tin + " than it received: " + leg);
          balance.put(tin, left);
        }
        balance.merge(tout, r.amountOut.toBigInteger(), BigInteger::add);
      }
    } finally {
      log.undoAll();
    }
    assertEquals(new BigInteger(a.get("amountIn").asText()), in, "total in " + a);
    assertEquals(
        new BigInteger(a.get("amountOut").asText()),
        balance.getOrDefault(buy, BigInteger.ZERO),
        "total out " + a);
    // Known router defect: an intermediate token reached after its onward edges ran (or whose
    // onward edges the split dropped) keeps a remainder. It must stay negligible: at most 1e-5 of
    // the order's value at the auction's reference prices (tokens without one must hold nothing).
    final double orderValue = value(sell, in);
    for (Map.Entry<String, BigInteger> e : balance.entrySet()) {
      if (!e.getKey().equals(buy) && e.getValue().signum() != 0) {
        final double v = value(e.getKey(), e.getValue());
        assertTrue(
            v <= 1e-5 * orderValue,
            "stranded " + e.getValue() + " of " + e.getKey() + " (" + v + " wei) in " + a);
      }
    }
  }

  @Test
  void shouldAnswerSellAndBuyQueriesInOrderWithLegsThatReSimulateToTheWei(@TempDir final Path dir)
      throws Exception {
    final String[][] qs = {
      {"weth-usdc", WETH, USDC, "sell", "1000000000000000000"},
      {"weth-usdc-100", WETH, USDC, "sell", "100000000000000000000"},
      {"usdc-weth", USDC, WETH, "sell", "2500000000"},
      {"usdc-usdt", USDC, USDT, "sell", "1607355199"},
      {"dai-weth-buy", DAI, WETH, "buy", "3000000000000000000"},
      {"weth-usdc-buy", WETH, USDC, "buy", "5000000000"},
    };
    final StringBuilder sb = new StringBuilder("[");
    for (String[] q : qs) {
      sb.append(sb.length() > 1 ? "," : "").append(query(q[0], q[1], q[2], q[3], q[4]));
    }
    final Path f = file(dir, "q.json", sb.append("]").toString());
    for (String gas : new String[] {"0", null}) {
      final JsonNode arr =
          gas == null
              ? quote(f, "--max-hops", "2")
              : quote(f, "--max-hops", "2", "--gas-price", gas);
      assertEquals(qs.length, arr.size());
      for (int i = 0; i < qs.length; i++) {
        final JsonNode a = arr.get(i);
        assertEquals(qs[i][0], a.get("id").asText());
        assertFalse(a.has("error"), a.toString());
        assertTrue(a.get("legs").size() >= 1, a.toString());
        assertTrue(a.get("micros").isNumber() && a.get("micros").asDouble() > 0, a.toString());
        assertTrue(a.get("gasUnits").asLong() > 0, a.toString());
        final BigInteger amt = new BigInteger(qs[i][4]);
        if (qs[i][3].equals("sell")) {
          assertEquals(amt, new BigInteger(a.get("amountIn").asText()), a.toString());
        } else {
          assertTrue(new BigInteger(a.get("amountOut").asText()).compareTo(amt) >= 0, a.toString());
        }
        assertExact(a, qs[i][1], qs[i][2]);
      }
      if ("0".equals(gas)) {
        // Never worse than one swap through Uniswap V3 pool 558 (the README's simulate example).
        assertTrue(
            new BigInteger(arr.get(1).get("amountOut").asText())
                    .compareTo(new BigInteger("161150233504"))
                >= 0,
            arr.get(1).toString());
      }
    }
  }

  @Test
  void shouldAnswerEachBadQueryInItsSlotAndGoOn(@TempDir final Path dir) throws Exception {
    final String unknown = "0x0000000000000000000000000000000000000001";
    final String[] qs = {
      query("ok", WETH, USDC, "sell", "1000000000000000000"),
      query("unknown-sell", unknown, USDC, "sell", "1000"),
      query("unknown-buy", WETH, unknown, "sell", "1000"),
      query("zero", WETH, USDC, "sell", "0"),
      query("overflow", WETH, USDC, "sell", "1" + "0".repeat(78)),
      query("nan", WETH, USDC, "sell", "12abc"),
      query("same", WETH, WETH, "sell", "1000"),
      query("kind", WETH, USDC, "swap", "1000"),
      query("address", "0x12", USDC, "sell", "1000"),
      query("ok", WETH, USDC, "sell", "1000"),
      query("wrong-limit", WETH, USDC, "sell", "1000", "maxAmountIn", "5"),
      query("bad-limit", WETH, USDC, "buy", "1000", "maxAmountIn", "-5"),
      // no pool of the auction delivers more USDC than it holds
      query("too-much", WETH, USDC, "buy", "1" + "0".repeat(30)),
      query("ok2", USDC, WETH, "sell", "1000000000"),
    };
    final Path f = file(dir, "q.json", "[" + String.join(",", qs) + "]");
    final JsonNode arr = quote(f, "--max-hops", "2");
    assertEquals(qs.length, arr.size());
    final String[] expected = {
      null,
      "queries[1].sellToken: unknown token " + unknown,
      "queries[2].buyToken: unknown token " + unknown,
      "queries[3].amount: zero",
      "queries[4].amount: not a uint256",
      "queries[5].amount: not a uint256: \"12abc\"",
      "queries[6]: sellToken and buyToken are the same",
      "queries[7].kind: expected \"sell\" or \"buy\", got \"swap\"",
      "queries[8].sellToken: not an address",
      "queries[9].id: duplicate id \"ok\" (first at queries[0])",
      "queries[10].maxAmountIn: only buy queries take maxAmountIn",
      "queries[11].maxAmountIn: not a uint256: \"-5\"",
      "queries[12]: ",
      null,
    };
    for (int i = 0; i < qs.length; i++) {
      final JsonNode a = arr.get(i);
      assertEquals(JSON.readTree(qs[i]).get("id").asText(), a.get("id").asText());
      if (expected[i] == null) {
        assertFalse(a.has("error"), a.toString());
        continue;
      }
      assertEquals(2, a.size(), a.toString());
      assertTrue(a.get("error").asText().startsWith(expected[i]), a.toString());
    }
    final SimulateCommandTest.Run overflow =
        SimulateCommandTest.run("quote", "--queries", f.toString(), "--max-hops", "2");
    assertEquals(0, overflow.status(), overflow.err());
    assertTrue(overflow.out().contains("14 queries, 12 failed"), overflow.out());
  }

  @Test
  void shouldReportAnOverflowingAmountAsAboveTheUint256Range(@TempDir final Path dir)
      throws Exception {
    final String max =
        "115792089237316195423570985008687907853269984665640564039457584007913129639936";
    final JsonNode arr =
        quote(file(dir, "q.json", "[" + query("big", WETH, USDC, "sell", max) + "]"));
    assertTrue(arr.get(0).get("error").asText().startsWith("queries[0].amount: above 2^256-1"));
  }

  @Test
  void shouldReportNoPathWhenTheHopsOrKindsDoNotReach(@TempDir final Path dir) throws Exception {
    // vBNT trades only in two constant-product pools, against WETH and USDC: none reaches DAI in
    // one hop, and none is left with concentrated liquidity only.
    final Path f = file(dir, "q.json", "[" + query("x", VBNT, DAI, "sell", "1000000000000") + "]");
    assertEquals(
        "queries[0]: no path of at most 1 pools",
        quote(f, "--max-hops", "1").get(0).get("error").asText());
    assertEquals(
        "queries[0]: no path of at most 2 pools",
        quote(f, "--max-hops", "2", "--kinds", "concentratedLiquidity")
            .get(0)
            .get("error")
            .asText());
  }

  @Test
  void shouldCheckLimitsAgainstTheBestRoute(@TempDir final Path dir) throws Exception {
    final Path f =
        file(
            dir,
            "q.json",
            "["
                + query("s", WETH, USDC, "sell", "1000000000000000000")
                + ","
                + query("b", WETH, USDC, "buy", "2000000000")
                + "]");
    final JsonNode base = quote(f, "--max-hops", "2");
    final BigInteger out = new BigInteger(base.get(0).get("amountOut").asText());
    final BigInteger in = new BigInteger(base.get(1).get("amountIn").asText());
    final Path limits =
        file(
            dir,
            "limits.json",
            "["
                + query(
                    "s-met",
                    WETH,
                    USDC,
                    "sell",
                    "1000000000000000000",
                    "minAmountOut",
                    out.toString())
                + ","
                + query(
                    "s-unmet",
                    WETH,
                    USDC,
                    "sell",
                    "1000000000000000000",
                    "minAmountOut",
                    out.add(BigInteger.ONE).toString())
                + ","
                + query("b-met", WETH, USDC, "buy", "2000000000", "maxAmountIn", in.toString())
                + ","
                + query(
                    "b-unmet",
                    WETH,
                    USDC,
                    "buy",
                    "2000000000",
                    "maxAmountIn",
                    in.subtract(BigInteger.ONE).toString())
                + "]");
    final JsonNode arr = quote(limits, "--max-hops", "2");
    assertEquals(base.get(0).get("amountOut"), arr.get(0).get("amountOut"));
    assertEquals(base.get(1).get("amountIn"), arr.get(2).get("amountIn"));
    assertEquals(
        "queries[1]: minAmountOut not met: the best route pays "
            + out
            + " < "
            + out.add(BigInteger.ONE)
            + "; no route pays more",
        arr.get(1).get("error").asText());
    assertEquals(
        "queries[3]: maxAmountIn not met: the best route costs "
            + in
            + " > "
            + in.subtract(BigInteger.ONE)
            + "; no route costs less",
        arr.get(3).get("error").asText());
  }

  @Test
  void shouldRouteOnlyThroughTheKindsAndPoolsAllowed(@TempDir final Path dir) throws Exception {
    final Map<String, String> kindOf = new HashMap<>();
    final Map<String, String> addressOf = new HashMap<>();
    for (CowLiquidity l : auction.liquidity()) {
      kindOf.put(l.id(), l.kind());
      addressOf.put(l.id(), l.address());
    }
    final Path f =
        file(
            dir,
            "q.json",
            "["
                + query("a", WETH, USDC, "sell", "10000000000000000000")
                + ","
                + query("b", DAI, USDC, "sell", "5000000000000000000000")
                + "]");
    for (String kind : new String[] {"constantProduct", "concentratedLiquidity"}) {
      final JsonNode arr = quote(f, "--max-hops", "2", "--gas-price", "0", "--kinds", kind);
      for (JsonNode a : arr) {
        assertFalse(a.has("error"), a.toString());
        for (JsonNode leg : a.get("legs")) {
          assertEquals(kind, kindOf.get(leg.get("pool").asText()), a.toString());
        }
      }
    }
    // Excluding every pool the first answer used forces another route.
    final JsonNode first = quote(f, "--max-hops", "2", "--gas-price", "0").get(0);
    final StringBuilder ex = new StringBuilder();
    for (JsonNode leg : first.get("legs")) {
      ex.append(ex.isEmpty() ? "" : ",").append(addressOf.get(leg.get("pool").asText()));
    }
    final JsonNode other =
        quote(f, "--max-hops", "2", "--gas-price", "0", "--exclude", ex.toString()).get(0);
    assertFalse(other.has("error"), other.toString());
    for (JsonNode leg : other.get("legs")) {
      assertFalse(
          ex.toString().contains(addressOf.get(leg.get("pool").asText())), other.toString());
    }
    assertNotEquals(first.get("amountOut"), other.get("amountOut"));
    assertExact(other, WETH, USDC);
  }

  @Test
  void shouldRejectUnusableOptionsAndFilesWithExitTwo(@TempDir final Path dir) throws Exception {
    final Path ok = file(dir, "ok.json", "[" + query("a", WETH, USDC, "sell", "1000") + "]");
    final String[][] usage = {
      {"--kinds", "constantProduct,uniswapV4"},
      {"--max-hops", "0"},
      {"--gas-price", "-1"},
      {"--gas-price", "lots"},
      {"--exclude", "0x1234"},
      {"--exclude", "0x0000000000000000000000000000000000000001"},
    };
    final String[] message = {
      "--kinds: unknown liquidity kind \"uniswapV4\"",
      "--max-hops: expected 1..5, got 0",
      "--gas-price: expected a non-negative number of wei",
      "--gas-price",
      "--exclude: not an address",
      "--exclude: no liquidity of embedded mainnet auction 7400693 has address",
    };
    for (int i = 0; i < usage.length; i++) {
      final SimulateCommandTest.Run r =
          SimulateCommandTest.run("quote", "--queries", ok.toString(), usage[i][0], usage[i][1]);
      assertEquals(2, r.status(), usage[i][0] + " " + usage[i][1] + ": " + r.out());
      assertTrue(r.err().contains(message[i]), r.err());
    }
    final String[][] files = {
      {"not json [", "$: malformed JSON"},
      {"\"queries\"", "$: expected a JSON array of queries or an object with a \"queries\" array"},
      {"{\"queries\": 3}", "queries: expected an array, got number 3"},
      {"[3]", "queries[0]: expected an object, got number 3"},
      {
        "["
            + query("a", WETH, USDC, "sell", "1")
            + ",{\"id\":\"b\",\"sellToken\":\""
            + WETH
            + "\"}]",
        "queries[1].buyToken: missing"
      },
      {
        "[{\"id\":\"a\",\"sellToken\":\""
            + WETH
            + "\",\"buyToken\":\""
            + USDC
            + "\",\"kind\":\"sell\",\"amount\":1000}]",
        "queries[0].amount: expected a string, got number 1000"
      },
      {
        "[{\"id\":[1],\"sellToken\":\""
            + WETH
            + "\",\"buyToken\":\""
            + USDC
            + "\",\"kind\":\"sell\",\"amount\":\"1\"}]",
        "queries[0].id: expected a string"
      },
      {
        "[{\"id\":\"a\",\"sellToken\":\""
            + WETH
            + "\",\"buyToken\":\""
            + USDC
            + "\",\"kind\":\"sell\",\"amount\":\"1\",\"minAmountOut\":5}]",
        "queries[0].minAmountOut: expected a string, got number 5"
      },
    };
    for (int i = 0; i < files.length; i++) {
      final Path f = file(dir, "bad" + i + ".json", files[i][0]);
      final SimulateCommandTest.Run r = SimulateCommandTest.run("quote", "--queries", f.toString());
      assertEquals(2, r.status(), files[i][0]);
      assertTrue(r.err().contains("bad queries file " + f + ": " + files[i][1]), r.err());
    }
    final SimulateCommandTest.Run missing =
        SimulateCommandTest.run("quote", "--queries", dir.resolve("none.json").toString());
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("no such queries file"), missing.err());
  }

  @Test
  void shouldPrintATableWithoutJson(@TempDir final Path dir) throws Exception {
    final Path f =
        file(
            dir,
            "q.json",
            "["
                + query("one", WETH, USDC, "sell", "1000000000000000000")
                + ","
                + query("two", WETH, USDC, "sell", "0")
                + "]");
    final SimulateCommandTest.Run r =
        SimulateCommandTest.run("quote", "--queries", f.toString(), "--max-hops", "2");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("one") && r.out().contains("WETH") && r.out().contains("USDC"));
    assertTrue(r.out().contains("error: queries[1].amount: zero"), r.out());
    assertTrue(r.out().contains("2 queries, 1 failed"), r.out());
  }
}
