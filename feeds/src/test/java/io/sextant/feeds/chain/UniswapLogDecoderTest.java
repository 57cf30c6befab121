package io.sextant.feeds.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sextant.feeds.ring.MarketEvent;
import io.sextant.routing.state.PoolStateStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint112;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * {@link UniswapLogDecoder} against web3j's reflective ABI decoder (the oracle) on random logs of
 * all four events, and its rejection of malformed and foreign logs.
 */
@SuppressWarnings("rawtypes") // web3j's ABI types
class UniswapLogDecoderTest {
  private static final Event SYNC =
      new Event("Sync", List.of(new TypeReference<Uint112>() {}, new TypeReference<Uint112>() {}));
  private static final Event SWAP =
      new Event(
          "Swap",
          List.of(
              new TypeReference<Address>(true) {},
              new TypeReference<Address>(true) {},
              new TypeReference<Int256>() {},
              new TypeReference<Int256>() {},
              new TypeReference<Uint160>() {},
              new TypeReference<Uint128>() {},
              new TypeReference<Int24>() {}));
  private static final Event MINT =
      new Event(
          "Mint",
          List.of(
              new TypeReference<Address>() {},
              new TypeReference<Address>(true) {},
              new TypeReference<Int24>(true) {},
              new TypeReference<Int24>(true) {},
              new TypeReference<Uint128>() {},
              new TypeReference<Uint256>() {},
              new TypeReference<Uint256>() {}));
  private static final Event BURN =
      new Event(
          "Burn",
          List.of(
              new TypeReference<Address>(true) {},
              new TypeReference<Int24>(true) {},
              new TypeReference<Int24>(true) {},
              new TypeReference<Uint128>() {},
              new TypeReference<Uint256>() {},
              new TypeReference<Uint256>() {}));

  private static final String V2 = "0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f";
  private static final String V3 = "0x8ad599c3A0ff1De082011EFDDc58f1908eb6e6D8";
  private static final String OTHER = "0x0000000000000000000000000000000000000bad";

  private final PoolDirectory pools = new PoolDirectory(4);
  private final UniswapLogDecoder decoder;
  private final MarketEvent e = new MarketEvent();

  UniswapLogDecoderTest() {
    pools.add(V2, 3, PoolStateStore.UNISWAP_V2);
    pools.add(V3, 7, PoolStateStore.UNISWAP_V3);
    decoder = new UniswapLogDecoder(pools);
  }

  @Test
  void topicConstantsAreTheEventSignatures() {
    assertEquals(EventEncoder.encode(SYNC), UniswapLogDecoder.V2_SYNC_TOPIC);
    assertEquals(EventEncoder.encode(SWAP), UniswapLogDecoder.V3_SWAP_TOPIC);
    assertEquals(EventEncoder.encode(MINT), UniswapLogDecoder.V3_MINT_TOPIC);
    assertEquals(EventEncoder.encode(BURN), UniswapLogDecoder.V3_BURN_TOPIC);
  }

