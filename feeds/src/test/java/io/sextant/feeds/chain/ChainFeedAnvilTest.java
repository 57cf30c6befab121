package io.sextant.feeds.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.chain.AnvilNode;
import io.sextant.routing.chain.Chain;
import io.sextant.routing.chain.UniswapContracts;
import io.sextant.routing.chain.V3Snapshot;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ3.TickMath;
import io.sextant.routing.state.PoolSnapshot;
import io.sextant.routing.state.PoolStateStore;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * End to end on a private anvil node: a Uniswap V2 pair and a V3 pool (real bytecode) with
 * positions, {@link ChainFeed} following them over WebSocket + HTTP on loopback, and random
 * transactions (V2 swaps, V3 swaps, mints and burns; one transaction per block, automine). After
 * <b>every</b> block the feed's store must equal what {@code eth_call} reads at the head: V2
 * reserves; V3 sqrtPriceX96, tick, liquidity and every initialised tick's liquidityNet, including
 * ticks whose net is zero but whose gross is not (still initialised on chain, so the swap loop
 * stops there; the run counts how often it saw one). Every {@value #REORG_EVERY} transactions a
 * reorg of depth 1..5 is forced with {@code evm_snapshot}/{@code evm_revert} followed by different
 * transactions, and the store must converge to the new branch. No log may be rejected by the
 * decoder or the applier.
 *
 * <p>Fails (never skips) if anvil cannot start. {@code -Dsextant.chain.seed=N}, {@code
 * -Dsextant.feed.txs=N} (default {@value #DEFAULT_TXS}).
 */
class ChainFeedAnvilTest {
  private static final int DEFAULT_TXS = 520;
  private static final int REORG_EVERY = 40;
  private static final Duration SYNC = Duration.ofSeconds(20);
  private static final int PRICE_BAND = 9000;
  private static final int RESTART_TXS = 40;
  private static final int MISSED_BLOCKS = 8;
  private static final int SMALL_WINDOW = 4;
  private static final int DEEP_REORG = 6;

  private record Position(int lower, int upper, BigInteger[] liquidity) {}

  private AnvilNode node;
  private Chain chain;
  private UniswapContracts uni;
  private String pair;
  private String pairToken0;
  private String pairToken1;
  private String pool;
  private int spacing;
  private final List<Position> positions = new ArrayList<>();
  private long comparisons;
  private long zeroNetTicks;
  private int lastTick;

  @Test
  void storeFollowsTheChainThroughSwapsMintsBurnsAndReorgs() throws Exception {
    final long seed = Long.getLong("sextant.chain.seed", System.nanoTime());
    final int txs = Integer.getInteger("sextant.feed.txs", DEFAULT_TXS);
    final SplittableRandom random = new SplittableRandom(seed);
    node = AnvilNode.start();
    try (Chain c = new Chain(node)) {
      chain = c;
      deploy();
      final String ws = node.rpcUrl().replace("http://", "ws://");
      final List<ChainFeed.Pool> pools =
          List.of(
              new ChainFeed.Pool(ChainFeed.UNISWAP_V2, pair),
              new ChainFeed.Pool(ChainFeed.UNISWAP_V3, pool));
      final long started = System.nanoTime();
      int sent = 0;
      int reorgs = 0;
      try (ChainFeed feed = new ChainFeed(node.rpcUrl(), ws, pools).start()) {
        compare(feed, "start", seed);
        while (sent < txs) {
          if (sent > 0 && sent % REORG_EVERY == 0) {
            final int depth = 1 + reorgs % 5;
            sent += reorg(feed, random, depth, seed);
            reorgs++;
            continue;
          }
          final TransactionReceipt r = randomTx(random);
          sent++;
          sync(feed, r, seed);
          compare(feed, "tx " + sent, seed);
        }
        final double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
            "[feed] seed %d: %d transactions (one block each), %d block-by-block comparisons, %d forced reorgs"
                + " (feed saw %d, deepest %d), %d resyncs, %d events in %.1f s; decoder: %s;"
                + " applier: %s; outages %d, duplicates %d; %d newHeads over WebSocket;"
                + " %d zero-net initialised ticks compared%n",
            seed,
            sent,
            comparisons,
            reorgs,
            feed.reorgs(),
            feed.maxReorgDepth(),
            feed.resyncs(),
            feed.events(),
            seconds,
            feed.decoderReport(),
            feed.ring().applier().report(),
            feed.outages(),
            feed.duplicates(),
            feed.headsNotified(),
            zeroNetTicks);
        assertTrue(feed.headsNotified() > 0, "no newHeads notification over the WebSocket");
        assertEquals(0, feed.decoderRejected(), "seed " + seed + ": " + feed.decoderReport());
        assertEquals(
            0,
            feed.ring().applier().rejected(),
            "seed " + seed + ": " + feed.ring().applier().report());
        assertTrue(feed.reorgs() >= reorgs, "seed " + seed + ": feed missed reorgs");
        dumpRoundTrips(feed);
        assertTrue(sent >= txs);
      }
    } finally {
      node.close();
    }
  }

  /**
   * The node is stopped ({@code --dump-state}) while the feed runs: every pool must turn stale. It
   * is restarted on the same port from the dump ({@code --load-state}) and mines {@value
   * #MISSED_BLOCKS} blocks at once, before the feed (in backoff) reconnects; the feed must backfill
   * them and converge, and more transactions are then checked block by block.
   */
  @Test
  void survivesANodeRestartAndBackfillsMissedBlocks(
      @org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir) throws Exception {
    final long seed = Long.getLong("sextant.chain.seed", System.nanoTime());
    final SplittableRandom random = new SplittableRandom(seed);
    final int port = AnvilNode.freeLoopbackPort();
    final String state = dir.resolve("anvil-state.json").toString();
    node = AnvilNode.start(port, List.of("--dump-state", state));
    ChainFeed feed = null;
    try {
      chain = new Chain(node);
      deploy();
      feed =
          new ChainFeed(
                  node.rpcUrl(),
                  node.rpcUrl().replace("http://", "ws://"),
                  List.of(
                      new ChainFeed.Pool(ChainFeed.UNISWAP_V2, pair),
                      new ChainFeed.Pool(ChainFeed.UNISWAP_V3, pool)))
              .start();
      compare(feed, "start", seed);
      for (int i = 0; i < RESTART_TXS; i++) {
        sync(feed, randomTx(random), seed);
        compare(feed, "before restart, tx " + i, seed);
      }
      chain.close();
      node.close();
      final long deadline = System.nanoTime() + 10_000_000_000L;
      while (feed.staleCount() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(
          2, feed.staleCount(), "seed " + seed + ": pools not stale while the node is down");
      assertTrue(java.nio.file.Files.size(java.nio.file.Path.of(state)) > 0, "no state dump");
      node = AnvilNode.start(port, List.of("--load-state", state));
      chain = new Chain(node);
      uni = new UniswapContracts(chain, uni.harness);
      TransactionReceipt last = null;
      for (int i = 0; i < MISSED_BLOCKS; i++) {
        last = randomTx(random);
      }
      sync(feed, last, seed);
      compare(feed, "after restart and " + MISSED_BLOCKS + " missed blocks", seed);
      for (int i = 0; i < RESTART_TXS; i++) {
        sync(feed, randomTx(random), seed);
        compare(feed, "after restart, tx " + i, seed);
      }
      System.out.printf(
          "[feed] restart, seed %d: %d transactions, %d comparisons; feed outages %d, reorgs %d,"
              + " resyncs %d; decoder: %s; applier: %s%n",
          seed,
          2 * RESTART_TXS + MISSED_BLOCKS,
          comparisons,
          feed.outages(),
          feed.reorgs(),
          feed.resyncs(),
          feed.decoderReport(),
          feed.ring().applier().report());
      assertTrue(feed.outages() > 0, "the feed never noticed the node was down");
      assertEquals(0, feed.decoderRejected());
      assertEquals(0, feed.ring().applier().rejected(), feed.ring().applier().report());
    } finally {
      if (feed != null) {
        feed.close();
      }
      if (chain != null) {
        chain.close();
      }
      node.close();
    }
  }

  /**
   * Reorgs the per-block path does not force: {@code anvil_reorg} replacing the last 1..3 blocks by
   * empty ones at the same height (the head number does not move, only its hash), and, with a reorg
   * window of {@value #SMALL_WINDOW} blocks, an {@code evm_revert} fork {@value #DEEP_REORG} blocks
   * deep (every pool is resynchronised at the head).
   */
  @Test
  void sameHeightAndDeeperThanWindowReorgsConverge() throws Exception {
    final long seed = Long.getLong("sextant.chain.seed", System.nanoTime());
    final SplittableRandom random = new SplittableRandom(seed);
    node = AnvilNode.start();
    try (Chain c = new Chain(node)) {
      chain = c;
      deploy();
      try (ChainFeed feed =
          new ChainFeed(
                  node.rpcUrl(),
                  node.rpcUrl().replace("http://", "ws://"),
                  List.of(
                      new ChainFeed.Pool(ChainFeed.UNISWAP_V2, pair),
                      new ChainFeed.Pool(ChainFeed.UNISWAP_V3, pool)),
                  SMALL_WINDOW,
                  100)
              .start()) {
        compare(feed, "start", seed);
        long feedReorgs = 0;
        for (int round = 0; round < 6; round++) {
          final int depth = 1 + round % 3;
          final List<Position> saved = copyPositions();
          final int savedTick = lastTick;
          for (int i = 0; i < depth; i++) {
            sync(feed, randomTx(random), seed);
            compare(feed, "before anvil_reorg " + round, seed);
          }
          rpc("anvil_reorg", List.of(depth, List.of()));
          chain.resyncNonce();
          positions.clear();
          positions.addAll(saved);
          lastTick = savedTick;
          syncHead(feed, seed);
          compare(feed, "after anvil_reorg of depth " + depth, seed);
          assertTrue(feed.reorgs() > feedReorgs, "seed " + seed + ": same-height reorg unseen");
          feedReorgs = feed.reorgs();
          sync(feed, randomTx(random), seed);
          compare(feed, "after anvil_reorg, new tx", seed);
        }
        final long resyncsBefore = feed.resyncs();
        final String id = rpc("evm_snapshot", List.of());
        final List<Position> saved = copyPositions();
        final int savedTick = lastTick;
        for (int i = 0; i < DEEP_REORG; i++) {
          sync(feed, randomTx(random), seed);
        }
        rpc("evm_revert", List.of(id));
        chain.resyncNonce();
        positions.clear();
        positions.addAll(saved);
        lastTick = savedTick;
        for (int i = 0; i < DEEP_REORG + 1; i++) {
          sync(feed, randomTx(random), seed);
          compare(feed, "after deep reorg, tx " + i, seed);
        }
        assertTrue(feed.maxReorgDepth() >= 0);
        assertTrue(feed.resyncs() >= resyncsBefore + 2, "deep reorg: not every pool resynced");
        System.out.printf(
            "[feed] reorgs, seed %d: %d comparisons; feed reorgs %d (deepest %d), resyncs %d;"
                + " applier: %s%n",
            seed,
            comparisons,
            feed.reorgs(),
            feed.maxReorgDepth(),
            feed.resyncs(),
            feed.ring().applier().report());
        assertEquals(0, feed.decoderRejected());
        assertEquals(0, feed.ring().applier().rejected(), feed.ring().applier().report());
      }
    } finally {
      node.close();
    }
  }

  private List<Position> copyPositions() {
    final List<Position> saved = new ArrayList<>();
    for (final Position p : positions) {
      saved.add(new Position(p.lower(), p.upper(), new BigInteger[] {p.liquidity()[0]}));
    }
    return saved;
  }

  private void syncHead(final ChainFeed feed, final long seed) throws Exception {
    final EthBlock.Block head =
        chain
            .web3()
            .ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
            .send()
            .getBlock();
    assertTrue(
        feed.awaitSynced(head.getNumber().longValueExact(), head.getHash(), SYNC),
        "seed " + seed + ": feed not at head " + head.getNumber() + "; tip " + feed.tip());
  }

  // ------------------------------------------------------------------ setup

  private void deploy() {
    uni = new UniswapContracts(chain);
    final String a = uni.deployToken("AAA", 18);
    final String b = uni.deployToken("BBB", 18);
    final String v2 = uni.deployV2Factory();
    pair = uni.createPair(v2, a, b);
    pairToken0 = uni.token0(pair);
    pairToken1 = pairToken0.equalsIgnoreCase(a) ? b : a;
    uni.v2AddLiquidity(
        pair, pairToken0, pairToken1, BigInteger.TEN.pow(24), BigInteger.TEN.pow(24).shiftLeft(1));
    final String v3 = uni.deployV3Factory();
    pool = uni.createV3Pool(v3, a, b, 3000, BigInteger.ONE.shiftLeft(96));
    spacing = uni.tickSpacing(pool);
    // The last two positions meet at tick 0 with equal liquidity: its net is 0, its gross is not.
    final int[] lo = {-6000, -1200, -120, 600, -600, 0};
    final int[] hi = {6000, 1200, 180, 3000, 0, 600};
    final BigInteger[] amount = new BigInteger[lo.length];
    for (int i = 0; i < lo.length; i++) {
      amount[i] = BigInteger.TEN.pow(i >= 4 ? 21 : 21 + i % 2);
      positions.add(new Position(lo[i], hi[i], new BigInteger[] {amount[i]}));
    }
    uni.v3MintMany(pool, lo, hi, amount);
  }

  // ------------------------------------------------------------------ transactions

  private TransactionReceipt randomTx(final SplittableRandom random) {
    final int kind = random.nextInt(100);
    if (kind < 35) {
      return v2Swap(random);
    }
    if (kind < 70) {
      return v3Swap(random);
    }
    if (kind < 85 || positions.isEmpty()) {
      return v3Mint(random);
    }
    return v3Burn(random);
  }

  private TransactionReceipt v2Swap(final SplittableRandom random) {
    final BigInteger[] r = uni.v2Reserves(pair);
    final boolean zeroIn = random.nextBoolean();
    final BigInteger reserveIn = zeroIn ? r[0] : r[1];
    final BigInteger reserveOut = zeroIn ? r[1] : r[0];
    // Up to 2 % of the input reserve.
    final BigInteger in =
        reserveIn
            .multiply(BigInteger.valueOf(1 + random.nextInt(200)))
            .divide(BigInteger.valueOf(10_000));
    final BigInteger inFee = in.multiply(BigInteger.valueOf(997));
    final BigInteger out =
        inFee.multiply(reserveOut).divide(reserveIn.multiply(BigInteger.valueOf(1000)).add(inFee));
    return chain.send(
        uni.harness,
        uni.v2SwapCall(
            pair,
            zeroIn ? pairToken0 : pairToken1,
            in,
            zeroIn ? BigInteger.ZERO : out,
            zeroIn ? out : BigInteger.ZERO));
  }

  private TransactionReceipt v3Swap(final SplittableRandom random) {
    // Keep the price within ticks ±PRICE_BAND: past the limit the swap just stops there.
    final String slot0 = chain.call(pool, "0x3850c7bd"); // slot0()
    lastTick =
        new BigInteger(org.web3j.utils.Numeric.hexStringToByteArray(slot0.substring(66, 130)))
            .intValueExact(); // word 1: tick (int24, sign-extended)
    final boolean zeroForOne =
        lastTick >= PRICE_BAND - 100 || (lastTick > -PRICE_BAND + 100 && random.nextBoolean());
    final BigInteger amount =
        BigInteger.TEN
            .pow(16 + random.nextInt(5))
            .multiply(BigInteger.valueOf(1 + random.nextInt(9)));
    final UInt256 limit = new UInt256();
    new TickMath().getSqrtRatioAtTick(zeroForOne ? -PRICE_BAND : PRICE_BAND, limit);
    return chain.send(uni.harness, uni.v3SwapCall(pool, zeroForOne, amount, limit.toBigInteger()));
  }

  private TransactionReceipt v3Mint(final SplittableRandom random) {
    final int lower = spacing * random.nextInt(-100, 100);
    final int upper = lower + spacing * random.nextInt(1, 60);
    final BigInteger amount =
        BigInteger.TEN
            .pow(17 + random.nextInt(4))
            .multiply(BigInteger.valueOf(1 + random.nextInt(9)));
    positions.add(new Position(lower, upper, new BigInteger[] {amount}));
    return uni.v3MintMany(pool, new int[] {lower}, new int[] {upper}, new BigInteger[] {amount});
  }

  private TransactionReceipt v3Burn(final SplittableRandom random) {
    final int i = random.nextInt(positions.size());
    final Position p = positions.get(i);
    final BigInteger amount =
        random.nextInt(3) == 0
            ? p.liquidity()[0]
            : p.liquidity()[0]
                .multiply(BigInteger.valueOf(1 + random.nextInt(99)))
                .divide(BigInteger.valueOf(100));
    p.liquidity()[0] = p.liquidity()[0].subtract(amount);
    if (p.liquidity()[0].signum() == 0) {
      positions.remove(i);
    }
    return chain.send(
        uni.harness,
        FunctionEncoder.encode(
            new Function(
                "v3Burn",
                List.of(
                    new Address(pool),
                    new Int24(p.lower()),
                    new Int24(p.upper()),
                    new Uint128(amount)),
                List.of())));
  }

  // ------------------------------------------------------------------ reorgs

  /**
   * Snapshots the node, mines {@code depth} blocks (checked), reverts to the snapshot and mines
   * {@code depth} or {@code depth + 1} different blocks; the feed must follow the new branch.
   * Returns the transactions sent.
   */
  private int reorg(
      final ChainFeed feed, final SplittableRandom random, final int depth, final long seed)
      throws Exception {
    final String id = rpc("evm_snapshot", List.of());
    final int savedTick = lastTick;
    final List<Position> saved = new ArrayList<>();
    for (final Position p : positions) {
      saved.add(new Position(p.lower(), p.upper(), new BigInteger[] {p.liquidity()[0]}));
    }
    int sent = 0;
    for (int i = 0; i < depth; i++) {
      sync(feed, randomTx(random), seed);
      compare(feed, "before reorg, block " + i, seed);
      sent++;
    }
    final String reverted = rpc("evm_revert", List.of(id));
    assertEquals("true", String.valueOf(reverted), "evm_revert");
    chain.resyncNonce();
    positions.clear();
    positions.addAll(saved);
    lastTick = savedTick;
    final int newDepth = depth + random.nextInt(2);
    for (int i = 0; i < newDepth; i++) {
      final TransactionReceipt r = randomTx(random);
      sent++;
      sync(feed, r, seed);
      compare(feed, "after reorg of depth " + depth + ", block " + i, seed);
    }
    return sent;
  }

  private String rpc(final String method, final List<?> params) throws IOException {
    final RawResponse r =
        new Request<>(
                method,
                params,
                new org.web3j.protocol.http.HttpService(node.rpcUrl()),
                RawResponse.class)
            .send();
    if (r.hasError()) {
      throw new IOException(method + ": " + r.getError().getMessage());
    }
    return r.getResult() == null ? null : String.valueOf(r.getResult());
  }

  /** A JSON-RPC response with an untyped result. */
  public static final class RawResponse extends org.web3j.protocol.core.Response<Object> {}

  // ------------------------------------------------------------------ checks

  /** The CoW liquidity dump parses back (CowAuctionParser) to exactly the chain's state. */
  private void dumpRoundTrips(final ChainFeed feed) {
    final com.fasterxml.jackson.databind.ObjectMapper m =
        new com.fasterxml.jackson.databind.ObjectMapper();
    final com.fasterxml.jackson.databind.node.ObjectNode auction = m.createObjectNode();
    auction.put("id", "1");
    auction.putObject("tokens");
    auction.putArray("orders");
    auction.set("liquidity", CowLiquidityWriter.liquidity(feed, m));
    auction.put("effectiveGasPrice", "1");
    auction.put("deadline", "2106-01-01T00:00:00.000Z");
    final io.sextant.feeds.cow.CowAuction a =
        new io.sextant.feeds.cow.CowAuctionParser().parse(auction);
    assertEquals(2, a.liquidity().size());
    final var cp = (io.sextant.feeds.cow.CowLiquidity.ConstantProduct) a.liquidity().get(0);
    final BigInteger[] reserves = uni.v2Reserves(pair);
    assertEquals(pair.toLowerCase(java.util.Locale.ROOT), cp.address());
    assertEquals(List.of(reserves[0], reserves[1]), cp.balances());
    final var cl = (io.sextant.feeds.cow.CowLiquidity.ConcentratedLiquidity) a.liquidity().get(1);
    final V3Snapshot v3 = uni.v3Snapshot(pool, spacing);
    assertEquals(v3.sqrtPriceX96(), cl.sqrtPriceX96());
    assertEquals(v3.liquidity(), cl.liquidity());
    assertEquals(v3.tick(), cl.tick());
    final TreeMap<Integer, BigInteger> expected = new TreeMap<>();
    for (int i = 0; i < v3.ticks().length; i++) {
      expected.put(v3.ticks()[i], v3.liquidityNet()[i]); // net 0 with gross > 0 included
    }
    assertEquals(expected, new TreeMap<>(cl.liquidityNet()));
    assertEquals(new java.math.BigDecimal("0.003"), cl.fee());
  }

  private void sync(final ChainFeed feed, final TransactionReceipt r, final long seed)
      throws InterruptedException {
    final long block = r.getBlockNumber().longValueExact();
    assertTrue(
        feed.awaitSynced(block, r.getBlockHash(), SYNC),
        "seed "
            + seed
            + ": feed not at block "
            + block
            + " "
            + r.getBlockHash()
            + " within "
            + SYNC
            + "; tip "
            + feed.tip()
            + ", stale "
            + feed.staleCount()
            + ", last error "
            + feed.lastError());
  }

  private void compare(final ChainFeed feed, final String when, final long seed)
      throws IOException {
    final PoolStateStore store = feed.store();
    final PoolSnapshot s = store.newSnapshot();
    final UInt256 w = new UInt256();
    final String where = "seed " + seed + ", " + when + ", block " + feed.tip() + ": ";
    final EthBlock.Block head =
        chain
            .web3()
            .ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
            .send()
            .getBlock();
    assertEquals(head.getHash(), feed.tip().hash(), where + "feed tip is not the head");

    assertEquals(PoolStateStore.OK, store.read(0, s), where + "V2 pool not readable/fresh");
    final BigInteger[] reserves = uni.v2Reserves(pair);
    assertEquals(reserves[0], s.balance(0, w).toBigInteger(), where + "reserve0");
    assertEquals(reserves[1], s.balance(1, w).toBigInteger(), where + "reserve1");

    assertEquals(PoolStateStore.OK, store.read(1, s), where + "V3 pool not readable/fresh");
    final V3Snapshot v3 = uni.v3Snapshot(pool, spacing);
    assertEquals(v3.sqrtPriceX96(), s.sqrtPriceX96(w).toBigInteger(), where + "sqrtPriceX96");
    assertEquals(v3.tick(), s.tick(), where + "tick");
    lastTick = v3.tick();
    assertEquals(v3.liquidity(), s.liquidity(w).toBigInteger(), where + "liquidity");
    final TreeMap<Integer, BigInteger> expected = new TreeMap<>();
    for (int i = 0; i < v3.ticks().length; i++) {
      expected.put(v3.ticks()[i], v3.liquidityNet()[i]); // net 0 with gross > 0 included
      if (v3.liquidityNet()[i].signum() == 0) {
        zeroNetTicks++;
      }
    }
    final TreeMap<Integer, BigInteger> actual = new TreeMap<>();
    for (int i = 0; i < s.tickCount(); i++) {
      actual.put(s.tickAt(i), s.liquidityNetAt(i, w).toSignedBigInteger());
    }
    assertEquals(expected, actual, where + "liquidityNet by tick");
    comparisons++;
  }
}
