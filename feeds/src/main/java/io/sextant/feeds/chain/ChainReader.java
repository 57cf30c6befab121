package io.sextant.feeds.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * Reads pool state by {@code eth_call} at a pinned block number (cold path: initial load and
 * resynchronisation after a reorg or a gap). A V3 pool's ticks are found through its {@code
 * tickBitmap} over the whole usable tick range, then read with {@code ticks(int24)}, each step in
 * one JSON-RPC batch.
 */
public final class ChainReader {
  static final String GET_RESERVES = selector("getReserves()");
  static final String SLOT0 = selector("slot0()");
  static final String LIQUIDITY = selector("liquidity()");
  static final String TICK_SPACING = selector("tickSpacing()");
  static final String FEE = selector("fee()");
  static final String TOKEN0 = selector("token0()");
  static final String TOKEN1 = selector("token1()");
  static final String TICK_BITMAP = selector("tickBitmap(int16)");
  static final String TICKS = selector("ticks(int24)");

  /** TickMath.MIN_TICK. */
  public static final int MIN_TICK = -887_272;

  /** TickMath.MAX_TICK. */
  public static final int MAX_TICK = 887_272;

  private static final int BATCH = 512;

  private final Web3j web3;

  /** A reader over {@code web3} (an HTTP or WebSocket client). */
  public ChainReader(final Web3j web3) {
    this.web3 = web3;
  }

  private static String selector(final String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }

  /** A signed value as one ABI word (64 hex digits, two's complement). */
  static String word(final long value) {
    final String hex = Long.toHexString(value);
    final char pad = value < 0 ? 'f' : '0';
    return String.valueOf(pad).repeat(64 - hex.length()) + hex;
  }

  /** A V2 pair's reserves at {@code block}. */
  public BigInteger[] v2Reserves(final String pair, final long block) throws IOException {
    final byte[] out = call(pair, GET_RESERVES, block);
    return new BigInteger[] {uword(out, 0), uword(out, 1)};
  }

  /** Static facts of a V3 pool: {fee pips, tick spacing}. */
  public int[] v3Params(final String pool, final long block) throws IOException {
    return new int[] {
      uword(call(pool, FEE, block), 0).intValueExact(),
      sword(call(pool, TICK_SPACING, block), 0).intValueExact()
    };
  }

  /** {token0, token1} of a pair or pool (lowercase hex). */
  public String[] tokens(final String pool, final long block) throws IOException {
    return new String[] {address(call(pool, TOKEN0, block)), address(call(pool, TOKEN1, block))};
  }

  /** A V3 pool's price, tick, in-range liquidity and every initialised tick's liquidityNet. */
  public V3State v3State(final String pool, final int tickSpacing, final long block)
      throws IOException {
    final byte[] slot0 = call(pool, SLOT0, block);
    final byte[] liquidity = call(pool, LIQUIDITY, block);
    final int minWord = Math.floorDiv(Math.floorDiv(MIN_TICK, tickSpacing), 256);
    final int maxWord = Math.floorDiv(Math.floorDiv(MAX_TICK, tickSpacing), 256);
    final List<String> wordCalls = new ArrayList<>();
    for (int w = minWord; w <= maxWord; w++) {
      wordCalls.add(TICK_BITMAP + word(w));
    }
    final List<byte[]> bitmaps = batch(pool, wordCalls, block);
    final List<Integer> ticks = new ArrayList<>();
    for (int i = 0; i < bitmaps.size(); i++) {
      BigInteger bm = uword(bitmaps.get(i), 0);
      while (bm.signum() != 0) {
        final int bit = bm.getLowestSetBit();
        ticks.add(((minWord + i) * 256 + bit) * tickSpacing);
        bm = bm.clearBit(bit);
      }
    }
    final List<String> tickCalls = new ArrayList<>();
    for (final int t : ticks) {
      tickCalls.add(TICKS + word(t));
    }
    final List<byte[]> tickOut = batch(pool, tickCalls, block);
    final TreeMap<Integer, BigInteger> nets = new TreeMap<>();
    final TreeMap<Integer, BigInteger> gross = new TreeMap<>();
    for (int i = 0; i < ticks.size(); i++) {
      gross.put(ticks.get(i), uword(tickOut.get(i), 0));
      nets.put(ticks.get(i), sword(tickOut.get(i), 1));
    }
    return new V3State(
        uword(slot0, 0), sword(slot0, 1).intValueExact(), uword(liquidity, 0), nets, gross);
  }

  /** A no-argument view returning one uint256 (fee(), A(), decimals(), ...). */
  public BigInteger uint(final String to, final String signature, final long block)
      throws IOException {
    return uword(call(to, selector(signature), block), 0);
  }

  /** A view taking one uint256 argument and returning one uint256 ({@code balances(i)}). */
  public BigInteger uintAt(
      final String to, final String signature, final long index, final long block)
      throws IOException {
    return uword(call(to, selector(signature) + word(index), block), 0);
  }

  /** A view taking one uint256 argument and returning an address ({@code coins(i)}). */
  public String addressAt(
      final String to, final String signature, final long index, final long block)
      throws IOException {
    return address(call(to, selector(signature) + word(index), block));
  }

  /** A no-argument view returning a bytes32 ({@code getPoolId()}), as 0x + 64 hex digits. */
  public String bytes32(final String to, final String signature, final long block)
      throws IOException {
    return Numeric.toHexString(slice(call(to, selector(signature), block), 0));
  }

  /** A no-argument view returning one {@code uint256[]} ({@code getNormalizedWeights()}). */
  public BigInteger[] uintArray(final String to, final String signature, final long block)
      throws IOException {
    final byte[] out = call(to, selector(signature), block);
    return uintArrayAt(out, 0, to);
  }