  @Test
  void randomLogsDecodeLikeWeb3j() {
    final SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < 4000; i++) {
      final long block = r.nextLong(1, 1L << 40);
      final int index = r.nextInt(0, 1 << 20);
      switch (i % 4) {
        case 0 -> {
          final String data = enc(new Uint112(big(r, 112))) + enc(new Uint112(big(r, 112)));
          assertEquals(
              UniswapLogDecoder.OK,
              decode(mixCase(r, V2), List.of(topic(SYNC)), data, block, index));
          final List<Type> o = FunctionReturnDecoder.decode(data, SYNC.getNonIndexedParameters());
          assertEquals(MarketEvent.V2_SYNC, e.kind);
          assertEquals(3, e.pool);
          assertEquals(block, e.block);
          assertEquals(index, e.logIndex);
          assertEquals(o.get(0).getValue(), e.a.toBigInteger());
          assertEquals(o.get(1).getValue(), e.b.toBigInteger());
        }
        case 1 -> {
          final String data =
              enc(new Int256(big(r, 255).subtract(BigInteger.ONE.shiftLeft(254))))
                  + enc(new Int256(big(r, 200).negate()))
                  + enc(new Uint160(big(r, 160)))
                  + enc(new Uint128(big(r, 128)))
                  + enc(new Int24(r.nextInt(-(1 << 23), 1 << 23)));
          assertEquals(
              UniswapLogDecoder.OK,
              decode(V3, List.of(topic(SWAP), addr(r), addr(r)), data, block, index));
          final List<Type> o = FunctionReturnDecoder.decode(data, SWAP.getNonIndexedParameters());
          assertEquals(MarketEvent.V3_SWAP, e.kind);
          assertEquals(7, e.pool);
          assertEquals(o.get(2).getValue(), e.a.toBigInteger());
          assertEquals(o.get(3).getValue(), e.b.toBigInteger());
          assertEquals(((BigInteger) o.get(4).getValue()).intValueExact(), e.tick);
        }
        default -> {
          final boolean mint = i % 4 == 2;
          final int lo = r.nextInt(-887_272, 887_272);
          final int hi = r.nextInt(-887_272, 887_272);
          final String loTopic = "0x" + enc(new Int24(lo));
          final String hiTopic = "0x" + enc(new Int24(hi));
          final BigInteger amount = big(r, 128);
          final String data =
              (mint ? enc(new Address(big(r, 160))) : "")
                  + enc(new Uint128(amount))
                  + enc(new Uint256(big(r, 256)))
                  + enc(new Uint256(big(r, 256)));
          final Event ev = mint ? MINT : BURN;
          assertEquals(
              UniswapLogDecoder.OK,
              decode(V3, List.of(topic(ev), addr(r), loTopic, hiTopic), data, block, index));
          final List<Type> o = FunctionReturnDecoder.decode(data, ev.getNonIndexedParameters());
          final BigInteger oracle = (BigInteger) o.get(mint ? 1 : 0).getValue();
          assertEquals(MarketEvent.V3_POSITION, e.kind);
          assertEquals(
              FunctionReturnDecoder.decodeIndexedValue(loTopic, new TypeReference<Int24>() {})
                  .getValue(),
              BigInteger.valueOf(e.tickLower));
          assertEquals(
              FunctionReturnDecoder.decodeIndexedValue(hiTopic, new TypeReference<Int24>() {})
                  .getValue(),
              BigInteger.valueOf(e.tickUpper));
          assertEquals(mint ? oracle : oracle.negate(), e.a.toSignedBigInteger());
        }
      }
    }
    assertEquals(4000, decoder.count(UniswapLogDecoder.OK));
    assertEquals(0, decoder.rejected());
  }

  @Test
  void malformedAndForeignLogsAreCountedNeverDecoded() {
    final String sync = enc(new Uint112(BigInteger.TEN)) + enc(new Uint112(BigInteger.TWO));
    final String swap =
        enc(new Int256(BigInteger.ONE))
            + enc(new Int256(BigInteger.ONE))
            + enc(new Uint160(BigInteger.ONE.shiftLeft(96)))
            + enc(new Uint128(BigInteger.TEN))
            + enc(new Int24(0));
    final String t0 = "0x" + enc(new Int24(-60));
    final String t1 = "0x" + enc(new Int24(60));
    final String a = "0x" + enc(new Address(BigInteger.ONE));
    final List<String> syncTopics = List.of(topic(SYNC));
    final List<String> swapTopics = List.of(topic(SWAP), a, a);
    // Unknown pool, malformed address.
    assertEquals(UniswapLogDecoder.UNKNOWN_POOL, decode(OTHER, syncTopics, sync, 1, 0));
    assertEquals(UniswapLogDecoder.UNKNOWN_POOL, decode("0x1234", syncTopics, sync, 1, 0));
    // Topic counts.
    assertEquals(UniswapLogDecoder.BAD_TOPICS, decode(V2, List.of(), sync, 1, 0));
    assertEquals(UniswapLogDecoder.BAD_TOPICS, decode(V2, List.of(topic(SYNC), a), sync, 1, 0));
    assertEquals(UniswapLogDecoder.BAD_TOPICS, decode(V3, List.of(topic(SWAP), a), swap, 1, 0));
    assertEquals(
        UniswapLogDecoder.BAD_TOPICS, decode(V3, List.of(topic(BURN), a, t0), enc3(), 1, 0));
    assertEquals(UniswapLogDecoder.BAD_TOPICS, decode(V2, List.of("0x1c411e9a"), sync, 1, 0));
    // Data: short, long, odd, not hex, out of range.
    assertEquals(UniswapLogDecoder.BAD_DATA, decode(V2, syncTopics, sync.substring(64), 1, 0));
    assertEquals(UniswapLogDecoder.BAD_DATA, decode(V2, syncTopics, sync + sync, 1, 0));
    assertEquals(UniswapLogDecoder.BAD_DATA, decode(V2, syncTopics, sync + "0", 1, 0));
    assertEquals(UniswapLogDecoder.BAD_DATA, decode(V2, syncTopics, sync.replace('a', 'g'), 1, 0));
    assertEquals(
        UniswapLogDecoder.BAD_DATA,
        decode(
            V2,
            syncTopics,
            enc(new Uint256(BigInteger.ONE.shiftLeft(112))) + enc(new Uint256(BigInteger.ONE)),
            1,
            0));
    assertEquals(
        UniswapLogDecoder.BAD_DATA,
        decode(
            V3,
            swapTopics,
            swap.substring(0, 256) + enc(new Int256(BigInteger.ONE.shiftLeft(23))),
            1,
            0));
    assertEquals(
        UniswapLogDecoder.BAD_TOPICS,
        decode(
            V3,
            List.of(topic(BURN), a, "0x" + enc(new Int256(BigInteger.ONE.shiftLeft(30))), t1),
            enc3(),
            1,
            0));
    assertEquals(
        UniswapLogDecoder.BAD_DATA, decode(V3, List.of(topic(BURN), a, t0, t1), sync, 1, 0));
    // Wrong family.
    assertEquals(UniswapLogDecoder.WRONG_FAMILY, decode(V3, syncTopics, sync, 1, 0));
    assertEquals(UniswapLogDecoder.WRONG_FAMILY, decode(V2, swapTopics, swap, 1, 0));
    // Foreign event of a followed pool: ignored, not malformed.
    final String transfer = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    assertEquals(UniswapLogDecoder.IGNORED, decode(V2, List.of(transfer, a, a), sync, 1, 0));
    // Sanity: the good ones pass.
    assertEquals(UniswapLogDecoder.OK, decode(V2, syncTopics, sync, 1, 0));
    assertEquals(UniswapLogDecoder.OK, decode(V3, swapTopics, swap, 1, 0));
    assertEquals(UniswapLogDecoder.OK, decode(V3, List.of(topic(BURN), a, t0, t1), enc3(), 1, 0));
    assertEquals(2, decoder.count(UniswapLogDecoder.UNKNOWN_POOL));
    assertEquals(6, decoder.count(UniswapLogDecoder.BAD_TOPICS));
    assertEquals(7, decoder.count(UniswapLogDecoder.BAD_DATA));
    assertEquals(2, decoder.count(UniswapLogDecoder.WRONG_FAMILY));
    assertEquals(1, decoder.count(UniswapLogDecoder.IGNORED));
    assertEquals(3, decoder.count(UniswapLogDecoder.OK));
  }

  private static String enc3() {
    return enc(new Uint128(BigInteger.TEN))
        + enc(new Uint256(BigInteger.ONE))
        + enc(new Uint256(BigInteger.ONE));
  }

  private int decode(
      final String address,
      final List<String> topics,
      final String data,
      final long block,
      final int index) {
    return decoder.decode(address, new ArrayList<>(topics), "0x" + data, block, index, e);
  }

  private static String enc(final Type t) {
    return TypeEncoder.encode(t);
  }

  private static String topic(final Event ev) {
    return EventEncoder.encode(ev);
  }

  private static String addr(final SplittableRandom r) {
    return "0x" + enc(new Address(big(r, 160)));
  }

  private static BigInteger big(final SplittableRandom r, final int bits) {
    final int n = r.nextInt(1, bits + 1);
    final byte[] b = new byte[(n + 7) / 8];
    r.nextBytes(b);
    return new BigInteger(1, b).shiftRight(b.length * 8 - n);
  }

  private static String mixCase(final SplittableRandom r, final String address) {
    return r.nextBoolean()
        ? address.toLowerCase(Locale.ROOT)
        : address.toUpperCase(Locale.ROOT).replace("0X", "0x");
  }
}
