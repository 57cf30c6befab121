package io.sextant.routing.state;

import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ3.TickMath;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The state of every pool the engine routes through, in pre-allocated primitive arrays: Uniswap V2
 * reserves and fee, Uniswap V3 price, liquidity, tick and initialised-tick table, Balancer weighted
 * and stable balances, scaling factors, weights or amplification and fee, Curve StableSwap
 * balances, rates, amplification and fees. Amounts are base units held as 256-bit words (four
 * little-endian {@code long} limbs); fixed-point parameters keep the units of the pool classes in
 * {@code routing.math} that rebuild them ({@link PoolSnapshot#pool()}).
 *
 * <h2>Threads</h2>
 *
 * <p><b>One writer.</b> Every {@code add*}, {@code write*} and {@link #markStale} call must come
 * from a single thread at a time (the feeds' {@code StateApplier}, or a loader filling a
 * request-private store before publishing it). Writer calls allocate nothing, never throw for bad
 * input and return a status: {@link #OK} (or a slot, for {@code add*}) or a negative code such as
 * {@link #UNKNOWN_SLOT}, {@link #POOL_CAPACITY}, {@link #TICK_CAPACITY} or {@link #INVALID_VALUE};
 * on failure nothing changed.
 *
 * <p><b>Any number of readers</b>, lock-free, via {@link #read(int, PoolSnapshot)}: a per-pool
 * sequence lock. Each pool has a version that is odd while the writer is inside a write and even
 * otherwise (it counts 2 per completed write). A reader loads the version with acquire semantics,
 * copies the pool's words into its own {@link PoolSnapshot}, issues an acquire fence, re-loads the
 * version and retries if it was odd or changed. The writer never waits for readers.
 *
 * <h2>Memory ordering (why a successful read is never torn)</h2>
 *
 * <p>Writer, for write number k of a pool (version {@code 2k} before): (W1) store {@code 2k+1}
 * (opaque); (W2) {@link VarHandle#releaseFence()}; (W3) plain stores of the data; (W4) store {@code
 * 2k+2} with release. Reader: (R1) load version {@code v1} with acquire; (R2) plain loads of the
 * data; (R3) {@link VarHandle#acquireFence()}; (R4) opaque load {@code v2}; accept iff {@code v1 ==
 * v2} and even.
 *
 * <ul>
 *   <li>If R1 reads {@code 2k} written by W4 of write k−1 (a release store read by an acquire
 *       load), everything write k−1 and earlier stored happens-before R2: the reader cannot see
 *       data older than write k−1.
 *   <li>If any load in R2 sees a store of W3 of a later write j ≥ k, then, because W1 precedes W3
 *       across the release fence W2 and R2 precedes R4 across the acquire fence R3, the fences
 *       synchronise and W1 ({@code 2j+1}) happens-before R4; by coherence R4 reads {@code 2j+1} or
 *       later, so {@code v2 != v1} and the copy is discarded.
 * </ul>
 *
 * <p>So an accepted copy holds exactly the state after write k−1. Individual plain loads may be
 * torn (even a {@code long} may be split by the JLS); the check above discards those copies too, so
 * the reader must only look at the copy after {@code read} returned a non-negative status. Reads
 * never index the store with values they copied, so a torn copy cannot go out of bounds. On x86
 * both fences compile to nothing beyond compiler barriers; on ARM they are {@code dmb} barriers.
 *
 * <p>The {@link #globalVersion()} counts completed writes over all pools and is stored with release
 * after each write: a reader that loads it (acquire) and sees {@code g} sees every write up to the
 * g-th, which lets a reader record which input it routed against.
 *
 * <p>Pools are added with {@code add*} and published by a release store of the pool count: a slot
 * below {@link #poolCount()} is readable. {@link #clear()} needs quiescence (no reader).
 */
public final class PoolStateStore {
  /** Slot holds no pool. */
  public static final int EMPTY = 0;

  /** A Uniswap V2 pair (or fork): words reserve0, reserve1; fee numerator/denominator. */
  public static final int UNISWAP_V2 = 1;

  /** A Uniswap V3 pool: words sqrtPriceX96, liquidity; tick, fee pips, spacing, tick table. */
  public static final int UNISWAP_V3 = 2;

  /** A Balancer V2 weighted pool: balances, scaling factors, weights (1e18), swap fee (1e18). */
  public static final int BALANCER_WEIGHTED = 3;

  /** A Balancer V2 stable pool: balances, scaling factors, amp × 1000, swap fee (1e18). */
  public static final int BALANCER_STABLE = 4;

  /** A Curve StableSwap pool: balances, rates, amp, fee and admin fee (1e10). */
  public static final int CURVE = 5;

  /** Success of a write or read. */
  public static final int OK = 0;

  /** A read succeeded, but the pool is marked stale: routing must skip it. */
  public static final int STALE = 1;

  /** No pool in that slot. */
  public static final int UNKNOWN_SLOT = -1;

  /** The call does not fit the pool's family (a V3 write to a V2 pool, say). */
  public static final int WRONG_FAMILY = -2;

  /** Every pool slot is taken. */
  public static final int POOL_CAPACITY = -3;

  /** The V3 tick table (of the pool or of the store) is full. */
  public static final int TICK_CAPACITY = -4;

  /** The word storage for balances and parameters is full. */
  public static final int WORD_CAPACITY = -5;

  /** A value the pool's contract cannot hold (zero reserve, price outside range, ...). */
  public static final int INVALID_VALUE = -6;

  /** A token index outside the pool, or a token count outside the family's range. */
  public static final int BAD_TOKEN_INDEX = -7;

  /** A reader gave up after {@link #MAX_READ_ATTEMPTS} consistent-read attempts. */
  public static final int CONTENDED = -8;

  /** Most tokens in a pool (Balancer weighted and Curve). */
  public static final int MAX_TOKENS = 8;

  /** Most words one pool occupies (weighted: 3 × 8 + 1). */
  public static final int MAX_WORDS_PER_POOL = 3 * MAX_TOKENS + 1;

  /** Read attempts before {@link #CONTENDED}; a write takes well under a microsecond. */
  public static final int MAX_READ_ATTEMPTS = 1 << 16;

  private static final int LIMBS = 4;
  // One version per 64-byte line, so a write to one pool does not invalidate readers of the next.
  private static final int VERSION_STRIDE = 8;
  private static final int MAX_UINT112_BITS = 112;
  private static final VarHandle VERSIONS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle POOL_COUNT;
  private static final VarHandle GLOBAL_VERSION;

  static {
    try {
      final MethodHandles.Lookup lookup = MethodHandles.lookup();
      POOL_COUNT = lookup.findVarHandle(PoolStateStore.class, "poolCount", int.class);
      GLOBAL_VERSION = lookup.findVarHandle(PoolStateStore.class, "globalVersion", long.class);
    } catch (final ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final int maxPools;
  private final int maxTicksPerPool;
  private final boolean verifyReads;

  private final long[] versions;
  private final byte[] family;
  private final boolean[] stale;
  private final int[] tokenCount;
  private final int[] wordBase;
  private final int[] wordCount;
  private final long[] param0;
  private final long[] param1;
  private final int[] tick;
  private final int[] tickBase;
  private final int[] tickCap;
  private final int[] tickCount;
  private final long[] limbs;
  private final int[] ticks;
  private final long[] netLo;
  private final long[] netHi;
  // Writer-only: liquidityGross of each table tick (uint128). The contract keeps a tick initialised
  // while its gross is non-zero, even when its net is zero, and the swap loop steps at it.
  private final long[] grossLo;
  private final long[] grossHi;

  // Writer-owned cursors and scratch.
  private int wordsUsed;
  private int ticksUsed;
  private final TickMath tickMath = new TickMath();
  private final UInt256 scratchA = new UInt256();
  private final UInt256 scratchB = new UInt256();
  private final UInt256 scratchC = new UInt256();
  private final UInt256 scratchD = new UInt256();
  private final UInt256 scratchE = new UInt256();
  private final UInt256 scratchF = new UInt256();
  private final UInt256[] newBalances = new UInt256[MAX_TOKENS];

  // Written by the writer with release, read by anyone with acquire.
  @SuppressWarnings("unused")
  private volatile int poolCount;

  @SuppressWarnings("unused")
  private volatile long globalVersion;

  /**
   * A store for up to {@code maxPools} pools, {@code maxWords} 256-bit words of pool state over all
   * pools (V2 and V3 take 2, weighted 3n + 1, stable 2n + 2, Curve 2n + 3) and {@code maxTicks}
   * initialised V3 ticks over all pools, at most {@code maxTicksPerPool} in one pool.
   */
  public PoolStateStore(
      final int maxPools, final int maxWords, final int maxTicks, final int maxTicksPerPool) {
    this(maxPools, maxWords, maxTicks, maxTicksPerPool, true);
  }

  /** Test hook: {@code verifyReads == false} skips the version re-check (a broken seqlock). */
  PoolStateStore(
      final int maxPools,
      final int maxWords,
      final int maxTicks,
      final int maxTicksPerPool,
      final boolean verifyReads) {
    if (maxPools < 1 || maxWords < 0 || maxTicks < 0 || maxTicksPerPool < 0) {
      throw new IllegalArgumentException("capacity: negative or no pools");
    }
    this.maxPools = maxPools;
    this.maxTicksPerPool = maxTicksPerPool;
    this.verifyReads = verifyReads;
    versions = new long[(maxPools + 2) * VERSION_STRIDE];
    family = new byte[maxPools];
    stale = new boolean[maxPools];
    tokenCount = new int[maxPools];
    wordBase = new int[maxPools];
    wordCount = new int[maxPools];
    param0 = new long[maxPools];
    param1 = new long[maxPools];
    tick = new int[maxPools];
    tickBase = new int[maxPools];
    tickCap = new int[maxPools];
    tickCount = new int[maxPools];
    limbs = new long[maxWords * LIMBS];
    ticks = new int[maxTicks];
    netLo = new long[maxTicks];
    netHi = new long[maxTicks];
    grossLo = new long[maxTicks];
    grossHi = new long[maxTicks];
    for (int i = 0; i < MAX_TOKENS; i++) {
      newBalances[i] = new UInt256();
    }
  }

  /**
   * A store sized for {@code maxPools} pools of any family and {@code maxTicks} V3 ticks in all, at
   * most {@code maxTicksPerPool} per pool.
   */
  public static PoolStateStore withCapacity(
      final int maxPools, final int maxTicks, final int maxTicksPerPool) {
    return new PoolStateStore(
        maxPools, Math.multiplyExact(maxPools, MAX_WORDS_PER_POOL), maxTicks, maxTicksPerPool);
  }

  /** A snapshot buffer sized for this store; one per reader thread. */
  public PoolSnapshot newSnapshot() {
    return new PoolSnapshot(maxTicksPerPool);
  }

  // ---------------------------------------------------------------- reading (any thread)

  /** Pools added so far; slots {@code [0, poolCount())} are readable. */
  public int poolCount() {
    return (int) POOL_COUNT.getAcquire(this);
  }

  /** Most pools this store holds. */
  public int maxPools() {
    return maxPools;
  }

  /** Most initialised V3 ticks over all pools. */
  public int maxTicks() {
    return ticks.length;
  }

  /** Most initialised V3 ticks in one pool. */
  public int maxTicksPerPool() {
    return maxTicksPerPool;
  }

  /** Completed writes over all pools; see the class comment. */
  public long globalVersion() {
    return (long) GLOBAL_VERSION.getAcquire(this);
  }

  /** The pool's sequence-lock version: even when quiescent, 2 × completed writes since added. */
  public long version(final int slot) {
    return (long) VERSIONS.getAcquire(versions, versionIndex(slot));
  }

  /** The pool's family ({@link #UNISWAP_V2}, ...) or {@link #EMPTY} for an unknown slot. */
  public int family(final int slot) {
    return slot >= 0 && slot < poolCount() ? family[slot] : EMPTY;
  }

  /**
   * Copies a consistent state of pool {@code slot} into {@code dst}: {@link #OK}, {@link #STALE}
   * (consistent, but routing must skip the pool), {@link #UNKNOWN_SLOT} or {@link #CONTENDED}.
   * Lock-free and allocation-free; {@code dst} belongs to the calling thread.
   */
  public int read(final int slot, final PoolSnapshot dst) {
    if (slot < 0 || slot >= poolCount()) {
      return UNKNOWN_SLOT;
    }
    final int vi = versionIndex(slot);
    for (int attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++) {
      // Acquire: the data loads below cannot float above this load, and a release store of an
      // even version by the writer makes the whole completed write visible to them.
      final long v1 = (long) VERSIONS.getAcquire(versions, vi);
      if ((v1 & 1) != 0) {
        Thread.onSpinWait();
        continue;
      }
      final boolean isStale = copy(slot, dst);
      if (!verifyReads) {
        dst.version = v1;
        return isStale ? STALE : OK;
      }
      // Keeps every data load above before the re-load of the version (LoadLoad).
      VarHandle.acquireFence();
      final long v2 = (long) VERSIONS.getOpaque(versions, vi);
      if (v1 == v2) {
        dst.version = v1;
        return isStale ? STALE : OK;
      }
      Thread.onSpinWait();
    }
    return CONTENDED;
  }

  private boolean copy(final int slot, final PoolSnapshot dst) {
    // Only fields fixed since the slot was published (base, count, capacity) index the arrays;
    // the tick count, which changes, is clamped to the pool's capacity, so a torn copy stays in
    // bounds and is then discarded.
    dst.slot = slot;
    dst.family = family[slot];
    dst.tokenCount = tokenCount[slot];
    dst.param0 = param0[slot];
    dst.param1 = param1[slot];
    dst.tick = tick[slot];
    final int words = wordCount[slot];
    System.arraycopy(limbs, wordBase[slot] * LIMBS, dst.limbs, 0, words * LIMBS);
    dst.wordCount = words;
    final int cap = Math.min(tickCap[slot], dst.ticks.length);
    int n = tickCount[slot];
    if (n > cap || n < 0) {
      n = cap;
    }
    final int tb = tickBase[slot];
    System.arraycopy(ticks, tb, dst.ticks, 0, n);
    System.arraycopy(netLo, tb, dst.netLo, 0, n);
    System.arraycopy(netHi, tb, dst.netHi, 0, n);
    dst.tickCount = n;
    return stale[slot];
  }

  // ---------------------------------------------------------------- the sequence lock (writer)

  private static int versionIndex(final int slot) {
    // One line of padding before the first version, too.
    return (slot + 1) * VERSION_STRIDE;
  }

  private long beginWrite(final int slot) {
    final int vi = versionIndex(slot);
    final long v = versions[vi]; // the writer's own last store
    VERSIONS.setOpaque(versions, vi, v + 1);
    // The odd version must be visible no later than any data store that follows (StoreStore).
    VarHandle.releaseFence();
    return v;
  }

  private void endWrite(final int slot, final long before) {
    // Release: every data store of this write is visible to whoever acquires the even version.
    VERSIONS.setRelease(versions, versionIndex(slot), before + 2);
    GLOBAL_VERSION.setRelease(this, (long) GLOBAL_VERSION.get(this) + 1);
  }

  // ---------------------------------------------------------------- adding pools (writer)

  /** Adds a Uniswap V2 pair; the slot, or a negative status. Fee {@code feeNum/feeDen}. */
  public int addUniswapV2(
      final UInt256 reserve0, final UInt256 reserve1, final long feeNum, final long feeDen) {
    if (!validReserve(reserve0) || !validReserve(reserve1)) {
      return INVALID_VALUE;
    }
    if (feeDen <= 0 || feeNum < 0 || feeNum >= feeDen) {
      return INVALID_VALUE;
    }
    final int slot = claim(UNISWAP_V2, 2, 2, 0);
    if (slot < 0) {
      return slot;
    }
    param0[slot] = feeNum;
    param1[slot] = feeDen;
    storeWord(slot, 0, reserve0);
    storeWord(slot, 1, reserve1);
    return publish(slot);
  }

  /**
   * Adds a Uniswap V3 pool with room for {@code tickCapacity} initialised ticks (at most the
   * store's per-pool limit) and an empty tick table; fill it with {@link #writeV3TickNet}.
   */
  public int addUniswapV3(
      final int feePips,
      final int tickSpacing,
      final UInt256 sqrtPriceX96,
      final UInt256 liquidity,
      final int currentTick,
      final int tickCapacity) {
    if (feePips < 0 || feePips >= 1_000_000 || tickSpacing < 1 || tickSpacing > 16384) {
      return INVALID_VALUE;
    }
    if (!validV3(sqrtPriceX96, liquidity, currentTick)) {
      return INVALID_VALUE;
    }
    if (tickCapacity < 0 || tickCapacity > maxTicksPerPool) {
      return TICK_CAPACITY;
    }
    final int slot = claim(UNISWAP_V3, 2, 2, tickCapacity);
    if (slot < 0) {
      return slot;
    }
    param0[slot] = feePips;
    param1[slot] = tickSpacing;
    tick[slot] = currentTick;
    storeWord(slot, 0, sqrtPriceX96);
    storeWord(slot, 1, liquidity);
    return publish(slot);
  }

  /**
   * Adds a Balancer weighted pool of {@code n} tokens (2..8): balances in base units, scaling
   * factors and weights as 1e18 fixed point, swap fee 1e18; {@code version} is the ordinal of
   * {@code WeightedPoolVersion}.
   */
  public int addBalancerWeighted(
      final int n,
      final UInt256[] balances,
      final UInt256[] scalingFactors,
      final UInt256[] weights,
      final UInt256 swapFee,
      final int version) {
    if (n < 2 || n > MAX_TOKENS) {
      return BAD_TOKEN_INDEX;
    }
    if (!validBalances(n, balances, -1)) {
      return INVALID_VALUE;
    }
    final int slot = claim(BALANCER_WEIGHTED, n, 3 * n + 1, 0);
    if (slot < 0) {
      return slot;
    }
    param0[slot] = version;
    for (int i = 0; i < n; i++) {
      storeWord(slot, i, balances[i]);
      storeWord(slot, n + i, scalingFactors[i]);
      storeWord(slot, 2 * n + i, weights[i]);
    }
    storeWord(slot, 3 * n, swapFee);
    return publish(slot);
  }

  /**
   * Adds a Balancer stable pool of {@code n} registered tokens (its BPT at {@code bptIndex}, or
   * -1): balances, scaling factors (1e18), amplification × 1000, swap fee (1e18).
   */
  public int addBalancerStable(
      final int n,
      final UInt256[] balances,
      final UInt256[] scalingFactors,
      final UInt256 ampTimesPrecision,
      final UInt256 swapFee,
      final int bptIndex) {
    if (n < 2 || n > MAX_TOKENS || bptIndex < -1 || bptIndex >= n) {
      return BAD_TOKEN_INDEX;
    }
    if (!validBalances(n, balances, bptIndex)) {
      return INVALID_VALUE;
    }
    final int slot = claim(BALANCER_STABLE, n, 2 * n + 2, 0);
    if (slot < 0) {
      return slot;
    }
    param0[slot] = bptIndex;
    for (int i = 0; i < n; i++) {
      storeWord(slot, i, balances[i]);
      storeWord(slot, n + i, scalingFactors[i]);
    }
    storeWord(slot, 2 * n, ampTimesPrecision);
    storeWord(slot, 2 * n + 1, swapFee);
    return publish(slot);
  }

  /**
   * Adds a Curve StableSwap pool of {@code n} coins: balances, rates (1e18 × 10^(18 − decimals)),
   * amp, fee and admin fee (1e10); {@code variant} is the ordinal of {@code
   * CurveStableSwapPool.Variant}.
   */
  public int addCurve(
      final int n,
      final UInt256[] balances,
      final UInt256[] rates,
      final UInt256 amp,
      final UInt256 fee,
      final UInt256 adminFee,
      final int variant) {
    if (n < 2 || n > MAX_TOKENS) {
      return BAD_TOKEN_INDEX;
    }
    for (int i = 0; i < n; i++) {
      if (balances[i].isZero()) {
        return INVALID_VALUE;
      }
    }
    final int slot = claim(CURVE, n, 2 * n + 3, 0);
    if (slot < 0) {
      return slot;
    }
    param0[slot] = variant;
    for (int i = 0; i < n; i++) {
      storeWord(slot, i, balances[i]);
      storeWord(slot, n + i, rates[i]);
    }
    storeWord(slot, 2 * n, amp);
    storeWord(slot, 2 * n + 1, fee);
    storeWord(slot, 2 * n + 2, adminFee);
    return publish(slot);
  }

  private int claim(final int fam, final int tokens, final int words, final int tickCapacity) {
    final int slot = (int) POOL_COUNT.get(this);
    if (slot >= maxPools) {
      return POOL_CAPACITY;
    }
    if (words > (limbs.length / LIMBS) - wordsUsed) {
      return WORD_CAPACITY;
    }
    if (tickCapacity > ticks.length - ticksUsed) {
      return TICK_CAPACITY;
    }
    family[slot] = (byte) fam;
    stale[slot] = false;
    tokenCount[slot] = tokens;
    wordBase[slot] = wordsUsed;
    wordCount[slot] = words;
    tickBase[slot] = ticksUsed;
    tickCap[slot] = tickCapacity;
    tickCount[slot] = 0;
    tick[slot] = 0;
    wordsUsed += words;
    ticksUsed += tickCapacity;
    return slot;
  }

  private int publish(final int slot) {
    // Release: a reader that sees the new count (acquire) sees the slot's whole initial state.
    POOL_COUNT.setRelease(this, slot + 1);
    return slot;
  }

  /**
   * Forgets every pool, for reuse with the next auction. Only with no reader active (a
   * request-private store between requests).
   */
  public void clear() {
    final int n = (int) POOL_COUNT.get(this);
    for (int s = 0; s < n; s++) {
      family[s] = EMPTY;
      versions[versionIndex(s)] = 0;
    }
    wordsUsed = 0;
    ticksUsed = 0;
    POOL_COUNT.setRelease(this, 0);
  }

  // ---------------------------------------------------------------- updates (writer)

  /** A V2 {@code Sync}: both reserves (nonzero, uint112) in one write. */
  public int writeV2Reserves(final int slot, final UInt256 reserve0, final UInt256 reserve1) {
    final int s = check(slot, UNISWAP_V2);
    if (s != OK) {
      return s;
    }
    if (!validReserve(reserve0) || !validReserve(reserve1)) {
      return INVALID_VALUE;
    }
    final long v = beginWrite(slot);
    storeWord(slot, 0, reserve0);
    storeWord(slot, 1, reserve1);
    endWrite(slot, v);
    return OK;
  }

  /**
   * A V3 {@code Swap}: price (within TickMath's range), in-range liquidity (uint128) and the tick,
   * which must be {@code getTickAtSqrtRatio(sqrtPriceX96)} or, at an exact tick boundary after a
   * downward swap, one below it.
   */
  public int writeV3(
      final int slot, final UInt256 sqrtPriceX96, final UInt256 liquidity, final int currentTick) {
    final int s = check(slot, UNISWAP_V3);
    if (s != OK) {
      return s;
    }
    if (!validV3(sqrtPriceX96, liquidity, currentTick)) {
      return INVALID_VALUE;
    }
    final long v = beginWrite(slot);
    storeWord(slot, 0, sqrtPriceX96);
    storeWord(slot, 1, liquidity);
    tick[slot] = currentTick;
    endWrite(slot, v);
    return OK;
  }

  /**
   * Sets the liquidityNet (int128, sign-extended in the holder) of initialised tick {@code t} when
   * its liquidityGross is unknown (a CoW snapshot lists only nets): the gross is taken as {@code
   * |net|}, and zero removes the tick. The tick must be a multiple of the pool's spacing.
   */
  public int writeV3TickNet(final int slot, final int t, final UInt256 liquidityNet) {
    if (!fitsInt128(liquidityNet)) {
      final int s = check(slot, UNISWAP_V3);
      return s != OK ? s : INVALID_VALUE;
    }
    final UInt256 gross = scratchC.set(liquidityNet);
    if (gross.isNegative()) {
      gross.negate(gross);
    }
    return writeV3Tick(slot, t, gross, liquidityNet);
  }

  /**
   * Sets tick {@code t}'s liquidityGross (uint128) and liquidityNet (int128, sign-extended), as
   * {@code ticks(t)} reads them from the pool: the tick is initialised iff its gross is non-zero,
   * so a zero gross removes it and a zero net with a non-zero gross keeps it (the contract steps
   * there). {@link #INVALID_VALUE} if {@code |net| > gross} or the tick is off the spacing.
   */
  public int writeV3Tick(
      final int slot, final int t, final UInt256 liquidityGross, final UInt256 liquidityNet) {
    final int s = check(slot, UNISWAP_V3);
    if (s != OK) {
      return s;
    }
    if (!validTick(slot, t) || !fitsInt128(liquidityNet) || !liquidityGross.fitsBits(128)) {
      return INVALID_VALUE;
    }
    final UInt256 abs = scratchD.set(liquidityNet);
    if (abs.isNegative()) {
      abs.negate(abs);
    }
    if (abs.compareTo(liquidityGross) > 0) {
      return INVALID_VALUE;
    }
    final int pos = findTick(slot, t);
    if (pos < 0 && !liquidityGross.isZero() && tickCount[slot] >= tickCap[slot]) {
      return TICK_CAPACITY;
    }
    final long v = beginWrite(slot);
    setTick(slot, pos, t, liquidityGross, liquidityNet);
    endWrite(slot, v);
    return OK;
  }

  /**
   * A V3 {@code Mint} ({@code delta > 0}) or {@code Burn} ({@code delta < 0}) of a position over
   * {@code [tickLower, tickUpper)}, {@code delta} an int128 sign-extended in the holder: both ends'
   * liquidityGross ({@code + delta}) and liquidityNet ({@code + delta} below, {@code − delta}
   * above) and, if the current tick is inside the range, the in-range liquidity change in one
   * write, as in the pool's {@code _modifyPosition}. An end whose gross reaches zero is cleared
   * (the contract's {@code ticks.clear} and bitmap flip); one whose net alone reaches zero stays.
   */
  public int writeV3Position(
      final int slot, final int tickLower, final int tickUpper, final UInt256 delta) {
    final int s = check(slot, UNISWAP_V3);
    if (s != OK) {
      return s;
    }
    if (tickLower >= tickUpper
        || !validTick(slot, tickLower)
        || !validTick(slot, tickUpper)
        || !fitsInt128(delta)) {
      return INVALID_VALUE;
    }
    final int lowerPos = findTick(slot, tickLower);
    final int upperPos = findTick(slot, tickUpper);
    final UInt256 lower = loadNet(slot, lowerPos, scratchA);
    final UInt256 upper = loadNet(slot, upperPos, scratchB);
    if (!lower.addSigned(lower, delta) || !fitsInt128(lower)) {
      return INVALID_VALUE;
    }
    if (!upper.subSigned(upper, delta) || !fitsInt128(upper)) {
      return INVALID_VALUE;
    }
    // Gross stays in [0, 2^128): a burn of more than a tick holds is impossible on chain.
    final UInt256 lowerGross = loadGross(lowerPos, scratchE);
    final UInt256 upperGross = loadGross(upperPos, scratchF);
    if (!lowerGross.addSigned(lowerGross, delta)
        || lowerGross.isNegative()
        || !lowerGross.fitsBits(128)
        || !upperGross.addSigned(upperGross, delta)
        || upperGross.isNegative()
        || !upperGross.fitsBits(128)) {
      return INVALID_VALUE;
    }
    final boolean inRange = tickLower <= tick[slot] && tick[slot] < tickUpper;
    final UInt256 liq = loadWord(slot, 1, scratchC);
    if (inRange && (!liq.addSigned(liq, delta) || liq.isNegative() || !liq.fitsBits(128))) {
      return INVALID_VALUE;
    }
    // Conservative: the lower end is set first, so count every insertion before any removal.
    final int inserts =
        (lowerPos < 0 && !lowerGross.isZero() ? 1 : 0)
            + (upperPos < 0 && !upperGross.isZero() ? 1 : 0);
    if (tickCount[slot] + inserts > tickCap[slot]) {
      return TICK_CAPACITY;
    }
    final long v = beginWrite(slot);
    setTick(slot, lowerPos, tickLower, lowerGross, lower);
    setTick(slot, findTick(slot, tickUpper), tickUpper, upperGross, upper);
    if (inRange) {
      storeWord(slot, 1, liq);
    }
    endWrite(slot, v);
    return OK;
  }

  /** One balance of a Balancer or Curve pool (base units; nonzero, uint112 for Balancer). */
  public int writeBalance(final int slot, final int token, final UInt256 balance) {
    final int s = checkBalances(slot);
    if (s != OK) {
      return s;
    }
    if (token < 0 || token >= tokenCount[slot]) {
      return BAD_TOKEN_INDEX;
    }
    if (!validBalance(slot, token, balance)) {
      return INVALID_VALUE;
    }
    final long v = beginWrite(slot);
    storeWord(slot, token, balance);
    endWrite(slot, v);
    return OK;
  }

  /** All {@code count} balances of a Balancer or Curve pool in one write. */
  public int writeBalances(final int slot, final UInt256[] balances, final int count) {
    final int s = checkBalances(slot);
    if (s != OK) {
      return s;
    }
    if (count != tokenCount[slot]) {
      return BAD_TOKEN_INDEX;
    }
    for (int i = 0; i < count; i++) {
      if (!validBalance(slot, i, balances[i])) {
        return INVALID_VALUE;
      }
    }
    final long v = beginWrite(slot);
    for (int i = 0; i < count; i++) {
      storeWord(slot, i, balances[i]);
    }
    endWrite(slot, v);
    return OK;
  }

  /**
   * Adds signed deltas ({@code int256}, two's complement in the holders) to all {@code count}
   * balances of a Balancer or Curve pool in one write: what a Balancer Vault {@code Swap} ({@code
   * +amountIn}, {@code −amountOut}) or {@code PoolBalanceChanged} ({@code delta − protocolFee})
   * does to the pool's balances. All or nothing: {@link #INVALID_VALUE} and no change if any new
   * balance would be negative, zero or out of the family's range.
   */
  public int addToBalances(final int slot, final UInt256[] deltas, final int count) {
    final int s = checkBalances(slot);
    if (s != OK) {
      return s;
    }
    if (count != tokenCount[slot]) {
      return BAD_TOKEN_INDEX;
    }
    for (int i = 0; i < count; i++) {
      final UInt256 b = loadWord(slot, i, newBalances[i]);
      // Balances are below 2^255, so as signed numbers they are positive: a signed add that does
      // not overflow and stays non-negative is the exact new balance.
      if (b.isNegative()
          || !b.addSigned(b, deltas[i])
          || b.isNegative()
          || !validBalance(slot, i, b)) {
        return INVALID_VALUE;
      }
    }
    final long v = beginWrite(slot);
    for (int i = 0; i < count; i++) {
      storeWord(slot, i, newBalances[i]);
    }
    endWrite(slot, v);
    return OK;
  }

  /**
   * Marks a pool stale (its feed lost track of it: a gap, a reorg, a quarantine) or fresh again.
   * Readers get {@link #STALE} from {@link #read} and routing skips the pool.
   */
  public int markStale(final int slot, final boolean isStale) {
    if (slot < 0 || slot >= (int) POOL_COUNT.get(this)) {
      return UNKNOWN_SLOT;
    }
    final long v = beginWrite(slot);
    stale[slot] = isStale;
    endWrite(slot, v);
    return OK;
  }

  // ---------------------------------------------------------------- writer helpers

  private int check(final int slot, final int fam) {
    if (slot < 0 || slot >= (int) POOL_COUNT.get(this)) {
      return UNKNOWN_SLOT;
    }
    return family[slot] == fam ? OK : WRONG_FAMILY;
  }

  private int checkBalances(final int slot) {
    if (slot < 0 || slot >= (int) POOL_COUNT.get(this)) {
      return UNKNOWN_SLOT;
    }
    final int f = family[slot];
    return f == BALANCER_WEIGHTED || f == BALANCER_STABLE || f == CURVE ? OK : WRONG_FAMILY;
  }

  private boolean validBalance(final int slot, final int token, final UInt256 b) {
    return switch (family[slot]) {
      case BALANCER_WEIGHTED -> validReserve(b);
      case BALANCER_STABLE -> token == param0[slot] || validReserve(b);
      default -> !b.isZero();
    };
  }

  private static boolean validBalances(final int n, final UInt256[] balances, final int skip) {
    for (int i = 0; i < n; i++) {
      if (i != skip && !validReserve(balances[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean validReserve(final UInt256 r) {
    return !r.isZero() && r.fitsBits(MAX_UINT112_BITS);
  }

  private boolean validV3(final UInt256 sqrtPriceX96, final UInt256 liquidity, final int t) {
    if (!TickMath.isValidSqrtRatio(sqrtPriceX96) || !liquidity.fitsBits(128)) {
      return false;
    }
    if (t < TickMath.MIN_TICK || t > TickMath.MAX_TICK) {
      return false;
    }
    // Fast path (most prices): a floating-point tick that is exact away from tick boundaries; the
    // exact 256-bit algorithm costs several times more and is kept for prices near a boundary.
    final int estimate = TickMath.estimateTickAtSqrtRatio(sqrtPriceX96);
    if (estimate != TickMath.INVALID_TICK) {
      return t == estimate;
    }
    final int expected = tickMath.getTickAtSqrtRatio(sqrtPriceX96);
    if (t == expected) {
      return true;
    }
    // The pool stores T − 1 with the price of T after a downward swap that ended exactly on T.
    return t == expected - 1
        && tickMath.getSqrtRatioAtTick(expected, scratchD)
        && scratchD.eq(sqrtPriceX96);
  }

  private boolean validTick(final int slot, final int t) {
    return t >= TickMath.MIN_TICK && t <= TickMath.MAX_TICK && t % (int) param1[slot] == 0;
  }

  private static boolean fitsInt128(final UInt256 v) {
    final long sign = v.limb(1) >> 63;
    return v.limb(2) == sign && v.limb(3) == sign;
  }

  /** Index of {@code t} in the pool's table, or {@code -(insertion point) - 1}. */
  private int findTick(final int slot, final int t) {
    int lo = tickBase[slot];
    int hi = lo + tickCount[slot] - 1;
    while (lo <= hi) {
      final int mid = (lo + hi) >>> 1;
      final int m = ticks[mid];
      if (m < t) {
        lo = mid + 1;
      } else if (m > t) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  private UInt256 loadNet(final int slot, final int pos, final UInt256 dst) {
    if (pos < 0) {
      return dst.setZero();
    }
    final long hi = netHi[pos];
    final long sign = hi >> 63;
    return dst.setLimbs(netLo[pos], hi, sign, sign);
  }

  private UInt256 loadGross(final int pos, final UInt256 dst) {
    return pos < 0 ? dst.setZero() : dst.setLimbs(grossLo[pos], grossHi[pos], 0, 0);
  }

  /**
   * Inside a write: sets or inserts tick {@code t}'s gross and net, or removes the tick when its
   * gross is zero.
   */
  private void setTick(
      final int slot, final int pos, final int t, final UInt256 gross, final UInt256 net) {
    final int end = tickBase[slot] + tickCount[slot];
    if (pos >= 0) {
      if (gross.isZero()) {
        final int tail = end - pos - 1;
        System.arraycopy(ticks, pos + 1, ticks, pos, tail);
        System.arraycopy(netLo, pos + 1, netLo, pos, tail);
        System.arraycopy(netHi, pos + 1, netHi, pos, tail);
        System.arraycopy(grossLo, pos + 1, grossLo, pos, tail);
        System.arraycopy(grossHi, pos + 1, grossHi, pos, tail);
        tickCount[slot]--;
      } else {
        netLo[pos] = net.limb(0);
        netHi[pos] = net.limb(1);
        grossLo[pos] = gross.limb(0);
        grossHi[pos] = gross.limb(1);
      }
      return;
    }
    if (gross.isZero()) {
      return;
    }
    final int at = -pos - 1;
    final int tail = end - at;
    System.arraycopy(ticks, at, ticks, at + 1, tail);
    System.arraycopy(netLo, at, netLo, at + 1, tail);
    System.arraycopy(netHi, at, netHi, at + 1, tail);
    System.arraycopy(grossLo, at, grossLo, at + 1, tail);
    System.arraycopy(grossHi, at, grossHi, at + 1, tail);
    ticks[at] = t;
    netLo[at] = net.limb(0);
    netHi[at] = net.limb(1);
    grossLo[at] = gross.limb(0);
    grossHi[at] = gross.limb(1);
    tickCount[slot]++;
  }

  private void storeWord(final int slot, final int word, final UInt256 value) {
    final int i = (wordBase[slot] + word) * LIMBS;
    limbs[i] = value.limb(0);
    limbs[i + 1] = value.limb(1);
    limbs[i + 2] = value.limb(2);
    limbs[i + 3] = value.limb(3);
  }

  private UInt256 loadWord(final int slot, final int word, final UInt256 dst) {
    final int i = (wordBase[slot] + word) * LIMBS;
    return dst.setLimbs(limbs[i], limbs[i + 1], limbs[i + 2], limbs[i + 3]);
  }
}
