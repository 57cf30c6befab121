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
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * {@link BalancerVaultLogDecoder} against web3j's ABI decoder (the oracle) on random Vault logs of
 * the three balance-changing events, and its rejection of malformed logs.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // web3j's ABI types
class BalancerVaultLogDecoderTest {
  private static final Event SWAP =
      new Event(
          "Swap",
          List.of(
              new TypeReference<Bytes32>(true) {},
              new TypeReference<Address>(true) {},
              new TypeReference<Address>(true) {},
              new TypeReference<Uint256>() {},
              new TypeReference<Uint256>() {}));
  private static final Event CHANGED =
      new Event(
          "PoolBalanceChanged",
          List.of(
              new TypeReference<Bytes32>(true) {},
              new TypeReference<Address>(true) {},
              new TypeReference<DynamicArray<Address>>() {},
              new TypeReference<DynamicArray<Int256>>() {},
              new TypeReference<DynamicArray<Uint256>>() {}));
  private static final Event MANAGED =
      new Event(
          "PoolBalanceManaged",
          List.of(
              new TypeReference<Bytes32>(true) {},
              new TypeReference<Address>(true) {},
              new TypeReference<Address>(true) {},
              new TypeReference<Int256>() {},
              new TypeReference<Int256>() {}));

  private static final String ID_A =
      "0x5c6ee304399dbdb9c8ef030ab642b10820db8f56000200000000000000000014";
  private static final String ID_B =
      "0x32296969ef14eb0c6d29669c550d4a0449130230000200000000000000000080";
  private static final List<String> TOKENS_A =
      List.of(
          "0xba100000625a3754423978a60c9317c58a424e3d",
          "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2");
  private static final List<String> TOKENS_B =
      List.of(
          "0x6b175474e89094c44da98b954eedeac495271d0f",
          "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48",
          "0xdac17f958d2ee523a2206206994597c13d831ec7");

  private final BalancerVaultLogDecoder decoder = new BalancerVaultLogDecoder(4);
  private final MarketEvent e = new MarketEvent();

  BalancerVaultLogDecoderTest() {
    decoder.addPool(ID_A, 5, TOKENS_A);
    decoder.addPool(ID_B, 9, TOKENS_B);
  }

  @Test
  void topicConstantsAreTheEventSignatures() {
    assertEquals(EventEncoder.encode(SWAP), BalancerVaultLogDecoder.SWAP_TOPIC);
    assertEquals(EventEncoder.encode(CHANGED), BalancerVaultLogDecoder.POOL_BALANCE_CHANGED_TOPIC);
    assertEquals(EventEncoder.encode(MANAGED), BalancerVaultLogDecoder.POOL_BALANCE_MANAGED_TOPIC);
  }

