package io.sextant.feeds.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sextant.feeds.ring.MarketEvent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.web3j.abi.DefaultFunctionEncoder;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Int128;
import org.web3j.abi.datatypes.generated.StaticArray3;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * {@link CurveLogDecoder} on web3j-encoded logs (web3j's decoder is the oracle for the layout the
 * hand checks accept) and on malformed ones.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // web3j's ABI types
class CurveLogDecoderTest {
  private static final Event EXCHANGE =
      new Event(
          "TokenExchange",
          List.of(
              new TypeReference<Address>(true) {},
              new TypeReference<Int128>() {},
              new TypeReference<Uint256>() {},
              new TypeReference<Int128>() {},
              new TypeReference<Uint256>() {}));
  private static final Event ADD3 =
      new Event(
          "AddLiquidity",
          List.of(
              new TypeReference<Address>(true) {},
              new TypeReference<StaticArray3<Uint256>>() {},
              new TypeReference<StaticArray3<Uint256>>() {},
              new TypeReference<Uint256>() {},
              new TypeReference<Uint256>() {}));
  private static final Event REMOVE3 =
      new Event(
          "RemoveLiquidity",
          List.of(
              new TypeReference<Address>(true) {},
              new TypeReference<StaticArray3<Uint256>>() {},
              new TypeReference<StaticArray3<Uint256>>() {},
              new TypeReference<Uint256>() {}));
  private static final String BUYER = "0x" + "0".repeat(24) + "ab".repeat(20);

  private final CurveLogDecoder decoder = new CurveLogDecoder();
  private final MarketEvent e = new MarketEvent();

  @Test
  void theExchangeTopicIsTheEventSignature() {
    assertEquals(EventEncoder.encode(EXCHANGE), CurveLogDecoder.TOKEN_EXCHANGE_TOPIC);
  }

  @Test
  void randomBalanceChangingLogsAskForAReread() {
    final SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 1000; i++) {
      final String data;
      final Event ev;
      switch (i % 3) {
        case 0 -> {
          ev = EXCHANGE;
          data =
              new DefaultFunctionEncoder()
                  .encodeParameters(
                      List.of(
                          new Int128(r.nextInt(3)),
                          new Uint256(big(r)),
                          new Int128(r.nextInt(3)),
                          new Uint256(big(r))));
        }
        case 1 -> {
          ev = ADD3;
          data = new DefaultFunctionEncoder().encodeParameters(List.of(arr(r), arr(r), u(r), u(r)));
        }
        default -> {
          ev = REMOVE3;
          data = new DefaultFunctionEncoder().encodeParameters(List.of(arr(r), arr(r), u(r)));
        }
      }
      // The oracle accepts the same layout.
      assertEquals(
          ev.getNonIndexedParameters().size(),
          FunctionReturnDecoder.decode(data, ev.getNonIndexedParameters()).size());
      final long block = r.nextLong(1, 1L << 40);
      final int index = r.nextInt(1 << 20);
      assertEquals(
          CurveLogDecoder.REREAD,
          decoder.decode(4, 3, List.of(EventEncoder.encode(ev), BUYER), data, block, index, e),
          ev.getName());
      assertEquals(4, e.pool);
      assertEquals(block, e.block);
      assertEquals(index, e.logIndex);
      assertEquals(MarketEvent.NONE, e.kind);
    }
    assertEquals(0, decoder.rejected());
  }

  @Test
  void malformedLogsAreCountedAndTriggerNothing() {
    final String exchange =
        new DefaultFunctionEncoder()
            .encodeParameters(
                List.of(
                    new Int128(0),
                    new Uint256(BigInteger.TEN),
                    new Int128(3),
                    new Uint256(BigInteger.TWO)));
    final List<String> topics = List.of(CurveLogDecoder.TOKEN_EXCHANGE_TOPIC, BUYER);
    // Coin 3 of a 3-coin pool.
    assertEquals(CurveLogDecoder.BAD_COIN, decoder.decode(0, 3, topics, exchange, 1, 0, e));
    assertEquals(CurveLogDecoder.REREAD, decoder.decode(0, 4, topics, exchange, 1, 0, e));
    assertEquals(
        CurveLogDecoder.BAD_TOPICS,
        decoder.decode(0, 4, List.of(CurveLogDecoder.TOKEN_EXCHANGE_TOPIC), exchange, 1, 0, e));
    assertEquals(
        CurveLogDecoder.BAD_DATA,
        decoder.decode(0, 4, topics, exchange.substring(0, 64 * 3), 1, 0, e));
    assertEquals(
        CurveLogDecoder.BAD_DATA,
        decoder.decode(0, 4, topics, exchange.replace('0', 'x'), 1, 0, e));
    // The 3-coin AddLiquidity on a 2-coin pool.
    final SplittableRandom r = new SplittableRandom(1);
    final String add3 =
        new DefaultFunctionEncoder().encodeParameters(List.of(arr(r), arr(r), u(r), u(r)));
    assertEquals(
        CurveLogDecoder.BAD_DATA,
        decoder.decode(0, 2, List.of(EventEncoder.encode(ADD3), BUYER), add3, 1, 0, e));
    assertEquals(
        CurveLogDecoder.IGNORED,
        decoder.decode(0, 2, List.of("0x" + "12".repeat(32), BUYER), add3, 1, 0, e));
    assertEquals(5, decoder.rejected(), decoder.report());
  }

  private static StaticArray3<Uint256> arr(final SplittableRandom r) {
    final List<Uint256> v = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      v.add(u(r));
    }
    return new StaticArray3<>(Uint256.class, v);
  }

  private static Uint256 u(final SplittableRandom r) {
    return new Uint256(big(r));
  }

  private static BigInteger big(final SplittableRandom r) {
    return BigInteger.valueOf(r.nextLong(0, Long.MAX_VALUE)).shiftLeft(r.nextInt(0, 128));
  }
}
