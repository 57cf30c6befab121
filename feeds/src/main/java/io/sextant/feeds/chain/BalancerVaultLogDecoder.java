package io.sextant.feeds.chain;

import io.sextant.feeds.ring.MarketEvent;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.state.PoolStateStore;
import java.util.List;
import org.web3j.crypto.Hash;

/**
 * Decodes the Balancer V2 Vault's balance-changing logs by hand (hex words straight into {@link
 * UInt256} limbs, no ABI reflection) into {@link MarketEvent#BALANCE_DELTAS} events for the pools
 * it knows: {@code Swap} ({@code +amountIn} on tokenIn, {@code −amountOut} on tokenOut), {@code
 * PoolBalanceChanged} (joins and exits: {@code delta − protocolFeeAmount} per token, tokens in the
 * pool's registered order) and {@code PoolBalanceManaged} (asset managers: {@code cashDelta +
 * managedDelta}). These are exactly the changes the Vault makes to a pool's total balances, so
 * following them needs no {@code eth_call}. Other Vault logs are {@link #IGNORED}; logs of pools
 * not registered here are {@link #OTHER_POOL}; malformed logs are counted by reason and never
 * produce an event.
 *
 * <p>One instance per feed thread; {@link #decode} allocates nothing. Pools are registered on the
 * cold path with {@link #addPool}.
 */
public final class BalancerVaultLogDecoder {
  /** keccak256("Swap(bytes32,address,address,uint256,uint256)"). */
  public static final String SWAP_TOPIC =
      Hash.sha3String("Swap(bytes32,address,address,uint256,uint256)");

  /** keccak256("PoolBalanceChanged(bytes32,address,address[],int256[],uint256[])"). */
  public static final String POOL_BALANCE_CHANGED_TOPIC =
      Hash.sha3String("PoolBalanceChanged(bytes32,address,address[],int256[],uint256[])");

  /** keccak256("PoolBalanceManaged(bytes32,address,address,int256,int256)"). */
  public static final String POOL_BALANCE_MANAGED_TOPIC =
      Hash.sha3String("PoolBalanceManaged(bytes32,address,address,int256,int256)");

  /** Result: {@code out} holds an event to publish. */
  public static final int OK = 0;

  /** Result: a well-formed Vault log that changes no balance. */
  public static final int IGNORED = 1;

  /**
   * Result: a well-formed log of a pool not followed here (the Vault is shared by every Balancer
   * pool, so these are expected; counted, not rejected).
   */
  public static final int OTHER_POOL = 2;

  /** Result: wrong topic count, or a topic that is not the type it should be. */
  public static final int BAD_TOPICS = 3;

  /** Result: data of the wrong length or layout, not hex, or a value outside its range. */
  public static final int BAD_DATA = 4;

  /** Result: a token the pool does not hold, or the pool's tokens in another order. */
  public static final int UNKNOWN_TOKEN = 5;

  private static final int RESULTS = 6;
  private static final int BALANCE_BITS = 112;

  private final long[] counts = new long[RESULTS];
  private final boolean[] ok = new boolean[1];
  private final UInt256 topic0 = new UInt256();
  private final UInt256 id = new UInt256();
  private final UInt256 w = new UInt256();
  private final UInt256 v = new UInt256();
  private final UInt256 swap = parse(SWAP_TOPIC);
  private final UInt256 changed = parse(POOL_BALANCE_CHANGED_TOPIC);
  private final UInt256 managed = parse(POOL_BALANCE_MANAGED_TOPIC);

  // Pool table: open addressing on the 32-byte pool id.
  private final UInt256[] ids;
  private final int[] slot;
  private final int[] tokenCount;
  private final UInt256[] tokens; // entry * MAX_TOKENS + i: the token address as a word
  private final int mask;
  private int size;

  /** A decoder with room for {@code capacity} pools. */
  public BalancerVaultLogDecoder(final int capacity) {
    int n = 16;
    while (n < capacity * 2) {
      n <<= 1;
    }
    ids = new UInt256[n];
    slot = new int[n];
    tokenCount = new int[n];
    tokens = new UInt256[n * PoolStateStore.MAX_TOKENS];
    java.util.Arrays.fill(slot, -1);
    mask = n - 1;
  }

  private static UInt256 parse(final String hex) {
    final UInt256 x = new UInt256();
    if (!x.parseHex(hex)) {
      throw new ExceptionInInitializerError("bad topic constant " + hex);
    }
    return x;
  }