  @Test
  void randomLogsDecodeLikeWeb3j() {
    final SplittableRandom r = new SplittableRandom(17);
    for (int i = 0; i < 3000; i++) {
      final boolean b = r.nextBoolean();
      final String id = b ? ID_B : ID_A;
      final List<String> tokens = b ? TOKENS_B : TOKENS_A;
      final int n = tokens.size();
      final long block = r.nextLong(1, 1L << 40);
      final int index = r.nextInt(0, 1 << 20);
      switch (i % 3) {
        case 0 -> {
          final int in = r.nextInt(n);
          final int out = (in + 1 + r.nextInt(n - 1)) % n;
          final String data = enc(new Uint256(big(r, 112))) + enc(new Uint256(big(r, 112)));
          final List<Type> o = FunctionReturnDecoder.decode(data, SWAP.getNonIndexedParameters());
          assertEquals(
              BalancerVaultLogDecoder.OK,
              decoder.decode(
                  List.of(topic(SWAP), id, word(tokens.get(in)), word(tokens.get(out))),
                  data,
                  block,
                  index,
                  e));
          final BigInteger[] expected = zeros(n);
          expected[in] = (BigInteger) o.get(0).getValue();
          expected[out] = ((BigInteger) o.get(1).getValue()).negate();
          assertDeltas(b ? 9 : 5, block, index, expected);
        }
        case 1 -> {
          final List<Address> addrs = new ArrayList<>();
          final List<Int256> deltas = new ArrayList<>();
          final List<Uint256> fees = new ArrayList<>();
          for (int t = 0; t < n; t++) {
            addrs.add(new Address(tokens.get(t)));
            final BigInteger d = big(r, 100);
            deltas.add(new Int256(r.nextBoolean() ? d : d.negate()));
            fees.add(new Uint256(r.nextInt(4) == 0 ? big(r, 60) : BigInteger.ZERO));
          }
          final String data =
              new DefaultFunctionEncoder()
                  .encodeParameters(
                      List.of(
                          new DynamicArray<>(Address.class, addrs),
                          new DynamicArray<>(Int256.class, deltas),
                          new DynamicArray<>(Uint256.class, fees)));
          final List<Type> o =
              FunctionReturnDecoder.decode(data, CHANGED.getNonIndexedParameters());
          assertEquals(
              BalancerVaultLogDecoder.OK,
              decoder.decode(
                  List.of(topic(CHANGED), id, word(addr(r))), "0x" + data, block, index, e),
              decoder.report());
          final List<Type> ds = ((DynamicArray) o.get(1)).getValue();
          final List<Type> fs = ((DynamicArray) o.get(2)).getValue();
          final BigInteger[] expected = new BigInteger[n];
          for (int t = 0; t < n; t++) {
            expected[t] =
                ((BigInteger) ds.get(t).getValue()).subtract((BigInteger) fs.get(t).getValue());
          }
          assertDeltas(b ? 9 : 5, block, index, expected);
        }
        default -> {
          final int t = r.nextInt(n);
          final BigInteger cash = big(r, 100).subtract(BigInteger.ONE.shiftLeft(99));
          final BigInteger managed = big(r, 100).subtract(BigInteger.ONE.shiftLeft(99));
          final String data = enc(new Int256(cash)) + enc(new Int256(managed));
          final List<Type> o =
              FunctionReturnDecoder.decode(data, MANAGED.getNonIndexedParameters());
          assertEquals(
              BalancerVaultLogDecoder.OK,
              decoder.decode(
                  List.of(topic(MANAGED), id, word(addr(r)), word(tokens.get(t))),
                  data,
                  block,
                  index,
                  e));
          final BigInteger[] expected = zeros(n);
          expected[t] = ((BigInteger) o.get(0).getValue()).add((BigInteger) o.get(1).getValue());
          assertDeltas(b ? 9 : 5, block, index, expected);
        }
      }
    }
    assertEquals(3000, decoder.count(BalancerVaultLogDecoder.OK));
    assertEquals(0, decoder.rejected());
  }

