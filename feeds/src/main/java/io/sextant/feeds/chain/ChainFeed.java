package io.sextant.feeds.chain;

import com.lmax.disruptor.BlockingWaitStrategy;
import io.reactivex.disposables.Disposable;
import io.sextant.feeds.ring.InboundRing;
import io.sextant.feeds.ring.MarketEvent;
import io.sextant.feeds.ring.MarketEventJournal;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.state.PoolSnapshot;
import io.sextant.routing.state.PoolStateStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;

/**
 * Follows a list of Uniswap V2 pairs, V3 pools, Balancer V2 weighted/stable pools (through their
 * Vault) and Curve StableSwap pools on an Ethereum JSON-RPC node and keeps a {@link PoolStateStore}
 * equal to their on-chain state, through an {@link InboundRing} (its applier is the store's only
 * writer once {@link #start()} returns).
 *
 * <p><b>How.</b> {@link #start()} reads every pool by {@code eth_call} at the current head (V2
 * {@code getReserves}; V3 {@code slot0}, {@code liquidity}, and every initialised tick through
 * {@code tickBitmap}/{@code ticks}) into the store. Then one feed thread processes blocks strictly
 * in order: for block {@code n} it fetches the header ({@code eth_getBlockByNumber}), checks its
 * parent hash against the hash it recorded for {@code n−1}, fetches the followed pools' logs of
 * {@code n} ({@code eth_getLogs}), checks each log's block hash, decodes them by hand ({@link
 * UniswapLogDecoder}; Vault logs with {@link BalancerVaultLogDecoder}, exact balance deltas; Curve
 * logs with {@link CurveLogDecoder}, whose pools' {@code balances(i)} are then read at block {@code
 * n} before anything of the block is published) and publishes them in log order. The WebSocket
 * {@code newHeads} subscription (optional) only wakes the thread early; it also polls every {@code
 * pollMillis}, so a dead socket costs latency, never correctness.
 *
 * <p><b>Reorgs.</b> The thread keeps the hash of each of the last {@code window} blocks and the set
 * of pools that had logs in it. A parent-hash mismatch, a log from another block, or a recorded tip
 * no longer on the chain triggers a rollback: walk back to the highest block whose hash the node
 * still agrees with (the fork point {@code f}), drain the ring, and for every pool touched after
 * {@code f} publish {@code MARK_STALE} at {@code (f, −1)} (which rewinds the pool's chain position)
 * and its full state read by {@code eth_call} at block {@code f}; then the new branch is processed
 * from {@code f+1} as usual. A fork deeper than the window, or a fork point whose state the node no
 * longer serves ({@code eth_call} error: a pruned, non-archive node), resynchronises every pool at
 * the head instead.
 *
 * <p><b>Gaps.</b> An RPC failure (node down, timeout) marks every pool stale, drops the WebSocket
 * and retries with exponential backoff (50 ms to 2 s). Once the node answers, the missed blocks are
 * backfilled block by block as above. Stale pools are marked fresh once the feed has caught up with
 * the head.
 *
 * <p><b>Duplicates.</b> Each block is applied once per branch; within a block a log whose index is
 * not above the previous one's (same block hash and log index twice) is counted and dropped.
 */
public final class ChainFeed implements AutoCloseable {
  /** Family names accepted in pool lists. */
  public static final String UNISWAP_V2 = "uniswapV2";

  /** Family names accepted in pool lists. */
  public static final String UNISWAP_V3 = "uniswapV3";

  /** Family names accepted in pool lists: a Balancer V2 weighted pool (through the Vault). */
  public static final String BALANCER_WEIGHTED = "balancerWeighted";

  /** Family names accepted in pool lists: a Balancer V2 stable or composable-stable pool. */
  public static final String BALANCER_STABLE = "balancerStable";

  /** Family names accepted in pool lists: a Curve StableSwap pool (2..8 coins). */
  public static final String CURVE = "curve";

  /** Bound of one HTTP JSON-RPC call unless told otherwise. */
  public static final Duration DEFAULT_RPC_TIMEOUT = Duration.ofSeconds(10);

  /** The Balancer V2 Vault on Ethereum mainnet. */
  public static final String MAINNET_VAULT = "0xba12222222228d8ba445958a75a0704d566bf2c8";

  private static final BigInteger E18 = BigInteger.TEN.pow(18);
  private static final com.fasterxml.jackson.databind.ObjectMapper RAW =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private static final String NATIVE_ETH = "0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";

  /** Largest number of initialised ticks one V3 pool may have. */
  public static final int MAX_TICKS_PER_POOL = 4096;

