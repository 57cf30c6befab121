package io.sextant.routing.math.u256;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** UInt256 against BigInteger, the independent model, on values of every width. */
class UInt256Properties {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger MAX = TWO_256.subtract(BigInteger.ONE);

  @Provide
  Arbitrary<BigInteger> u256() {
    return U256Arbitraries.u256();
  }

  @Property(tries = 20_000)
  void addMatchesModel(@ForAll("u256") BigInteger a, @ForAll("u256") BigInteger b) {
    final UInt256 r = new UInt256();
    final boolean ok = r.add(UInt256.of(a), UInt256.of(b));
    final BigInteger sum = a.add(b);
    assertEquals(sum.compareTo(MAX) <= 0, ok);
    assertEquals(sum.mod(TWO_256), r.toBigInteger());
  }

  @Property(tries = 20_000)
  void subMatchesModel(@ForAll("u256") BigInteger a, @ForAll("u256") BigInteger b) {
    final UInt256 r = new UInt256();
    final boolean ok = r.sub(UInt256.of(a), UInt256.of(b));
    assertEquals(a.compareTo(b) >= 0, ok);
    assertEquals(a.subtract(b).mod(TWO_256), r.toBigInteger());
  }

  @Property(tries = 20_000)
  void mulMatchesModel(@ForAll("u256") BigInteger a, @ForAll("u256") BigInteger b) {
    final UInt256 r = new UInt256();
    final boolean ok = r.mul(UInt256.of(a), UInt256.of(b));
    final BigInteger p = a.multiply(b);
    assertEquals(p.compareTo(MAX) <= 0, ok, () -> a + " * " + b);
    assertEquals(p.mod(TWO_256), r.toBigInteger());
  }

  @Property(tries = 20_000)
  void divAndModMatchModel(@ForAll("u256") BigInteger a, @ForAll("u256") BigInteger b) {
    final UInt256 q = new UInt256();
    final UInt256 m = new UInt256();
    final UInt256 up = new UInt256();
    final boolean ok = q.div(UInt256.of(a), UInt256.of(b));
    m.mod(UInt256.of(a), UInt256.of(b));
    up.divRoundingUp(UInt256.of(a), UInt256.of(b));
    assertEquals(b.signum() != 0, ok);
    if (ok) {
      final BigInteger[] qr = a.divideAndRemainder(b);
      assertEquals(qr[0], q.toBigInteger(), () -> a + " / " + b);
      assertEquals(qr[1], m.toBigInteger(), () -> a + " % " + b);
      assertEquals(
          qr[0].add(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE), up.toBigInteger());
    }
  }

  @Property(tries = 30_000)
  void mulDivMatchesModel(
      @ForAll("u256") BigInteger a, @ForAll("u256") BigInteger b, @ForAll("u256") BigInteger d) {
    final UInt256 r = new UInt256();
    final UInt256 ru = new UInt256();
    final UInt256 mm = new UInt256();
    final boolean ok = r.mulDiv(UInt256.of(a), UInt256.of(b), UInt256.of(d));
    final boolean okUp = ru.mulDivRoundingUp(UInt256.of(a), UInt256.of(b), UInt256.of(d));
    final boolean okMod = mm.mulMod(UInt256.of(a), UInt256.of(b), UInt256.of(d));
    if (d.signum() == 0) {
      assertEquals(false, ok);
      assertEquals(false, okUp);
      assertEquals(false, okMod);
      return;
    }
    final BigInteger[] qr = a.multiply(b).divideAndRemainder(d);
    assertEquals(qr[0].compareTo(MAX) <= 0, ok, () -> a + " * " + b + " / " + d);
    if (ok) {
      assertEquals(qr[0], r.toBigInteger(), () -> a + " * " + b + " / " + d);
    }
    final BigInteger upQ = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    assertEquals(upQ.compareTo(MAX) <= 0, okUp);
    if (okUp) {
      assertEquals(upQ, ru.toBigInteger());
    }
    assertEquals(qr[1], mm.toBigInteger());
  }

  /** Limbs from {0, 1, 2^63, all-ones, …}: reaches Knuth's rare add-back and qhat = β − 1 paths. */
  @Provide
  Arbitrary<BigInteger> cornerLimbs() {
    return Arbitraries.randomValue(
        r -> {
          BigInteger v = BigInteger.ZERO;
          for (int i = 0; i < 4; i++) {
            final long limb =
                switch (r.nextInt(7)) {
                  case 0 -> 0L;
                  case 1 -> 1L;
                  case 2 -> Long.MIN_VALUE;
                  case 3 -> -1L;
                  case 4 -> -2L;
                  case 5 -> Long.MAX_VALUE;
                  default -> r.nextLong();
                };
            v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limb)));
          }
          return v.shiftRight(64 * r.nextInt(4));
        });
  }

  @Property(tries = 30_000)
  void divisionOfCornerLimbsMatchesModel(
      @ForAll("cornerLimbs") BigInteger a,
      @ForAll("cornerLimbs") BigInteger b,
      @ForAll("cornerLimbs") BigInteger d) {
    mulDivMatchesModel(a, b, d);
    divAndModMatchModel(a, d);
  }

  @Property(tries = 10_000)
  void shiftsMatchModel(@ForAll("u256") BigInteger a, @ForAll("shift") int n) {
    final UInt256 r = new UInt256();
    assertEquals(a.shiftLeft(n).mod(TWO_256), r.shl(UInt256.of(a), n).toBigInteger());
    assertEquals(a.shiftRight(n), r.shr(UInt256.of(a), n).toBigInteger());
    final BigInteger signed = a.testBit(255) ? a.subtract(TWO_256) : a;
    assertEquals(
        signed.shiftRight(n).mod(TWO_256),
        r.sar(UInt256.of(a), n).toBigInteger(),
        () -> a + ">>" + n);
  }

  @Provide
  Arbitrary<Integer> shift() {
    return Arbitraries.integers().between(0, 300);
  }

  @Property(tries = 5_000)
  void decimalAndHexRoundTrip(@ForAll("u256") BigInteger a) {
    final UInt256 r = new UInt256();
    assertEquals(true, r.parseDecimal(a.toString()));
    assertEquals(a, r.toBigInteger());
    assertEquals(a.toString(), r.toString());
    assertEquals(true, r.parseHex("0x" + a.toString(16)));
    assertEquals(a, r.toBigInteger());
    assertEquals(a.doubleValue(), r.toDouble(), a.doubleValue() * 1e-15);
  }

  @Property(tries = 1_000)
  void parseRejectsAboveMax(@ForAll("u256") BigInteger a) {
    final UInt256 r = new UInt256();
    assertEquals(false, r.parseDecimal(MAX.add(BigInteger.ONE).add(a).toString()));
  }
}