  @Test
  void malformedAndForeignLogsAreCountedNeverDecoded() {
    final String amounts = enc(new Uint256(BigInteger.TEN)) + enc(new Uint256(BigInteger.TWO));
    final String in = word(TOKENS_A.get(0));
    final String out = word(TOKENS_A.get(1));
    final String other = "0x" + "11".repeat(32);
    // A pool nobody follows: counted apart, not a rejection.
    assertEquals(
        BalancerVaultLogDecoder.OTHER_POOL,
        decoder.decode(List.of(topic(SWAP), other, in, out), amounts, 1, 0, e));
    assertEquals(
        BalancerVaultLogDecoder.BAD_TOPICS,
        decoder.decode(List.of(topic(SWAP), ID_A, in), amounts, 1, 0, e));
    assertEquals(
        BalancerVaultLogDecoder.BAD_TOPICS,
        decoder.decode(List.of(topic(SWAP), ID_A, in, "0x1234"), amounts, 1, 0, e));
    assertEquals(
        BalancerVaultLogDecoder.UNKNOWN_TOKEN,
        decoder.decode(List.of(topic(SWAP), ID_A, in, in), amounts, 1, 0, e));
    assertEquals(
        BalancerVaultLogDecoder.UNKNOWN_TOKEN,
        decoder.decode(List.of(topic(SWAP), ID_A, in, word(TOKENS_B.get(0))), amounts, 1, 0, e));
    assertEquals(
        BalancerVaultLogDecoder.BAD_DATA,
        decoder.decode(List.of(topic(SWAP), ID_A, in, out), amounts.substring(0, 100), 1, 0, e));
    assertEquals(
        BalancerVaultLogDecoder.BAD_DATA,
        decoder.decode(
            List.of(topic(SWAP), ID_A, in, out),
            enc(new Uint256(BigInteger.ONE.shiftLeft(200))) + enc(new Uint256(BigInteger.ONE)),
            1,
            0,
            e));
    assertEquals(
        BalancerVaultLogDecoder.BAD_DATA,
        decoder.decode(List.of(topic(SWAP), ID_A, in, out), amounts.replace('0', 'g'), 1, 0, e));
    // PoolBalanceChanged with a bad offset, a wrong array length, tokens out of order.
    final String good =
        new DefaultFunctionEncoder()
            .encodeParameters(
                List.of(
                    new DynamicArray<>(
                        Address.class,
                        List.of(new Address(TOKENS_A.get(0)), new Address(TOKENS_A.get(1)))),
                    new DynamicArray<>(
                        Int256.class, List.of(new Int256(BigInteger.ONE), new Int256(-1))),
                    new DynamicArray<>(Uint256.class, List.of(new Uint256(0), new Uint256(0)))));
    final List<String> topics = List.of(topic(CHANGED), ID_A, other);
    assertEquals(BalancerVaultLogDecoder.OK, decoder.decode(topics, good, 1, 0, e));
    assertEquals(
        BalancerVaultLogDecoder.BAD_DATA,
        decoder.decode(topics, good.substring(0, 63) + "1" + good.substring(64), 1, 0, e));
    assertEquals(
        BalancerVaultLogDecoder.BAD_DATA,
        decoder.decode(
            topics,
            good.replaceFirst(
                "0{63}2" + "0{24}" + TOKENS_A.get(0).substring(2),
                "0".repeat(63) + "3" + "0".repeat(24) + TOKENS_A.get(0).substring(2)),
            1,
            0,
            e));
    assertEquals(
        BalancerVaultLogDecoder.UNKNOWN_TOKEN,
        decoder.decode(
            topics, good.replace(TOKENS_A.get(0).substring(2), "ff".repeat(20)), 1, 0, e));
    assertEquals(BalancerVaultLogDecoder.BAD_DATA, decoder.decode(topics, good + "00", 1, 0, e));
    assertEquals(
        BalancerVaultLogDecoder.IGNORED,
        decoder.decode(List.of("0x" + "ab".repeat(32), ID_A), amounts, 1, 0, e));
    assertEquals(11, decoder.rejected(), decoder.report());
  }

  private void assertDeltas(
      final int slot, final long block, final int index, final BigInteger[] expected) {
    assertEquals(MarketEvent.BALANCE_DELTAS, e.kind);
    assertEquals(slot, e.pool);
    assertEquals(block, e.block);
    assertEquals(index, e.logIndex);
    assertEquals(expected.length, e.count);
    for (int t = 0; t < expected.length; t++) {
      assertEquals(expected[t], e.values[t].toSignedBigInteger(), "token " + t);
    }
  }

  private static BigInteger[] zeros(final int n) {
    final BigInteger[] z = new BigInteger[n];
    java.util.Arrays.fill(z, BigInteger.ZERO);
    return z;
  }

  private static String enc(final Type t) {
    return TypeEncoder.encode(t);
  }

  private static String topic(final Event ev) {
    return EventEncoder.encode(ev);
  }

  private static String word(final String address) {
    return "0x" + "0".repeat(24) + address.substring(2);
  }

  private static String addr(final SplittableRandom r) {
    return String.format("0x%040x", big(r, 160));
  }

  private static BigInteger big(final SplittableRandom r, final int bits) {
    final byte[] b = new byte[bits / 8 + 1];
    r.nextBytes(b);
    return new BigInteger(1, b).shiftRight(b.length * 8 - bits);
  }
}