  /**
   * A pool to follow.
   *
   * @param kind {@link #UNISWAP_V2}, {@link #UNISWAP_V3}, {@link #BALANCER_WEIGHTED}, {@link
   *     #BALANCER_STABLE} or {@link #CURVE}
   * @param address the pair's or pool's address
   * @param fee Uniswap V2 only: the swap fee as a fraction ({@code 0.003} for Uniswap, {@code
   *     0.0025} for PancakeSwap-style forks); null for the default 0.3 %. The other families read
   *     their fee from the chain.
   * @param variant {@link #BALANCER_WEIGHTED}: {@code v0} or {@code v3Plus} (default); {@link
   *     #CURVE}: {@code legacy} (default, {@code A()}) or {@code factory} ({@code A_precise()});
   *     null for the default
   */
  public record Pool(String kind, String address, BigDecimal fee, String variant) {
    /** A pool with the default fee and variant. */
    public Pool(final String kind, final String address) {
      this(kind, address, null, null);
    }
  }

  /**
   * What the feed knows about a followed pool besides its state.
   *
   * @param token0 first token (lowercase hex)
   * @param token1 second token
   * @param fee swap fee as a fraction (V3: pips / 1e6; Balancer: the swap fee percentage / 1e18;
   *     Curve: fee / 1e10)
   * @param spacing V3 tick spacing, else 0
   * @param tokens every token in the pool's order (Balancer: the Vault's; Curve: {@code coins(i)})
   * @param poolId Balancer pool id (0x + 64 hex digits), else null
   * @param variant the variant the pool was added with, or null
   */
  public record PoolInfo(
      String kind,
      String address,
      int slot,
      String token0,
      String token1,
      BigDecimal fee,
      int spacing,
      List<String> tokens,
      String poolId,
      String variant) {}

  private record BlockRecord(String hash, BitSet touched) {}

  /**
   * The last block the feed processed on its current branch.
   *
   * @param number block number
   * @param hash block hash
   */
  public record Tip(long number, String hash) {}

  private final String rpcUrl;
  private final String wsUrl;
  private final List<Pool> config;
  private final int window;
  private final long pollMillis;
  private final HttpService httpService;
  private final Web3j http;
  private final ChainReader reader;
  private final PoolStateStore store;
  private final PoolDirectory directory;
  private final List<PoolInfo> pools = new ArrayList<>();
  private final List<String> addresses = new ArrayList<>();
  private final UniswapLogDecoder decoder;
  private final BalancerVaultLogDecoder balancer;
  private final CurveLogDecoder curve = new CurveLogDecoder();
  private final String vault;
  private final long[] vaultKey = new long[3];
  private final long[] logKey = new long[3];
  private final boolean[] hexOk = new boolean[1];
  private boolean followsVault;
  private final MarketEvent scratch = new MarketEvent();
  private final TreeMap<Long, BlockRecord> blocks = new TreeMap<>();
  private final BitSet stale = new BitSet();
  private final BitSet pending = new BitSet();
  private long pendingAt;
  private final Semaphore wake = new Semaphore(0);
  private PoolSnapshot snapshot;
  private InboundRing ring;
  private MarketEventJournal journal;
  private Thread thread;
  private WebSocketService ws;
  private Disposable heads;
  private volatile boolean wsFailed;
  private volatile boolean running;
  private long next;

  private volatile long publishedSeq = -1;
  private volatile Tip tip = new Tip(-1, "");
  private volatile long headSeen = -1;
  private volatile int staleCount;
  private volatile long reorgs;
  private volatile long maxReorgDepth;
  private volatile long resyncs;
  private volatile long outages;
  private volatile long duplicates;
  private volatile long headsNotified;
  private volatile long headFallbacks;
  private volatile long events;
  private volatile Throwable lastError;

  /**
   * A feed of {@code pools} from the node at {@code rpcUrl} (HTTP), woken by {@code newHeads} over
   * {@code wsUrl} (may be null: polling only), into a new store sized for the pools.
   */
  public ChainFeed(
      final String rpcUrl,
      final String wsUrl,
      final List<Pool> pools,
      final int window,
      final long pollMillis) {
    this(rpcUrl, wsUrl, pools, window, pollMillis, MAINNET_VAULT);
  }

  /** As above, with the Balancer V2 Vault at {@code vaultAddress} (a test chain's own Vault). */
  public ChainFeed(
      final String rpcUrl,
      final String wsUrl,
      final List<Pool> pools,
      final int window,
      final long pollMillis,
      final String vaultAddress) {
    this(rpcUrl, wsUrl, pools, window, pollMillis, vaultAddress, DEFAULT_RPC_TIMEOUT);
  }