  /**
   * Registers a pool (cold path): its 32-byte id, store slot and registered tokens in the Vault's
   * order ({@code getPoolTokens}). Throws on a malformed id or token, a duplicate, a full table.
   */
  public void addPool(final String poolId, final int storeSlot, final List<String> poolTokens) {
    final UInt256 key = new UInt256();
    if (!Hex.topic(poolId, key, ok)) {
      throw new IllegalArgumentException("not a pool id: " + poolId);
    }
    if (poolTokens.size() < 2 || poolTokens.size() > PoolStateStore.MAX_TOKENS) {
      throw new IllegalArgumentException("pool " + poolId + ": " + poolTokens.size() + " tokens");
    }
    if (find(key) >= 0) {
      throw new IllegalArgumentException("pool id listed twice: " + poolId);
    }
    if ((size + 1) * 2 > ids.length) {
      throw new IllegalStateException("Balancer pool table full");
    }
    int i = hash(key);
    while (slot[i] >= 0) {
      i = (i + 1) & mask;
    }
    ids[i] = key;
    slot[i] = storeSlot;
    tokenCount[i] = poolTokens.size();
    final long[] a = new long[3];
    for (int t = 0; t < poolTokens.size(); t++) {
      if (!Hex.address(poolTokens.get(t), a, ok)) {
        throw new IllegalArgumentException(
            "pool " + poolId + ": not a token: " + poolTokens.get(t));
      }
      tokens[i * PoolStateStore.MAX_TOKENS + t] = new UInt256().setLimbs(a[2], a[1], a[0], 0);
    }
    size++;
  }

  private int hash(final UInt256 key) {
    long h = key.limb(0) * 0x9E3779B97F4A7C15L ^ key.limb(2) * 0xC2B2AE3D27D4EB4FL ^ key.limb(3);
    h ^= h >>> 29;
    return (int) h & mask;
  }

