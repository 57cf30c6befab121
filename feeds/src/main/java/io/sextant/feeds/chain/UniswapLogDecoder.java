package io.sextant.feeds.chain;

import io.sextant.feeds.ring.MarketEvent;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.state.PoolStateStore;
import java.util.List;

/**
 * Decodes Uniswap V2 {@code Sync} and V3 {@code Swap}/{@code Mint}/{@code Burn} logs by hand (hex
 * words straight into {@link UInt256} limbs, no BigInteger, no ABI reflection) into {@link
 * MarketEvent}s. Other events of the followed pools (V2 {@code Swap}/{@code Transfer}, V3 {@code
 * Collect}, ...) carry no state the store holds and are {@link #IGNORED}. Malformed logs (a wrong
 * topic count, short or non-hex data, a value out of its ABI type's range, an event of the other
 * family) and logs of pools not in the {@link PoolDirectory} are counted by reason and never
 * produce an event.
 *
 * <p>One instance per producer thread; {@link #decode} allocates nothing.
 */
public final class UniswapLogDecoder {
  /** keccak256("Sync(uint112,uint112)"). */
  public static final String V2_SYNC_TOPIC =
      "0x1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1";

  /** keccak256("Swap(address,address,int256,int256,uint160,uint128,int24)"). */
  public static final String V3_SWAP_TOPIC =
      "0xc42079f94a6350d7e6235f29174924f928cc2ac818eb64fed8004e115fbcca67";

  /** keccak256("Mint(address,address,int24,int24,uint128,uint256,uint256)"). */
  public static final String V3_MINT_TOPIC =
      "0x7a53080ba414158be7ec69b987b5fb7d07dee101fe85488f0853ae16239d0bde";

  /** keccak256("Burn(address,int24,int24,uint128,uint256,uint256)"). */
  public static final String V3_BURN_TOPIC =
      "0x0c396cd989a39f4459b5fa1aed6a9a8dcdbc45908acfd67e028cd568da98982c";

  /** Result: {@code out} holds an event to publish. */
  public static final int OK = 0;

  /** Result: a well-formed log of an event that changes nothing we hold. */
  public static final int IGNORED = 1;

  /** Result: the log's address is not a followed pool. */
  public static final int UNKNOWN_POOL = 2;

  /** Result: wrong number of topics for the event (or no topic0). */
  public static final int BAD_TOPICS = 3;

  /** Result: data of the wrong length, not hex, or a value outside its ABI type. */
  public static final int BAD_DATA = 4;

  /** Result: an event of one family emitted by a pool of the other. */
  public static final int WRONG_FAMILY = 5;

  private static final int RESULTS = 6;

  private final PoolDirectory pools;
  private final long[] counts = new long[RESULTS];
  private final boolean[] ok = new boolean[1];
  private final UInt256 topic0 = new UInt256();
  private final UInt256 w = new UInt256();
  private final UInt256 sync = parse(V2_SYNC_TOPIC);
  private final UInt256 swap = parse(V3_SWAP_TOPIC);
  private final UInt256 mint = parse(V3_MINT_TOPIC);
  private final UInt256 burn = parse(V3_BURN_TOPIC);

  /** A decoder of the logs of {@code pools}. */
  public UniswapLogDecoder(final PoolDirectory pools) {
    this.pools = pools;
  }

  private static UInt256 parse(final String hex) {
    final UInt256 v = new UInt256();
    if (!v.parseHex(hex)) {
      throw new ExceptionInInitializerError("bad topic constant " + hex);
    }
    return v;
  }

  /**
   * Decodes one log at chain position ({@code block}, {@code logIndex}) into {@code out} and counts
   * the result: {@link #OK} (publish {@code out}), {@link #IGNORED}, or a rejection reason ({@code
   * out} is then garbage).
   */
  public int decode(
      final CharSequence address,
      final List<String> topics,
      final CharSequence data,
      final long block,
      final int logIndex,
      final MarketEvent out) {
    final int r = decode0(address, topics, data, block, logIndex, out);
    counts[r]++;
    return r;
  }