  /**
   * As above, with every HTTP JSON-RPC call bounded by {@code rpcTimeout} (a node that hangs is
   * then an outage: pools stale, backoff, retry), instead of {@link #DEFAULT_RPC_TIMEOUT}.
   */
  public ChainFeed(
      final String rpcUrl,
      final String wsUrl,
      final List<Pool> pools,
      final int window,
      final long pollMillis,
      final String vaultAddress,
      final Duration rpcTimeout) {
    if (!Hex.address(vaultAddress, vaultKey, hexOk)) {
      throw new IllegalArgumentException("Balancer Vault: not an address: " + vaultAddress);
    }
    this.vault = vaultAddress.toLowerCase(java.util.Locale.ROOT);
    this.rpcUrl = rpcUrl;
    this.wsUrl = wsUrl;
    this.config = List.copyOf(pools);
    this.window = window;
    this.pollMillis = pollMillis;
    this.httpService =
        new HttpService(
            rpcUrl,
            HttpService.getOkHttpClientBuilder().callTimeout(rpcTimeout).build(),
            true); // raw responses: web3j reads a non-array eth_getLogs result as no logs
    this.http = Web3j.build(httpService);
    this.reader = new ChainReader(http);
    final int n = Math.max(1, pools.size());
    this.store = PoolStateStore.withCapacity(n, n * MAX_TICKS_PER_POOL, MAX_TICKS_PER_POOL);
    this.directory = new PoolDirectory(n);
    this.decoder = new UniswapLogDecoder(directory);
    this.balancer = new BalancerVaultLogDecoder(n);
  }

  /** Defaults: a 256-block reorg window, polling every 100 ms. */
  public ChainFeed(final String rpcUrl, final String wsUrl, final List<Pool> pools) {
    this(rpcUrl, wsUrl, pools, 256, 100);
  }

  /**
   * Journals every event of the ring to {@code journal} (and the store once loaded); call before
   * {@link #start()}. Returns this.
   */
  public ChainFeed journal(final MarketEventJournal journal) {
    if (ring != null) {
      throw new IllegalStateException("journal must be set before start()");
    }
    this.journal = journal;
    return this;
  }

  /**
   * Loads every pool's state at the current head, starts the ring and the feed thread. Throws if
   * the node is unreachable or a pool cannot be read.
   */
  public ChainFeed start() throws IOException {
    final EthBlock.Block head = block(DefaultBlockParameterName.LATEST);
    final long h = head.getNumber().longValueExact();
    final UInt256 a = new UInt256();
    final UInt256 b = new UInt256();
    for (final Pool p : config) {
      final PoolInfo info = load(p, h, a, b);
      if (info.slot() != pools.size()) {
        throw new IllegalStateException(
            "store slot " + info.slot() + " is not pool index " + pools.size());
      }
      pools.add(info);
      if (info.poolId() == null) {
        addresses.add(p.address());
      } else if (!followsVault) {
        followsVault = true;
        addresses.add(vault);
      }
    }
    snapshot = store.newSnapshot();
    blocks.put(h, new BlockRecord(head.getHash(), new BitSet()));
    next = h + 1;
    tip = new Tip(h, head.getHash());
    headSeen = h;
    if (journal != null) {
      journal.storeLoaded(store);
    }
    ring =
        new InboundRing(
                store,
                4096,
                new BlockingWaitStrategy(),
                journal,
                Thread.ofPlatform().daemon().name("sextant-chain-applier").factory())
            .start();
    running = true;
    thread = Thread.ofPlatform().daemon().name("sextant-chain-feed").start(this::run);
    return this;
  }

  /** Reads one pool at block {@code h} into the store and the decoders' tables. */
  private PoolInfo load(final Pool p, final long h, final UInt256 a, final UInt256 b)
      throws IOException {
    final String address = p.address().toLowerCase(java.util.Locale.ROOT);
    switch (p.kind()) {
      case UNISWAP_V2 -> {
        final String[] tokens = reader.tokens(address, h);
        final BigDecimal fee = p.fee() == null ? new BigDecimal("0.003") : p.fee();
        final BigInteger num = fee.unscaledValue();
        final BigInteger den = BigInteger.TEN.pow(Math.max(0, fee.scale()));
        if (fee.scale() < 0 || num.bitLength() > 62 || den.bitLength() > 62) {
          throw new IllegalArgumentException("pool " + address + ": fee " + fee + " unusable");
        }
        final BigInteger[] r = reader.v2Reserves(address, h);
        final int slot =
            store.addUniswapV2(a.set(r[0]), b.set(r[1]), num.longValue(), den.longValue());
        check(slot, p);
        directory.add(address, slot, PoolStateStore.UNISWAP_V2);
        return new PoolInfo(
            p.kind(), address, slot, tokens[0], tokens[1], fee, 0, List.of(tokens), null, null);
      }
      case UNISWAP_V3 -> {
        final String[] tokens = reader.tokens(address, h);
        final int[] params = reader.v3Params(address, h);
        final ChainReader.V3State s = reader.v3State(address, params[1], h);
        final int slot =
            store.addUniswapV3(
                params[0],
                params[1],
                a.set(s.sqrtPriceX96()),
                b.set(s.liquidity()),
                s.tick(),
                MAX_TICKS_PER_POOL);
        check(slot, p);
        for (final Map.Entry<Integer, BigInteger> e : s.liquidityNet().entrySet()) {
          check(
              store.writeV3Tick(
                  slot,
                  e.getKey(),
                  b.set(s.liquidityGross().get(e.getKey())),
                  a.set(signed(e.getValue()))),
              p);
        }
        directory.add(address, slot, PoolStateStore.UNISWAP_V3);
        return new PoolInfo(
            p.kind(),
            address,
            slot,
            tokens[0],
            tokens[1],
            BigDecimal.valueOf(params[0], 6),
            params[1],
            List.of(tokens),
            null,
            null);
      }
      case BALANCER_WEIGHTED, BALANCER_STABLE -> {
        return loadBalancer(p, address, h);
      }
      case CURVE -> {
        return loadCurve(p, address, h);
      }
      default ->
          throw new IllegalArgumentException("unknown pool kind " + p.kind() + " of " + address);
    }
  }