  private int find(final UInt256 key) {
    int i = hash(key);
    while (slot[i] >= 0) {
      if (ids[i].eq(key)) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** Index of the token word {@code t} in pool entry {@code e}, or -1. */
  private int tokenIndex(final int e, final UInt256 t) {
    final int base = e * PoolStateStore.MAX_TOKENS;
    for (int i = 0; i < tokenCount[e]; i++) {
      if (tokens[base + i].eq(t)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Decodes one Vault log at chain position ({@code block}, {@code logIndex}) into {@code out} and
   * counts the result: {@link #OK} (publish {@code out}), {@link #IGNORED}, or a rejection reason
   * ({@code out} is then garbage). The caller has checked that the log comes from the Vault.
   */
  public int decode(
      final List<String> topics,
      final CharSequence data,
      final long block,
      final int logIndex,
      final MarketEvent out) {
    final int r = decode0(topics, data, block, logIndex, out);
    counts[r]++;
    return r;
  }

  private int decode0(
      final List<String> topics,
      final CharSequence data,
      final long block,
      final int logIndex,
      final MarketEvent out) {
    if (topics == null || topics.isEmpty() || !Hex.topic(topics.get(0), topic0, ok)) {
      return BAD_TOPICS;
    }
    final boolean isSwap = topic0.eq(swap);
    final boolean isChanged = !isSwap && topic0.eq(changed);
    final boolean isManaged = !isSwap && !isChanged && topic0.eq(managed);
    if (!isSwap && !isChanged && !isManaged) {
      return IGNORED;
    }
    final int nTopics = topics.size();
    if (nTopics != (isChanged ? 3 : 4) || !Hex.topic(topics.get(1), id, ok)) {
      return BAD_TOPICS;
    }
    final int e = find(id);
    if (e < 0) {
      return OTHER_POOL;
    }
    if (data == null) {
      return BAD_DATA;
    }
    final int n = tokenCount[e];
    out.header(MarketEvent.BALANCE_DELTAS, slot[e], block, logIndex);
    out.count = n;
    for (int i = 0; i < n; i++) {
      out.values[i].setZero();
    }
    final int nWords = Hex.words(data);
    if (isSwap) {
      // Swap(poolId indexed, tokenIn indexed, tokenOut indexed, amountIn, amountOut)
      if (!Hex.topic(topics.get(2), w, ok) || !w.fitsBits(160)) {
        return BAD_TOPICS;
      }
      final int in = tokenIndex(e, w);
      if (!Hex.topic(topics.get(3), w, ok) || !w.fitsBits(160)) {
        return BAD_TOPICS;
      }
      final int outToken = tokenIndex(e, w);
      if (in < 0 || outToken < 0 || in == outToken) {
        return UNKNOWN_TOKEN;
      }
      if (nWords != 2
          || !Hex.word(data, 0, out.values[in], ok)
          || !Hex.word(data, 1, w, ok)
          || !out.values[in].fitsBits(BALANCE_BITS)
          || !w.fitsBits(BALANCE_BITS)) {
        return BAD_DATA;
      }
      out.values[outToken].negate(w);
      return OK;
    }
    if (isManaged) {
      // PoolBalanceManaged(poolId indexed, assetManager indexed, token indexed, cashDelta,
      // managedDelta)
      if (!Hex.topic(topics.get(3), w, ok) || !w.fitsBits(160)) {
        return BAD_TOPICS;
      }
      final int t = tokenIndex(e, w);
      if (t < 0) {
        return UNKNOWN_TOKEN;
      }
      if (nWords != 2
          || !Hex.word(data, 0, out.values[t], ok)
          || !Hex.word(data, 1, w, ok)
          || !fitsSigned(out.values[t])
          || !fitsSigned(w)
          || !out.values[t].addSigned(out.values[t], w)) {
        return BAD_DATA;
      }
      return OK;
    }
    // PoolBalanceChanged(poolId indexed, liquidityProvider indexed, address[] tokens, int256[]
    // deltas, uint256[] protocolFeeAmounts): three offsets, then the three arrays.
    if (nWords != 3 + 3 * (1 + n)) {
      return BAD_DATA;
    }
    final int tokensAt = array(data, 0, n, nWords);
    final int deltasAt = array(data, 1, n, nWords);
    final int feesAt = array(data, 2, n, nWords);
    if (tokensAt < 0 || deltasAt < 0 || feesAt < 0) {
      return BAD_DATA;
    }
    for (int i = 0; i < n; i++) {
      if (!Hex.word(data, tokensAt + i, w, ok) || !w.fitsBits(160)) {
        return BAD_DATA;
      }
      if (tokenIndex(e, w) != i) {
        return UNKNOWN_TOKEN;
      }
      if (!Hex.word(data, deltasAt + i, out.values[i], ok)
          || !Hex.word(data, feesAt + i, w, ok)
          || !fitsSigned(out.values[i])
          || !w.fitsBits(BALANCE_BITS)) {
        return BAD_DATA;
      }
      v.negate(w);
      if (!out.values[i].addSigned(out.values[i], v)) {
        return BAD_DATA;
      }
    }
    return OK;
  }

  /**
   * Word index of the first element of the dynamic array whose offset is head word {@code head}, or
   * -1 unless the offset is word-aligned, inside the data and the array has length {@code n}.
   */
  private int array(final CharSequence data, final int head, final int n, final int nWords) {
    if (!Hex.word(data, head, w, ok) || !w.fitsBits(31)) {
      return -1;
    }
    final long offset = w.low64();
    if (offset % 32 != 0) {
      return -1;
    }
    final int at = (int) (offset / 32);
    if (at < 3 || at + 1 + n > nWords) {
      return -1;
    }
    if (!Hex.word(data, at, w, ok) || w.compareToUnsignedLong(n) != 0) {
      return -1;
    }
    return at + 1;
  }

  /** An int256 whose magnitude a balance could absorb (below 2^112 either way). */
  private static boolean fitsSigned(final UInt256 x) {
    final long sign = x.limb(3) >> 63;
    return x.limb(2) == sign && x.limb(3) == sign && (x.limb(1) >> 47) == sign;
  }

  /** How many logs had result {@code result}. */
  public long count(final int result) {
    return counts[result];
  }

  /** Logs rejected as malformed (every result but OK, IGNORED and OTHER_POOL). */
  public long rejected() {
    return counts[BAD_TOPICS] + counts[BAD_DATA] + counts[UNKNOWN_TOKEN];
  }

  /** The counters as one line. */
  public String report() {
    return "decoded "
        + counts[OK]
        + ", ignored "
        + counts[IGNORED]
        + ", other pools "
        + counts[OTHER_POOL]
        + ", bad topics "
        + counts[BAD_TOPICS]
        + ", bad data "
        + counts[BAD_DATA]
        + ", unknown token "
        + counts[UNKNOWN_TOKEN];
  }
}