  /** A Balancer pool's registered tokens and their total balances in the Vault. */
  public record PoolTokens(List<String> tokens, BigInteger[] balances) {}

  /** {@code Vault.getPoolTokens(poolId)} at {@code block}. */
  public PoolTokens poolTokens(final String vault, final String poolId, final long block)
      throws IOException {
    final String id = Numeric.cleanHexPrefix(poolId);
    if (id.length() != 64) {
      throw new IOException("pool id " + poolId + " is not 32 bytes");
    }
    final byte[] out = call(vault, selector("getPoolTokens(bytes32)") + id, block);
    final BigInteger[] rawTokens = uintArrayAt(out, 0, vault);
    final BigInteger[] balances = uintArrayAt(out, 1, vault);
    if (rawTokens.length != balances.length) {
      throw new IOException("getPoolTokens(" + poolId + "): tokens and balances differ in length");
    }
    final List<String> tokens = new ArrayList<>();
    for (final BigInteger t : rawTokens) {
      if (t.bitLength() > 160) {
        throw new IOException("getPoolTokens(" + poolId + "): not an address: " + t);
      }
      tokens.add(Numeric.toHexStringWithPrefixZeroPadded(t, 40));
    }
    return new PoolTokens(tokens, balances);
  }

  /** The dynamic uint256 array whose offset is head word {@code head} of an ABI result. */
  private static BigInteger[] uintArrayAt(final byte[] out, final int head, final String to)
      throws IOException {
    final BigInteger offset = uword(out, head);
    if (offset.signum() < 0 || offset.bitLength() > 31 || offset.intValue() % 32 != 0) {
      throw new IOException("eth_call to " + to + ": bad array offset " + offset);
    }
    final int at = offset.intValue() / 32;
    final BigInteger length = uword(out, at);
    if (length.bitLength() > 16 || 32L * (at + 1 + length.intValue()) > out.length) {
      throw new IOException("eth_call to " + to + ": bad array length " + length);
    }
    final BigInteger[] values = new BigInteger[length.intValue()];
    for (int i = 0; i < values.length; i++) {
      values[i] = uword(out, at + 1 + i);
    }
    return values;
  }

  /**
   * A V3 pool's swap-relevant state.
   *
   * @param liquidityNet every initialised tick's liquidityNet (possibly zero), ascending
   * @param liquidityGross every initialised tick's liquidityGross (non-zero), same keys
   */
  public record V3State(
      BigInteger sqrtPriceX96,
      int tick,
      BigInteger liquidity,
      TreeMap<Integer, BigInteger> liquidityNet,
      TreeMap<Integer, BigInteger> liquidityGross) {}

  private Request<?, EthCall> request(final String to, final String data, final long block) {
    return web3.ethCall(
        Transaction.createEthCallTransaction(null, to, data),
        DefaultBlockParameter.valueOf(BigInteger.valueOf(block)));
  }

  private byte[] call(final String to, final String data, final long block) throws IOException {
    return result(request(to, data, block).send(), to);
  }

  private List<byte[]> batch(final String to, final List<String> data, final long block)
      throws IOException {
    final List<byte[]> out = new ArrayList<>(data.size());
    for (int from = 0; from < data.size(); from += BATCH) {
      final BatchRequest batch = web3.newBatch();
      final int until = Math.min(data.size(), from + BATCH);
      for (int i = from; i < until; i++) {
        batch.add(request(to, data.get(i), block));
      }
      final BatchResponse response = batch.send();
      final List<? extends Response<?>> responses = response.getResponses();
      if (responses.size() != until - from) {
        throw new IOException("batch of " + (until - from) + " got " + responses.size());
      }
      // Responses may come in any order: match them by id.
      final byte[][] ordered = new byte[until - from][];
      final long firstId = batch.getRequests().get(0).getId();
      for (final Response<?> r : responses) {
        final int i = (int) (r.getId() - firstId);
        if (i < 0 || i >= ordered.length || !(r instanceof EthCall c)) {
          throw new IOException("unexpected batch response id " + r.getId());
        }
        ordered[i] = result(c, to);
      }
      for (final byte[] b : ordered) {
        out.add(b);
      }
    }
    return out;
  }

  private static byte[] result(final EthCall c, final String to) throws IOException {
    if (c.hasError()) {
      throw new CallFailedException("eth_call to " + to + " failed: " + c.getError().getMessage());
    }
    final byte[] out = Numeric.hexStringToByteArray(c.getValue());
    if (out.length < 32) {
      throw new IOException("eth_call to " + to + " returned " + out.length + " bytes");
    }
    return out;
  }

  /**
   * The node answered an {@code eth_call} with an error (e.g. the state of an old block is pruned),
   * as opposed to not answering at all.
   */
  public static final class CallFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    CallFailedException(final String message) {
      super(message);
    }
  }

  private static BigInteger uword(final byte[] out, final int i) throws IOException {
    return new BigInteger(1, slice(out, i));
  }

  private static BigInteger sword(final byte[] out, final int i) throws IOException {
    return new BigInteger(slice(out, i));
  }

  private static String address(final byte[] out) throws IOException {
    return Numeric.toHexString(java.util.Arrays.copyOfRange(slice(out, 0), 12, 32));
  }

  private static byte[] slice(final byte[] out, final int i) throws IOException {
    if (out.length < 32 * (i + 1)) {
      throw new IOException("short eth_call result: " + out.length + " bytes");
    }
    return java.util.Arrays.copyOfRange(out, 32 * i, 32 * i + 32);
  }
}