  private PoolInfo loadBalancer(final Pool p, final String address, final long h)
      throws IOException {
    final boolean weighted = BALANCER_WEIGHTED.equals(p.kind());
    final String variant = p.variant() == null ? (weighted ? "v3Plus" : null) : p.variant();
    if (weighted && !"v0".equals(variant) && !"v3Plus".equals(variant)) {
      throw new IllegalArgumentException(
          "pool " + address + ": variant must be v0 or v3Plus, not " + variant);
    }
    final String poolId = reader.bytes32(address, "getPoolId()", h);
    final ChainReader.PoolTokens pt = reader.poolTokens(vault, poolId, h);
    final int n = pt.tokens().size();
    if (n < 2 || n > PoolStateStore.MAX_TOKENS) {
      throw new IllegalArgumentException("pool " + address + ": " + n + " tokens");
    }
    final UInt256[] balances = words(pt.balances());
    final UInt256[] scaling = new UInt256[n];
    for (int i = 0; i < n; i++) {
      scaling[i] = new UInt256().set(scalingFactor(pt.tokens().get(i), h));
    }
    final BigInteger swapFee = reader.uint(address, "getSwapFeePercentage()", h);
    final UInt256 fee = new UInt256().set(swapFee);
    final int slot;
    if (weighted) {
      final BigInteger[] weights = reader.uintArray(address, "getNormalizedWeights()", h);
      if (weights.length != n) {
        throw new IOException(
            "pool " + address + ": " + weights.length + " weights, " + n + " tokens");
      }
      slot =
          store.addBalancerWeighted(
              n, balances, scaling, words(weights), fee, "v0".equals(variant) ? 0 : 1);
    } else {
      final BigInteger amp = reader.uint(address, "getAmplificationParameter()", h);
      slot =
          store.addBalancerStable(
              n, balances, scaling, new UInt256().set(amp), fee, pt.tokens().indexOf(address));
    }
    check(slot, p);
    balancer.addPool(poolId, slot, pt.tokens());
    return new PoolInfo(
        p.kind(),
        address,
        slot,
        pt.tokens().get(0),
        pt.tokens().get(1),
        new BigDecimal(swapFee, 18),
        0,
        List.copyOf(pt.tokens()),
        poolId,
        variant);
  }

  private PoolInfo loadCurve(final Pool p, final String address, final long h) throws IOException {
    final String variant = p.variant() == null ? "legacy" : p.variant();
    if (!"legacy".equals(variant) && !"factory".equals(variant)) {
      throw new IllegalArgumentException(
          "pool " + address + ": variant must be legacy or factory, not " + variant);
    }
    final List<String> coins = new ArrayList<>();
    for (int i = 0; i < PoolStateStore.MAX_TOKENS; i++) {
      try {
        coins.add(reader.addressAt(address, "coins(uint256)", i, h));
      } catch (final ChainReader.CallFailedException e) {
        break; // past the last coin: the getter reverts
      }
    }
    final int n = coins.size();
    if (n < 2) {
      throw new IllegalArgumentException("pool " + address + ": " + n + " coins");
    }
    final UInt256[] balances = words(curveBalances(address, n, h));
    final UInt256[] rates = new UInt256[n];
    for (int i = 0; i < n; i++) {
      rates[i] = new UInt256().set(scalingFactor(coins.get(i), h));
    }
    final BigInteger amp =
        reader.uint(address, "factory".equals(variant) ? "A_precise()" : "A()", h);
    final BigInteger fee = reader.uint(address, "fee()", h);
    final BigInteger adminFee = reader.uint(address, "admin_fee()", h);
    final int slot =
        store.addCurve(
            n,
            balances,
            rates,
            new UInt256().set(amp),
            new UInt256().set(fee),
            new UInt256().set(adminFee),
            "factory".equals(variant) ? 1 : 0);
    check(slot, p);
    directory.add(address, slot, PoolStateStore.CURVE);
    return new PoolInfo(
        p.kind(),
        address,
        slot,
        coins.get(0),
        coins.get(1),
        new BigDecimal(fee, 10),
        0,
        List.copyOf(coins),
        null,
        variant);
  }

