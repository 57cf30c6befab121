package io.sextant.feeds.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.state.PoolSnapshot;
import io.sextant.routing.state.PoolStateStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@link ChainFeed} against a scripted JSON-RPC node on loopback that returns what a real node
 * should not: the same log index twice, a malformed log and a log of a pool nobody asked for. They
 * are counted (duplicates, decoder rejections) and never applied; the good logs around them are.
 */
class ChainFeedFakeNodeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POOL = "0x00000000000000000000000000000000000000aa";
  private static final String OTHER = "0x00000000000000000000000000000000000000bb";

  private volatile long head = 100;
  private volatile int branch;
  private volatile long forkAt = Long.MAX_VALUE;
  private volatile long prunedBelow;
  private final Map<Long, ArrayNode> logs = new ConcurrentHashMap<>();
  // Faults served, one per eth_getLogs, before answering properly again.
  private final java.util.Queue<String> faults = new java.util.concurrent.ConcurrentLinkedQueue<>();

  @Test
  void duplicateMalformedAndForeignLogsAreCountedNotApplied() throws Exception {
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
    try (ChainFeed feed =
        new ChainFeed(url, null, List.of(new ChainFeed.Pool(ChainFeed.UNISWAP_V2, POOL)), 16, 20)
            .start()) {
      assertEquals(100, feed.processedBlock());
      final ArrayNode block = JSON.createArrayNode();
      block.add(log(POOL, 101, 0, sync(1100, 1900)));
      block.add(log(POOL, 101, 0, sync(5, 5))); // same block hash + log index: a duplicate
      block.add(log(POOL, 101, 1, sync(7, 7).substring(0, 66))); // short data
      block.add(log(OTHER, 101, 2, sync(9, 9))); // not a followed pool
      block.add(log(POOL, 101, 3, sync(1200, 1800)));
      logs.put(101L, block);
      head = 101;
      assertTrue(feed.awaitSynced(101, hash(101), Duration.ofSeconds(10)), "tip " + feed.tip());
      final PoolSnapshot s = feed.store().newSnapshot();
      assertEquals(PoolStateStore.OK, feed.store().read(0, s));
      assertEquals(1200, s.balance(0, new UInt256()).low64());
      assertEquals(1800, s.balance(1, new UInt256()).low64());
      assertEquals(1, feed.duplicates());
      assertEquals(2, feed.decoderRejected(), feed.decoderReport());
      assertEquals(2, feed.ring().applier().counter(io.sextant.feeds.ring.StateApplier.APPLIED));
      assertEquals(0, feed.ring().applier().rejected());
    } finally {
      server.stop(0);
    }
  }

  private String hash(final long n) {
    return String.format("0x%056x%08x", n > forkAt ? branch : 0, n);
  }

  private static String word(final long v) {
    return String.format("%064x", v);
  }

  private static String sync(final long r0, final long r1) {
    return "0x" + word(r0) + word(r1);
  }

  private ObjectNode log(
      final String address, final long block, final int index, final String data) {
    final ObjectNode l = JSON.createObjectNode();
    l.put("address", address);
    l.put("blockNumber", "0x" + Long.toHexString(block));
    l.put("blockHash", hash(block));
    l.put("logIndex", "0x" + Integer.toHexString(index));
    l.put("transactionIndex", "0x0");
    l.put("transactionHash", hash(1000 + index));
    l.put("removed", false);
    l.put("data", data);
    l.putArray("topics").add(UniswapLogDecoder.V2_SYNC_TOPIC);
    return l;
  }

  /**
   * A reorg whose fork point's state the node has pruned: the feed cannot read the pools at the
   * fork point, so it resynchronises every pool at the head instead.
   */
  @Test
  void reorgBelowPrunedStateResyncsAtTheHead() throws Exception {
    final HttpServer server = serve();
    final String url = "http://127.0.0.1:" + server.getAddress().getPort();
    try (ChainFeed feed =
        new ChainFeed(url, null, List.of(new ChainFeed.Pool(ChainFeed.UNISWAP_V2, POOL)), 16, 20)
            .start()) {
      final ArrayNode block = JSON.createArrayNode();
      block.add(log(POOL, 101, 0, sync(1100, 1900)));
      logs.put(101L, block);
      head = 102;
      assertTrue(feed.awaitSynced(102, hash(102), Duration.ofSeconds(10)), "tip " + feed.tip());
      final PoolSnapshot s = feed.store().newSnapshot();
      assertEquals(PoolStateStore.OK, feed.store().read(0, s));
      assertEquals(1100, s.balance(0, new UInt256()).low64());
      // Blocks 101.. are replaced; the state of block 100 is gone.
      forkAt = 100;
      branch = 1;
      prunedBelow = 103;
      head = 103;
      assertTrue(feed.awaitSynced(103, hash(103), Duration.ofSeconds(10)), "tip " + feed.tip());
      assertEquals(PoolStateStore.OK, feed.store().read(0, s));
      assertEquals(3000, s.balance(0, new UInt256()).low64());
      assertEquals(4000, s.balance(1, new UInt256()).low64());
      assertEquals(1, feed.reorgs());
      assertEquals(1, feed.headFallbacks());
      assertEquals(0, feed.ring().applier().rejected(), feed.ring().applier().report());
    } finally {
      server.stop(0);
    }
  }

  /**
   * A node that answers eth_getLogs with garbage (not JSON), with the wrong type (a string for the
   * log array), with an out-of-order log list, and that hangs past the feed's RPC timeout: each is
   * an outage (pools stale, backoff, retry) or a counted rejection, never a state change; the feed
   * then converges on the real logs.
   */
  @Test
  void garbageWrongTypesAndHangsAreOutagesNeverState() throws Exception {
    final HttpServer server = serve();
    final String url = "http://127.0.0.1:" + server.getAddress().getPort();
    try (ChainFeed feed =
        new ChainFeed(
                url,
                null,
                List.of(new ChainFeed.Pool(ChainFeed.UNISWAP_V2, POOL)),
                16,
                20,
                ChainFeed.MAINNET_VAULT,
                Duration.ofMillis(300))
            .start()) {
      final ArrayNode block = JSON.createArrayNode();
      // Served in reverse order: the feed sorts by log index, so 1200/1800 still ends up last.
      block.add(log(POOL, 101, 1, sync(1200, 1800)));
      block.add(log(POOL, 101, 0, sync(1100, 1900)));
      logs.put(101L, block);
      faults.add("garbage");
      faults.add("wrong type");
      faults.add("hang");
      faults.add("error");
      head = 101;
      assertTrue(feed.awaitSynced(101, hash(101), Duration.ofSeconds(20)), "tip " + feed.tip());
      final PoolSnapshot s = feed.store().newSnapshot();
      assertEquals(PoolStateStore.OK, feed.store().read(0, s));
      assertEquals(1200, s.balance(0, new UInt256()).low64());
      assertEquals(1800, s.balance(1, new UInt256()).low64());
      assertTrue(faults.isEmpty());
      assertEquals(4, feed.outages(), "last error " + feed.lastError());
      assertEquals(0, feed.ring().applier().rejected(), feed.ring().applier().report());
      assertEquals(0, feed.decoderRejected(), feed.decoderReport());
    } finally {
      server.stop(0);
    }
  }

  private HttpServer serve() throws IOException {
    final HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext(
        "/",
        ex -> {
          final JsonNode req = JSON.readTree(ex.getRequestBody());
          final String fault =
              "eth_getLogs".equals(req.path("method").asText()) ? faults.poll() : null;
          if ("hang".equals(fault)) {
            try {
              Thread.sleep(2000);
            } catch (final InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          final byte[] body =
              "garbage".equals(fault)
                  ? "<html>502 bad gateway".getBytes(java.nio.charset.StandardCharsets.UTF_8)
                  : JSON.writeValueAsBytes(fault(answer(req), fault));
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    return server;
  }

  private static JsonNode fault(final JsonNode res, final String fault) {
    if ("wrong type".equals(fault)) {
      ((ObjectNode) res).put("result", "0x12");
    } else if ("error".equals(fault)) {
      ((ObjectNode) res).remove("result");
      ((ObjectNode) res).putObject("error").put("code", -32005).put("message", "rate limited");
    }
    return res;
  }

  private JsonNode answer(final JsonNode req) throws IOException {
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
        final ArrayNode l = n > forkAt && branch == 1 ? null : logs.get(n);
        res.set("result", l == null ? JSON.createArrayNode() : l);
      }
      case "eth_call" -> {
        final String data = params.get(0).get("data").asText();
        if (data.startsWith(ChainReader.TOKEN0)) {
          res.put("result", "0x" + word(0xc0));
        } else if (data.startsWith(ChainReader.TOKEN1)) {
          res.put("result", "0x" + word(0xc1));
        } else if (data.startsWith(ChainReader.GET_RESERVES)) {
          final String at = params.get(1).asText();
          final long n = at.equals("latest") ? head : Long.decode(at);
          if (n < prunedBelow) {
            res.putObject("error").put("code", -32000).put("message", "missing trie node");
          } else if (n > forkAt && branch == 1) {
            res.put("result", "0x" + word(3000) + word(4000) + word(1));
          } else {
            res.put("result", "0x" + word(1000) + word(2000) + word(1));
          }
        } else {
          res.putObject("error").put("code", -32000).put("message", "unknown call " + data);
        }
      }
      default -> res.putObject("error").put("code", -32601).put("message", "no method");
    }
    return res;
  }
}