  private int decode0(
      final CharSequence address,
      final List<String> topics,
      final CharSequence data,
      final long block,
      final int logIndex,
      final MarketEvent out) {
    final int entry = pools.lookup(address);
    if (entry < 0) {
      return UNKNOWN_POOL;
    }
    if (topics == null || topics.isEmpty() || !Hex.topic(topics.get(0), topic0, ok)) {
      return BAD_TOPICS;
    }
    if (data == null) {
      return BAD_DATA;
    }
    final int slot = pools.slot(entry);
    final int family = pools.family(entry);
    final int nTopics = topics.size();
    final int nWords = Hex.words(data);
    if (topic0.eq(sync)) {
      if (family != PoolStateStore.UNISWAP_V2) {
        return WRONG_FAMILY;
      }
      if (nTopics != 1) {
        return BAD_TOPICS;
      }
      if (nWords != 2
          || !Hex.word(data, 0, out.a, ok)
          || !Hex.word(data, 1, out.b, ok)
          || !out.a.fitsBits(112)
          || !out.b.fitsBits(112)) {
        return BAD_DATA;
      }
      out.header(MarketEvent.V2_SYNC, slot, block, logIndex);
      return OK;
    }
    final boolean isSwap = topic0.eq(swap);
    final boolean isMint = !isSwap && topic0.eq(mint);
    final boolean isBurn = !isSwap && !isMint && topic0.eq(burn);
    if (!isSwap && !isMint && !isBurn) {
      return IGNORED;
    }
    if (family != PoolStateStore.UNISWAP_V3) {
      return WRONG_FAMILY;
    }
    if (isSwap) {
      // Swap(sender indexed, recipient indexed, amount0, amount1, sqrtPriceX96, liquidity, tick)
      if (nTopics != 3) {
        return BAD_TOPICS;
      }
      if (nWords != 5
          || !Hex.word(data, 4, w, ok)
          || !isInt24(w)
          || !Hex.word(data, 2, out.a, ok)
          || !Hex.word(data, 3, out.b, ok)
          || !out.a.fitsBits(160)
          || !out.b.fitsBits(128)
          || !Hex.word(data, 0, w, ok) // amounts: only checked to be hex
          || !Hex.word(data, 1, w, ok)
          || !Hex.word(data, 4, w, ok)) {
        return BAD_DATA;
      }
      out.header(MarketEvent.V3_SWAP, slot, block, logIndex);
      out.tick = (int) w.limb(0);
      return OK;
    }
    // Mint(sender, owner indexed, tickLower indexed, tickUpper indexed, amount, amount0, amount1)
    // Burn(owner indexed, tickLower indexed, tickUpper indexed, amount, amount0, amount1)
    if (nTopics != 4) {
      return BAD_TOPICS;
    }
    if (!Hex.topic(topics.get(2), w, ok) || !isInt24(w)) {
      return BAD_TOPICS;
    }
    final int lower = (int) w.limb(0);
    if (!Hex.topic(topics.get(3), w, ok) || !isInt24(w)) {
      return BAD_TOPICS;
    }
    final int upper = (int) w.limb(0);
    final int amountWord = isMint ? 1 : 0;
    if (nWords != (isMint ? 4 : 3) || !Hex.word(data, amountWord, out.a, ok)) {
      return BAD_DATA;
    }
    for (int i = 0; i < nWords; i++) {
      if (!Hex.word(data, i, w, ok)) {
        return BAD_DATA;
      }
    }
    if (!out.a.fitsBits(128)) {
      return BAD_DATA;
    }
    if (isBurn) {
      out.a.negate(out.a);
    }
    out.header(MarketEvent.V3_POSITION, slot, block, logIndex);
    out.tickLower = lower;
    out.tickUpper = upper;
    return OK;
  }

  /** True if the word is an int24 sign-extended to 256 bits. */
  static boolean isInt24(final UInt256 v) {
    final long l0 = v.limb(0);
    if (v.limb(1) == 0 && v.limb(2) == 0 && v.limb(3) == 0) {
      return l0 >= 0 && l0 < (1L << 23);
    }
    return v.limb(1) == -1 && v.limb(2) == -1 && v.limb(3) == -1 && l0 < 0 && l0 >= -(1L << 23);
  }

  /** How many logs had result {@code result} ({@link #OK}, {@link #BAD_DATA}, ...). */
  public long count(final int result) {
    return counts[result];
  }

  /** Logs rejected as malformed or foreign (every result but OK and IGNORED). */
  public long rejected() {
    return counts[UNKNOWN_POOL] + counts[BAD_TOPICS] + counts[BAD_DATA] + counts[WRONG_FAMILY];
  }

  /** The counters as one line, for logs and reports. */
  public String report() {
    return "decoded "
        + counts[OK]
        + ", ignored "
        + counts[IGNORED]
        + ", unknown pool "
        + counts[UNKNOWN_POOL]
        + ", bad topics "
        + counts[BAD_TOPICS]
        + ", bad data "
        + counts[BAD_DATA]
        + ", wrong family "
        + counts[WRONG_FAMILY];
  }
}
