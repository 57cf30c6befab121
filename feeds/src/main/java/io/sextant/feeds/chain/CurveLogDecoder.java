package io.sextant.feeds.chain;

import io.sextant.feeds.ring.MarketEvent;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.state.PoolStateStore;
import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.Hash;

/**
 * Recognises and checks, by hand, the logs of followed Curve StableSwap pools that change their
 * balances: {@code TokenExchange}, {@code TokenExchangeUnderlying}, {@code AddLiquidity}, {@code
 * RemoveLiquidity}, {@code RemoveLiquidityImbalance} (for 2..8 coins, whose signatures name the
 * coin count) and the three {@code RemoveLiquidityOne} layouts. None of them carries the new
 * balances (an exchange also moves an admin fee the log does not show), so a well-formed one
 * returns {@link #REREAD}: the feed reads the pool's {@code balances(i)} by {@code eth_call} at the
 * end of the block and publishes them once. Other logs are {@link #IGNORED}; malformed ones (wrong
 * topic count, a layout for another coin count, coin ids out of range, non-hex data) are counted by
 * reason and trigger nothing.
 *
 * <p>Limits: pools with dynamic-array events (Curve NG) are not recognised; amplification ramps and
 * fee changes ({@code RampA}, {@code NewFee}) are ignored — the store keeps the parameters read at
 * start.
 *
 * <p>One instance per feed thread; {@link #decode} allocates nothing.
 */
public final class CurveLogDecoder {
  /** Result: a balance-changing log; {@code out.pool}, {@code block}, {@code logIndex} are set. */
  public static final int REREAD = 0;

  /** Result: a well-formed log that changes no balance. */
  public static final int IGNORED = 1;

  /** Result: wrong topic count. */
  public static final int BAD_TOPICS = 2;

  /** Result: data of the wrong length for the event and the pool's coin count, or not hex. */
  public static final int BAD_DATA = 3;

  /** Result: a coin index outside the pool. */
  public static final int BAD_COIN = 4;

  private static final int RESULTS = 5;
  private static final int EXCHANGE = 1;
  private static final int EXCHANGE_UNDERLYING = 2;
  private static final int LIQUIDITY = 3;

  /** keccak256("TokenExchange(address,int128,uint256,int128,uint256)"). */
  public static final String TOKEN_EXCHANGE_TOPIC =
      Hash.sha3String("TokenExchange(address,int128,uint256,int128,uint256)");

  private final UInt256[] topics;
  private final int[] kind;
  private final int[] words;
  private final int[] coins; // 0: any coin count
  private final long[] counts = new long[RESULTS];
  private final boolean[] ok = new boolean[1];
  private final UInt256 topic0 = new UInt256();
  private final UInt256 w = new UInt256();

  /** A decoder (the event table is built once, on the cold path). */
  public CurveLogDecoder() {
    final List<Object[]> t = new ArrayList<>();
    t.add(new Object[] {"TokenExchange(address,int128,uint256,int128,uint256)", EXCHANGE, 4, 0});
    t.add(
        new Object[] {
          "TokenExchangeUnderlying(address,int128,uint256,int128,uint256)",
          EXCHANGE_UNDERLYING,
          4,
          0
        });
    t.add(new Object[] {"RemoveLiquidityOne(address,uint256,uint256)", LIQUIDITY, 2, 0});
    t.add(new Object[] {"RemoveLiquidityOne(address,uint256,uint256,uint256)", LIQUIDITY, 3, 0});
    t.add(
        new Object[] {
          "RemoveLiquidityOne(address,int128,uint256,uint256,uint256)", LIQUIDITY, 4, 0
        });
    for (int n = 2; n <= PoolStateStore.MAX_TOKENS; n++) {
      final String a = "uint256[" + n + "]";
      t.add(
          new Object[] {
            "AddLiquidity(address," + a + "," + a + ",uint256,uint256)", LIQUIDITY, 2 * n + 2, n
          });
      t.add(
          new Object[] {
            "RemoveLiquidity(address," + a + "," + a + ",uint256)", LIQUIDITY, 2 * n + 1, n
          });
      t.add(
          new Object[] {
            "RemoveLiquidityImbalance(address," + a + "," + a + ",uint256,uint256)",
            LIQUIDITY,
            2 * n + 2,
            n
          });
    }
    topics = new UInt256[t.size()];
    kind = new int[t.size()];
    words = new int[t.size()];
    coins = new int[t.size()];
    for (int i = 0; i < t.size(); i++) {
      topics[i] = new UInt256();
      if (!topics[i].parseHex(Hash.sha3String((String) t.get(i)[0]))) {
        throw new IllegalStateException("topic of " + t.get(i)[0]);
      }
      kind[i] = (Integer) t.get(i)[1];
      words[i] = (Integer) t.get(i)[2];
      coins[i] = (Integer) t.get(i)[3];
    }
  }

  /**
   * Checks one log of the Curve pool in store slot {@code slot} with {@code n} coins at chain
   * position ({@code block}, {@code logIndex}) and counts the result; on {@link #REREAD} {@code
   * out}'s header names the pool and position (kind {@link MarketEvent#NONE}: not publishable).
   */
  public int decode(
      final int slot,
      final int n,
      final List<String> logTopics,
      final CharSequence data,
      final long block,
      final int logIndex,
      final MarketEvent out) {
    final int r = decode0(n, logTopics, data);
    counts[r]++;
    if (r == REREAD) {
      out.header(MarketEvent.NONE, slot, block, logIndex);
    }
    return r;
  }

  private int decode0(final int n, final List<String> logTopics, final CharSequence data) {
    if (logTopics == null || logTopics.isEmpty() || !Hex.topic(logTopics.get(0), topic0, ok)) {
      return BAD_TOPICS;
    }
    int e = -1;
    for (int i = 0; i < topics.length; i++) {
      if (topics[i].eq(topic0)) {
        e = i;
        break;
      }
    }
    if (e < 0) {
      return IGNORED;
    }
    // Every followed event has exactly one indexed parameter: the buyer or provider.
    if (logTopics.size() != 2 || !Hex.topic(logTopics.get(1), w, ok) || !w.fitsBits(160)) {
      return BAD_TOPICS;
    }
    if (data == null || Hex.words(data) != words[e] || (coins[e] != 0 && coins[e] != n)) {
      return BAD_DATA;
    }
    for (int i = 0; i < words[e]; i++) {
      if (!Hex.word(data, i, w, ok)) {
        return BAD_DATA;
      }
      if ((kind[e] == EXCHANGE || kind[e] == EXCHANGE_UNDERLYING) && (i == 0 || i == 2)) {
        // sold_id, bought_id: int128 coin indices (underlying: of the base pool too, < 8).
        final int limit = kind[e] == EXCHANGE ? n : PoolStateStore.MAX_TOKENS;
        if (w.compareToUnsignedLong(limit) >= 0) {
          return BAD_COIN;
        }
      }
    }
    return REREAD;
  }

  /** How many logs had result {@code result}. */
  public long count(final int result) {
    return counts[result];
  }

  /** Malformed logs rejected. */
  public long rejected() {
    return counts[BAD_TOPICS] + counts[BAD_DATA] + counts[BAD_COIN];
  }

  /** The counters as one line. */
  public String report() {
    return "re-read "
        + counts[REREAD]
        + ", ignored "
        + counts[IGNORED]
        + ", bad topics "
        + counts[BAD_TOPICS]
        + ", bad data "
        + counts[BAD_DATA]
        + ", bad coin "
        + counts[BAD_COIN];
  }
}
