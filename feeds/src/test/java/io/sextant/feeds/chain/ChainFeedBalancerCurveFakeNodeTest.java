package io.sextant.feeds.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.feeds.ring.StateApplier;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.state.PoolSnapshot;
import io.sextant.routing.state.PoolStateStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.web3j.abi.DefaultFunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/**
 * {@link ChainFeed} following a Balancer weighted pool (through its Vault) and a 3-coin Curve pool
 * on a scripted JSON-RPC node on loopback (no Balancer or Curve bytecode is available from npm, so
 * this is not a real node): the initial state by {@code eth_call}; Vault {@code Swap} and {@code
 * PoolBalanceChanged} applied as exact deltas; Curve logs answered by re-reading {@code
 * balances(i)} at the block; foreign, malformed and out-of-range logs counted, never applied; a
 * reorg rolling both pools back to the fork point by {@code eth_call}.
 */
class ChainFeedBalancerCurveFakeNodeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VAULT = "0x00000000000000000000000000000000000000fa";
  private static final String WEIGHTED = "0x00000000000000000000000000000000000000b1";
  private static final String POOL_ID = WEIGHTED + "000100000000000000000007";
  private static final String CURVE = "0x00000000000000000000000000000000000000c1";
  private static final List<String> B_TOKENS =
      List.of(
          "0x00000000000000000000000000000000000000d0",
          "0x00000000000000000000000000000000000000d1");
  private static final List<String> C_COINS =
      List.of(
          "0x00000000000000000000000000000000000000e0",
          "0x00000000000000000000000000000000000000e1",
          "0x00000000000000000000000000000000000000e2");

  private volatile long head = 100;
  private volatile long forkAt = Long.MAX_VALUE;
  private final Map<Long, ArrayNode> logs = new ConcurrentHashMap<>();
  // State by block (the value at the greatest key <= the block), on the canonical branch.
  private final TreeMap<Long, long[]> balancer = new TreeMap<>();
  private final TreeMap<Long, long[]> curve = new TreeMap<>();

  @Test
  void followsVaultDeltasAndCurveRereadsAndRollsThemBack() throws Exception {
    balancer.put(0L, new long[] {1_000_000, 2_000_000});
    curve.put(0L, new long[] {5_000_000, 6_000_000, 7_000_000});
    final HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          final JsonNode req = JSON.readTree(ex.getRequestBody());
          final byte[] body = JSON.writeValueAsBytes(answer(req));
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    final String url = "http://127.0.0.1:" + server.getAddress().getPort();
    final List<ChainFeed.Pool> pools =
        List.of(
            new ChainFeed.Pool(ChainFeed.BALANCER_WEIGHTED, WEIGHTED),
            new ChainFeed.Pool(ChainFeed.CURVE, CURVE));
    try (ChainFeed feed = new ChainFeed(url, null, pools, 16, 20, VAULT).start()) {
      assertBalances(feed, 0, 1_000_000, 2_000_000);
      assertBalances(feed, 1, 5_000_000, 6_000_000, 7_000_000);

      final ArrayNode block = JSON.createArrayNode();
      final String other = "0x" + "22".repeat(32);
      // 0: a swap of token 0 -> 1 in our pool: +1000, -500.
      block.add(log(VAULT, 101, 0, swapTopics(POOL_ID), amounts(1000, 500)));
      // 1: another pool's swap on the same Vault: counted, not ours.
      block.add(log(VAULT, 101, 1, swapTopics(other), amounts(1, 1)));
      // 2: a join: +100 and +200, protocol fee 1 on token 1.
      block.add(log(VAULT, 101, 2, changedTopics(), joinData(100, 200, 0, 1)));
      // 3: a malformed Vault swap (short data).
      block.add(log(VAULT, 101, 3, swapTopics(POOL_ID), amounts(1, 1).substring(0, 70)));
      // 4, 5: a Curve exchange and an exchange naming coin 7 (malformed); 6: a second exchange.
      block.add(log(CURVE, 101, 4, exchangeTopics(), exchange(0, 1)));
      block.add(log(CURVE, 101, 5, exchangeTopics(), exchange(7, 1)));
      block.add(log(CURVE, 101, 6, exchangeTopics(), exchange(2, 0)));
      logs.put(101L, block);
      curve.put(101L, new long[] {5_100_000, 5_900_123, 7_000_001});
      balancer.put(101L, new long[] {1_001_100, 1_999_699});
      head = 101;
      assertTrue(feed.awaitSynced(101, hash(101), Duration.ofSeconds(10)), "tip " + feed.tip());
      assertBalances(feed, 0, 1_001_100, 1_999_699);
      assertBalances(feed, 1, 5_100_000, 5_900_123, 7_000_001);
      final BalancerVaultLogDecoder b = feed.balancerDecoder();
      assertEquals(2, b.count(BalancerVaultLogDecoder.OK), b.report());
      assertEquals(1, b.count(BalancerVaultLogDecoder.OTHER_POOL), b.report());
      assertEquals(1, b.count(BalancerVaultLogDecoder.BAD_DATA), b.report());
      assertEquals(2, feed.curveDecoder().count(CurveLogDecoder.REREAD));
      assertEquals(1, feed.curveDecoder().count(CurveLogDecoder.BAD_COIN));
      assertEquals(2, feed.decoderRejected(), feed.decoderReport());
      final StateApplier applier = feed.ring().applier();
      assertEquals(0, applier.rejected(), applier.report());
      // Two Vault deltas and one Curve re-read (once per pool and block).
      assertEquals(3, applier.counter(StateApplier.APPLIED), applier.report());

      // The dump carries the Balancer pool in the CoW format (Curve has no CoW kind).
      final ArrayNode dump = CowLiquidityWriter.liquidity(feed, JSON);
      assertEquals(1, dump.size());
      assertEquals("weightedProduct", dump.get(0).get("kind").asText());
      final ObjectNode auction = JSON.createObjectNode();
      auction.put("id", "1");
      auction.putObject("tokens");
      auction.putArray("orders");
      auction.set("liquidity", dump);
      auction.put("effectiveGasPrice", "1");
      auction.put("deadline", "2030-01-01T00:00:00Z");
      assertEquals(
          1, new CowAuctionParser().parse(JSON.writeValueAsString(auction)).liquidity().size());

      // Block 101 is replaced by an empty one: both pools go back to block 100's state.
      forkAt = 100;
      balancer.remove(101L);
      curve.remove(101L);
      head = 102;
      assertTrue(feed.awaitSynced(102, hash(102), Duration.ofSeconds(10)), "tip " + feed.tip());
      assertBalances(feed, 0, 1_000_000, 2_000_000);
      assertBalances(feed, 1, 5_000_000, 6_000_000, 7_000_000);
      assertEquals(1, feed.reorgs());
      assertEquals(0, applier.rejected(), applier.report());
    } finally {
      server.stop(0);
    }
  }

  private static void assertBalances(final ChainFeed feed, final int slot, final long... want) {
    final PoolSnapshot s = feed.store().newSnapshot();
    assertEquals(PoolStateStore.OK, feed.store().read(slot, s));
    final UInt256 w = new UInt256();
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], s.balance(i, w).low64(), "pool " + slot + " balance " + i);
    }
  }

  private String hash(final long n) {
    return String.format("0x%056x%08x", n > forkAt ? 1 : 0, n);
  }

  private static String word(final long v) {
    return String.format("%064x", v);
  }

  private static String addrWord(final String address) {
    return "0x" + "0".repeat(24) + address.substring(2);
  }

  private static List<String> swapTopics(final String poolId) {
    return List.of(
        BalancerVaultLogDecoder.SWAP_TOPIC,
        poolId,
        addrWord(B_TOKENS.get(0)),
        addrWord(B_TOKENS.get(1)));
  }

  private static List<String> changedTopics() {
    return List.of(BalancerVaultLogDecoder.POOL_BALANCE_CHANGED_TOPIC, POOL_ID, addrWord(VAULT));
  }

  private static List<String> exchangeTopics() {
    return List.of(CurveLogDecoder.TOKEN_EXCHANGE_TOPIC, addrWord(VAULT));
  }

  private static String amounts(final long in, final long out) {
    return "0x" + word(in) + word(out);
  }

  private static String exchange(final long sold, final long bought) {
    return "0x" + word(sold) + word(10) + word(bought) + word(9);
  }

  @SuppressWarnings("unchecked")
  private static String joinData(final long d0, final long d1, final long f0, final long f1) {
    return "0x"
        + new DefaultFunctionEncoder()
            .encodeParameters(
                List.of(
                    new DynamicArray<>(
                        Address.class,
                        List.of(new Address(B_TOKENS.get(0)), new Address(B_TOKENS.get(1)))),
                    new DynamicArray<>(Int256.class, List.of(new Int256(d0), new Int256(d1))),
                    new DynamicArray<>(Uint256.class, List.of(new Uint256(f0), new Uint256(f1)))));
  }

  private ObjectNode log(
      final String address,
      final long block,
      final int index,
      final List<String> topics,
      final String data) {
    final ObjectNode l = JSON.createObjectNode();
    l.put("address", address);
    l.put("blockNumber", "0x" + Long.toHexString(block));
    l.put("blockHash", hash(block));
    l.put("logIndex", "0x" + Integer.toHexString(index));
    l.put("transactionIndex", "0x0");
    l.put("transactionHash", hash(1000 + index));
    l.put("removed", false);
    l.put("data", data);
    final ArrayNode t = l.putArray("topics");
    topics.forEach(t::add);
    return l;
  }

  private static boolean is(final String data, final String signature) {
    return data.startsWith(Hash.sha3String(signature).substring(0, 10));
  }

  private JsonNode answer(final JsonNode req) {
    final ObjectNode res = JSON.createObjectNode();
    res.put("jsonrpc", "2.0");
    res.set("id", req.get("id"));
    final JsonNode params = req.get("params");
    switch (req.get("method").asText()) {
      case "eth_blockNumber" -> res.put("result", "0x" + Long.toHexString(head));
      case "eth_getBlockByNumber" -> {
        final String at = params.get(0).asText();
        final long n = at.equals("latest") ? head : Long.decode(at);
        if (n > head) {
          res.putNull("result");
        } else {
          final ObjectNode b = res.putObject("result");
          b.put("number", "0x" + Long.toHexString(n));
          b.put("hash", hash(n));
          b.put("parentHash", hash(n - 1));
          b.putArray("transactions");
          b.putArray("uncles");
        }
      }
      case "eth_getLogs" -> {
        final long n = Long.decode(params.get(0).get("fromBlock").asText());
        final ArrayNode l = n > forkAt ? null : logs.get(n);
        res.set("result", l == null ? JSON.createArrayNode() : l);
      }
      case "eth_call" -> {
        final String to = params.get(0).get("to").asText().toLowerCase(java.util.Locale.ROOT);
        final String data = params.get(0).get("data").asText();
        final String at = params.get(1).asText();
        final long n = at.equals("latest") ? head : Long.decode(at);
        final String result = call(to, data, n);
        if (result == null) {
          res.putObject("error").put("code", 3).put("message", "execution reverted");
        } else {
          res.put("result", result);
        }
      }
      default -> res.putObject("error").put("code", -32601).put("message", "no method");
    }
    return res;
  }

  private String call(final String to, final String data, final long block) {
    if (to.equals(WEIGHTED)) {
      if (is(data, "getPoolId()")) {
        return POOL_ID;
      }
      if (is(data, "getSwapFeePercentage()")) {
        return "0x" + word(3_000_000_000_000_000L);
      }
      if (is(data, "getNormalizedWeights()")) {
        return "0x"
            + word(32)
            + word(2)
            + word(800_000_000_000_000_000L)
            + word(200_000_000_000_000_000L);
      }
    }
    if (to.equals(VAULT)
        && is(data, "getPoolTokens(bytes32)")
        && data.endsWith(POOL_ID.substring(2))) {
      final long[] b = balancer.floorEntry(block).getValue();
      return "0x"
          + word(0x60)
          + word(0x60 + 32 * 3)
          + word(block)
          + word(2)
          + addrWord(B_TOKENS.get(0)).substring(2)
          + addrWord(B_TOKENS.get(1)).substring(2)
          + word(2)
          + word(b[0])
          + word(b[1]);
    }
    if (to.equals(CURVE)) {
      final int i = data.length() >= 74 ? Integer.parseInt(data.substring(66), 16) : -1;
      if (is(data, "coins(uint256)")) {
        return i < 3 ? addrWord(C_COINS.get(i)) : null;
      }
      if (is(data, "balances(uint256)")) {
        return i < 3 ? "0x" + word(curve.floorEntry(block).getValue()[i]) : null;
      }
      if (is(data, "A()")) {
        return "0x" + word(200);
      }
      if (is(data, "fee()")) {
        return "0x" + word(4_000_000);
      }
      if (is(data, "admin_fee()")) {
        return "0x" + word(5_000_000_000L);
      }
    }
    if ((B_TOKENS.contains(to) || C_COINS.contains(to)) && is(data, "decimals()")) {
      return "0x" + word(to.endsWith("e1") ? 6 : 18);
    }
    return null;
  }
}