  private BigInteger[] curveBalances(final String address, final int n, final long block)
      throws IOException {
    final BigInteger[] out = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      out[i] = reader.uintAt(address, "balances(uint256)", i, block);
    }
    return out;
  }

  /** 1e18 · 10^(18 − decimals): Balancer's scaling factor and Curve's rate for a plain token. */
  private BigInteger scalingFactor(final String token, final long block) throws IOException {
    final int decimals =
        NATIVE_ETH.equalsIgnoreCase(token)
            ? 18
            : reader.uint(token, "decimals()", block).intValueExact();
    if (decimals > 18) {
      throw new IllegalArgumentException("token " + token + ": " + decimals + " decimals");
    }
    return E18.multiply(BigInteger.TEN.pow(18 - decimals));
  }

  private static UInt256[] words(final BigInteger[] values) {
    final UInt256[] out = new UInt256[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = new UInt256().set(values[i]);
    }
    return out;
  }

  private static void check(final int status, final Pool p) {
    if (status < 0) {
      throw new IllegalStateException("store refused " + p + ": status " + status);
    }
  }

  /** Two's complement of a signed value as a UInt256-settable unsigned value. */
  private static BigInteger signed(final BigInteger v) {
    return v.signum() >= 0 ? v : v.add(BigInteger.ONE.shiftLeft(256));
  }

  // ------------------------------------------------------------------ feed thread

  private void run() {
    long backoff = 50;
    while (running) {
      try {
        ensureWs();
        final long head = http.ethBlockNumber().send().getBlockNumber().longValueExact();
        headSeen = head;
        if (!tipOnChain(head)) {
          rollback();
        }
        resyncPending();
        while (running && next <= head) {
          if (!processBlock(next)) {
            break;
          }
        }
        if (next > head) {
          freshen();
        }
        backoff = 50;
        wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (final IOException | RuntimeException e) {
        if (!running) {
          return;
        }
        lastError = e;
        outages++;
        markAllStale();
        dropWs();
        try {
          Thread.sleep(backoff);
        } catch (final InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(backoff * 2, 2000);
      }
    }
  }

  private void ensureWs() {
    if (wsUrl == null || (ws != null && !wsFailed)) {
      return;
    }
    dropWs();
    try {
      final WebSocketService s = new WebSocketService(wsUrl, false);
      s.connect(msg -> {}, err -> onWsDown(), this::onWsDown);
      ws = s;
      wsFailed = false;
      heads =
          Web3j.build(s)
              .newHeadsNotifications()
              .subscribe(
                  n -> {
                    headsNotified++;
                    wake.release();
                  },
                  err -> onWsDown(),
                  this::onWsDown);
    } catch (final ConnectException | RuntimeException e) {
      onWsDown(); // polling carries on; retried on the next round
    }
  }

  private void onWsDown() {
    wsFailed = true;
    wake.release();
  }

  private void dropWs() {
    if (heads != null) {
      heads.dispose();
      heads = null;
    }
    if (ws != null) {
      try {
        ws.close();
      } catch (final RuntimeException e) {
        // already closed
      }
      ws = null;
    }
  }

  private EthBlock.Block block(final DefaultBlockParameter at) throws IOException {
    final EthBlock r = http.ethGetBlockByNumber(at, false).send();
    if (r.hasError()) {
      throw new IOException("eth_getBlockByNumber: " + r.getError().getMessage());
    }
    return r.getBlock();
  }

  private String hashAt(final long n) throws IOException {
    final EthBlock.Block b = block(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)));
    return b == null ? null : b.getHash();
  }

  /** True if the last recorded block is still the node's block at that height. */
  private boolean tipOnChain(final long head) throws IOException {
    final long last = next - 1;
    if (head < last) {
      return false;
    }
    return blocks.get(last).hash().equalsIgnoreCase(hashAt(last));
  }

  /** Applies block n; false if the chain changed under us (a rollback was done or is needed). */
  private boolean processBlock(final long n) throws IOException {
    final EthBlock.Block b = block(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)));
    if (b == null) {
      return false;
    }
    final BlockRecord parent = blocks.get(n - 1);
    if (parent != null && !parent.hash().equalsIgnoreCase(b.getParentHash())) {
      rollback();
      return false;
    }
    final DefaultBlockParameter at = DefaultBlockParameter.valueOf(BigInteger.valueOf(n));
    final EthLog r = http.ethGetLogs(new EthFilter(at, at, addresses)).send();
    if (r.hasError()) {
      throw new IOException("eth_getLogs: " + r.getError().getMessage());
    }
    if (!resultIsArray(r.getRawResponse())) {
      // web3j turns a result of the wrong type into an empty list; that must not pass for a
      // block without logs.
      throw new IOException("eth_getLogs " + n + ": result is not an array of logs");
    }
    final List<Log> logs = new ArrayList<>(r.getLogs().size());
    for (final EthLog.LogResult<?> lr : r.getLogs()) {
      final Log log = (Log) lr.get();
      if (!b.getHash().equalsIgnoreCase(log.getBlockHash())) {
        return false; // the block was replaced between the two calls: retry from the top
      }
      if (!log.isRemoved()) {
        logs.add(log);
      }
    }
    logs.sort(Comparator.comparing(Log::getLogIndex));
    // Pass 1: the Curve pools this block changes, and their balances at its end, read before
    // anything of the block is published (an RPC failure here leaves the block unapplied).
    final Map<Integer, Integer> rereadAt = new TreeMap<>(); // store slot -> last log index
    long lastIndex = -1;
    for (final Log log : logs) {
      final long index = log.getLogIndex().longValueExact();
      if (index <= lastIndex) {
        continue;
      }
      lastIndex = index;
      final int slot = curveSlot(log.getAddress());
      if (slot >= 0
          && curve.decode(
                  slot,
                  pools.get(slot).tokens().size(),
                  log.getTopics(),
                  log.getData(),
                  n,
                  (int) index,
                  scratch)
              == CurveLogDecoder.REREAD) {
        rereadAt.put(slot, (int) index);
      }
    }
    final Map<Integer, BigInteger[]> reread = new TreeMap<>();
    for (final int slot : rereadAt.keySet()) {
      final PoolInfo info = pools.get(slot);
      reread.put(slot, curveBalances(info.address(), info.tokens().size(), n));
    }
    // Pass 2: publish in log order.
    final BitSet touched = new BitSet();
    lastIndex = -1;
    for (final Log log : logs) {
      final long index = log.getLogIndex().longValueExact();
      if (index <= lastIndex) {
        duplicates++;
        continue;
      }
      lastIndex = index;
      final int result;
      if (followsVault && isVault(log.getAddress())) {
        result =
            balancer.decode(log.getTopics(), log.getData(), n, (int) index, scratch)
                    == BalancerVaultLogDecoder.OK
                ? UniswapLogDecoder.OK
                : UniswapLogDecoder.IGNORED;
      } else {
        final int slot = curveSlot(log.getAddress());
        if (slot >= 0) {
          final Integer last = rereadAt.get(slot);
          if (last != null && last == index) {
            scratch.header(MarketEvent.BALANCES, slot, n, (int) index);
            setValues(scratch, reread.get(slot));
            result = UniswapLogDecoder.OK;
          } else {
            result = UniswapLogDecoder.IGNORED;
          }
        } else {
          result =
              decoder.decode(
                  log.getAddress(), log.getTopics(), log.getData(), n, (int) index, scratch);
        }
      }
      if (result == UniswapLogDecoder.OK) {
        touched.set(scratch.pool);
        publish(scratch);
      }
    }
    blocks.put(n, new BlockRecord(b.getHash(), touched));
    while (blocks.size() > window) {
      blocks.pollFirstEntry();
    }
    next = n + 1;
    tip = new Tip(n, b.getHash());
    return true;
  }

  /** Whether a raw JSON-RPC response's top-level {@code result} is an array (streamed, no tree). */
  private static boolean resultIsArray(final String raw) throws IOException {
    if (raw == null) {
      return false;
    }
    try (com.fasterxml.jackson.core.JsonParser p = RAW.getFactory().createParser(raw)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        final String name = p.currentName();
        final com.fasterxml.jackson.core.JsonToken value = p.nextToken();
        if ("result".equals(name)) {
          return value == com.fasterxml.jackson.core.JsonToken.START_ARRAY;
        }
        p.skipChildren();
      }
      return false;
    } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
      return false;
    }
  }

  private boolean isVault(final String address) {
    return Hex.address(address, logKey, hexOk)
        && logKey[0] == vaultKey[0]
        && logKey[1] == vaultKey[1]
        && logKey[2] == vaultKey[2];
  }

  /** Store slot of the followed Curve pool at {@code address}, or -1. */
  private int curveSlot(final String address) {
    final int entry = directory.lookup(address);
    return entry >= 0 && directory.family(entry) == PoolStateStore.CURVE
        ? directory.slot(entry)
        : -1;
  }

  private static void setValues(final MarketEvent e, final BigInteger[] values) {
    e.count = values.length;
    for (int i = 0; i < values.length; i++) {
      e.values[i].set(values[i]);
    }
  }

  private void publish(final MarketEvent e) {
    final long seq = ring.next();
    ring.event(seq).copyFrom(e);
    ring.publish(seq);
    publishedSeq = seq;
    events++;
  }

  private void publish(final int kind, final int slot, final long block, final int logIndex) {
    scratch.header(kind, slot, block, logIndex);
    publish(scratch);
  }

  private void drain() throws InterruptedException {
    final long target = publishedSeq;
    while (ring.appliedSequence() < target) {
      Thread.sleep(0, 100_000);
    }
  }

  /** Rolls the touched pools back to the fork point (see the class comment). */
  private void rollback() throws IOException {
    final long oldTip = next - 1;
    long f = oldTip;
    while (!blocks.isEmpty() && f >= blocks.firstKey()) {
      final String h = hashAt(f);
      if (h != null && h.equalsIgnoreCase(blocks.get(f).hash())) {
        break;
      }
      f--;
    }
    final BitSet affected = new BitSet();
    if (blocks.isEmpty() || f < blocks.firstKey()) {
      // Deeper than the window: everything is in doubt; start again at the head.
      f = restartAtHead(affected);
    } else {
      for (final BlockRecord r : blocks.tailMap(f, false).values()) {
        affected.or(r.touched());
      }
      blocks.tailMap(f, false).clear();
    }
    reorgs++;
    maxReorgDepth = Math.max(maxReorgDepth, oldTip - f);
    // Rewind first, then resynchronise: if the node fails half-way, the next round retries the
    // pending pools (at this fork point, or a deeper one) before applying any further block.
    // Stale before the new tip is visible: awaitSynced must not see this tip with the old state.
    stale.or(affected);
    staleCount = stale.cardinality();
    pending.or(affected);
    pendingAt = f;
    next = f + 1;
    tip = new Tip(f, blocks.get(f).hash());
    resyncPending();
  }

  private long headSeenNow() throws IOException {
    return block(DefaultBlockParameterName.LATEST).getNumber().longValueExact();
  }

  /** Forgets every recorded block but the head, marks every pool affected; returns the head. */
  private long restartAtHead(final BitSet affected) throws IOException {
    final EthBlock.Block head = block(DefaultBlockParameterName.LATEST);
    final long h = head.getNumber().longValueExact();
    blocks.clear();
    blocks.put(h, new BlockRecord(head.getHash(), new BitSet()));
    affected.set(0, pools.size());
    return h;
  }

  /**
   * Resynchronises every pool still pending after a rollback, at the fork point; if the node no
   * longer has the fork point's state (a pruned, non-archive node), every pool at the head instead.
   */
  private void resyncPending() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    try {
      drain();
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    for (int p = pending.nextSetBit(0); p >= 0; p = pending.nextSetBit(p + 1)) {
      try {
        resync(p, pendingAt);
      } catch (final ChainReader.CallFailedException e) {
        if (headSeenNow() <= pendingAt) {
          throw e; // the head's own state: a real failure, handled as an outage
        }
        lastError = e;
        final BitSet all = new BitSet();
        final long h = restartAtHead(all);
        stale.or(all);
        staleCount = stale.cardinality();
        pending.or(all);
        pendingAt = h;
        next = h + 1;
        tip = new Tip(h, blocks.get(h).hash());
        headFallbacks++;
        resyncPending();
        return;
      }
      pending.clear(p);
    }
  }

  /** Publishes MARK_STALE at (block, −1) and pool p's full state at {@code block}. */
  private void resync(final int p, final long block) throws IOException {
    final PoolInfo info = pools.get(p);
    final int slot = info.slot();
    resyncs++;
    if (info.poolId() != null || CURVE.equals(info.kind())) {
      final BigInteger[] balances =
          info.poolId() != null
              ? reader.poolTokens(vault, info.poolId(), block).balances()
              : curveBalances(info.address(), info.tokens().size(), block);
      markStale(slot, block, -1);
      scratch.header(MarketEvent.BALANCES, slot, block, 0);
      setValues(scratch, balances);
      publish(scratch);
      return;
    }
    if (UNISWAP_V2.equals(info.kind())) {
      final BigInteger[] r = reader.v2Reserves(info.address(), block);
      markStale(slot, block, -1);
      scratch.header(MarketEvent.V2_SYNC, slot, block, 0);
      scratch.a.set(r[0]);
      scratch.b.set(r[1]);
      publish(scratch);
      return;
    }
    final ChainReader.V3State s = reader.v3State(info.address(), info.spacing(), block);
    // The ring is drained: the store holds everything published, so its tick table is exact.
    store.read(slot, snapshot);
    final TreeSet<Integer> ticks = new TreeSet<>(s.liquidityNet().keySet());
    for (int i = 0; i < snapshot.tickCount(); i++) {
      ticks.add(snapshot.tickAt(i));
    }
    markStale(slot, block, -1);
    int index = 0;
    scratch.header(MarketEvent.V3_SWAP, slot, block, index++);
    scratch.a.set(s.sqrtPriceX96());
    scratch.b.set(s.liquidity());
    scratch.tick = s.tick();
    publish(scratch);
    for (final int t : ticks) {
      scratch.header(MarketEvent.V3_TICK_NET, slot, block, index++);
      scratch.tick = t;
      scratch.a.set(signed(s.liquidityNet().getOrDefault(t, BigInteger.ZERO)));
      scratch.b.set(s.liquidityGross().getOrDefault(t, BigInteger.ZERO));
      publish(scratch);
    }
  }

  private void markStale(final int slot, final long block, final int logIndex) {
    publish(MarketEvent.MARK_STALE, slot, block, logIndex);
    if (!stale.get(slot)) {
      stale.set(slot);
      staleCount = stale.cardinality();
    }
  }

  private void markAllStale() {
    if (ring == null) {
      return;
    }
    for (final PoolInfo p : pools) {
      if (!stale.get(p.slot())) {
        // After every log of the last applied block: no position is rewound.
        markStale(p.slot(), next - 1, Integer.MAX_VALUE - 1);
      }
    }
  }

  private void freshen() {
    for (int s = stale.nextSetBit(0); s >= 0; s = stale.nextSetBit(s + 1)) {
      publish(MarketEvent.MARK_FRESH, s, next - 1, Integer.MAX_VALUE);
    }
    stale.clear();
    staleCount = 0;
  }

  // ------------------------------------------------------------------ any thread

  /**
   * Waits until the feed's tip is block {@code number} with hash {@code hash} (or any block at or
   * above {@code number} when {@code hash} is null), the ring has applied everything published up
   * to then, and no pool is stale; false on timeout.
   */
  public boolean awaitSynced(final long number, final String hash, final Duration timeout)
      throws InterruptedException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    wake.release();
    while (System.nanoTime() < deadline) {
      if (atTip(number, hash)) {
        final long target = publishedSeq;
        if (ring.appliedSequence() >= target && atTip(number, hash)) {
          return true;
        }
      }
      Thread.sleep(1);
    }
    return false;
  }

  private boolean atTip(final long number, final String hash) {
    final Tip t = tip;
    return staleCount == 0
        && (hash == null
            ? t.number() >= number
            : t.number() == number && t.hash().equalsIgnoreCase(hash));
  }

  /** The last block processed on the current branch. */
  public Tip tip() {
    return tip;
  }

  /** The store the feed keeps (read it with {@link PoolStateStore#read}). */
  public PoolStateStore store() {
    return store;
  }

  /** The followed pools, in store-slot order. */
  public List<PoolInfo> pools() {
    return List.copyOf(pools);
  }

  /** The inbound ring (for its applier's counters). */
  public InboundRing ring() {
    return ring;
  }

  /** Number of the last block processed on the current branch. */
  public long processedBlock() {
    return tip.number();
  }

  /** Highest head the node reported. */
  public long headSeen() {
    return headSeen;
  }

  /** Pools currently stale. */
  public int staleCount() {
    return staleCount;
  }

  /** Reorgs (rollbacks) handled. */
  public long reorgs() {
    return reorgs;
  }

  /** Deepest rollback, in blocks. */
  public long maxReorgDepth() {
    return maxReorgDepth;
  }

  /** Pool resynchronisations by eth_call. */
  public long resyncs() {
    return resyncs;
  }

  /** RPC failures survived. */
  public long outages() {
    return outages;
  }

  /** Duplicate logs dropped. */
  public long duplicates() {
    return duplicates;
  }

  /** Rollbacks resynchronised at the head because the fork point's state was unavailable. */
  public long headFallbacks() {
    return headFallbacks;
  }

  /** {@code newHeads} notifications received over the WebSocket. */
  public long headsNotified() {
    return headsNotified;
  }

  /** Events published into the ring. */
  public long events() {
    return events;
  }

  /** The last RPC failure, or null. */
  public Throwable lastError() {
    return lastError;
  }

  /** The decoders' counters (read them once the feed is closed for exact values). */
  public String decoderReport() {
    return "uniswap: "
        + decoder.report()
        + "; balancer vault: "
        + balancer.report()
        + "; curve: "
        + curve.report();
  }

  /** Malformed or foreign logs rejected by the decoders. */
  public long decoderRejected() {
    return decoder.rejected() + balancer.rejected() + curve.rejected();
  }

  /** The Balancer Vault decoder (for its counters). */
  public BalancerVaultLogDecoder balancerDecoder() {
    return balancer;
  }

  /** The Curve decoder (for its counters). */
  public CurveLogDecoder curveDecoder() {
    return curve;
  }

  /** The HTTP endpoint. */
  public String rpcUrl() {
    return rpcUrl;
  }

  /**
   * Stops the feed thread, drains and stops the ring (then checkpoints the store to the journal, if
   * any), closes the connections.
   */
  @Override
  public void close() {
    running = false;
    if (thread != null) {
      wake.release();
      thread.interrupt();
      try {
        thread.join(5000);
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    dropWs();
    if (ring != null) {
      ring.close();
      if (journal != null) {
        // Once: the journal's closing checkpoint is the state every journaled event led to.
        final MarketEventJournal j = journal;
        journal = null;
        j.checkpoint(store);
      }
    }
    http.shutdown();
  }
}
