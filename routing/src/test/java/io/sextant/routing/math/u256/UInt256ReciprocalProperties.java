package io.sextant.routing.math.u256;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The two-limb reciprocal behind UInt256's 3-by-2 division against its definition, on random and
 * corner divisors (a wrong reciprocal would make some quotient digit wrong).
 */
class UInt256ReciprocalProperties {
  private static final BigInteger BETA = BigInteger.ONE.shiftLeft(64);

  /** Random limbs, or one of the corner limbs, or a random limb with a run of low ones/zeros. */
  @Provide
  Arbitrary<Long> limb() {
    return Arbitraries.randomValue(
        r ->
            switch (r.nextInt(8)) {
              case 0 -> 0L;
              case 1 -> 1L;
              case 2 -> -1L;
              case 3 -> Long.MIN_VALUE;
              case 4 -> Long.MAX_VALUE;
              case 5 -> -1L << r.nextInt(64);
              case 6 -> (1L << r.nextInt(64)) - 1;
              default -> r.nextLong();
            });
  }

  @Property(tries = 200_000)
  void reciprocal3by2MatchesDefinition(@ForAll("limb") long hi, @ForAll("limb") long lo) {
    final long d1 = hi | Long.MIN_VALUE;
    final BigInteger d = unsigned(d1).shiftLeft(64).or(unsigned(lo));
    final BigInteger expected =
        BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE).divide(d).subtract(BETA);
    assertEquals(expected, unsigned(UInt256.reciprocal3by2(d1, lo)));
  }

  private static BigInteger unsigned(final long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }
}
