package io.sextant.routing.math.univ3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.u256.UInt256;
import org.junit.jupiter.api.Test;

/** amm-test-vectors.md §C. */
class SqrtPriceMathTest {
  static final String Q96 = "79228162514264337593543950336";
  static final String E18 = "1000000000000000000";
  static final String E17 = "100000000000000000";
  static final String ENC_121_100 = "87150978765690771352898345369";
  private final SqrtPriceMath m = new SqrtPriceMath();
  private final UInt256 dst = new UInt256();

  private static UInt256 u(final String s) {
    return UInt256.parse(s);
  }

  private String fromInput(final String p, final String l, final UInt256 a, final boolean z) {
    assertTrue(m.getNextSqrtPriceFromInput(u(p), u(l), a, z, dst));
    return dst.toString();
  }

  private String fromOutput(final String p, final String l, final String a, final boolean z) {
    assertTrue(m.getNextSqrtPriceFromOutput(u(p), u(l), u(a), z, dst));
    return dst.toString();
  }

  @Test
  void shouldMatchPublishedVectorsOfGetNextSqrtPriceFromInput() {
    assertEquals(ENC_121_100, fromInput(Q96, E18, u(E17), false));
    assertEquals("72025602285694852357767227579", fromInput(Q96, E18, u(E17), true));
    assertEquals(
        "624999999995069620",
        fromInput(Q96, "10000000000000000000", new UInt256().setPowerOfTwo(100), true));
    assertEquals("1", fromInput("1", "1", new UInt256().setPowerOfTwo(255), true));
  }

  @Test
  void shouldMatchPublishedVectorsOfGetNextSqrtPriceFromOutput() {
    assertEquals("88031291682515930659493278152", fromOutput(Q96, E18, E17, false));
    assertEquals("71305346262837903834189555302", fromOutput(Q96, E18, E17, true));
    final String p = "20282409603651670423947251286016";
    assertEquals("77371252455336267181195264", fromOutput(p, "1024", "262143", true));
    assertFalse(m.getNextSqrtPriceFromOutput(u(p), u("1024"), u("4"), false, dst));
    assertFalse(m.getNextSqrtPriceFromOutput(u(p), u("1024"), u("262144"), true, dst));
  }

  @Test
  void shouldMatchPublishedVectorsOfAmountDeltas() {
    assertTrue(m.getAmount0Delta(u(Q96), u(ENC_121_100), u(E18), true, dst));
    assertEquals("90909090909090910", dst.toString());
    assertTrue(m.getAmount0Delta(u(Q96), u(ENC_121_100), u(E18), false, dst));
    assertEquals("90909090909090909", dst.toString());
    assertTrue(m.getAmount1Delta(u(Q96), u(ENC_121_100), u(E18), true, dst));
    assertEquals("100000000000000000", dst.toString());
    assertTrue(m.getAmount1Delta(u(Q96), u(ENC_121_100), u(E18), false, dst));
    assertEquals("99999999999999999", dst.toString());
  }

  @Test
  void shouldMatchPublishedVectorOfRoundTripAt406() {
    final String start = "1025574284609383690408304870162715216695788925244";
    final String l = "50015962439936049619261659728067971248";
    assertEquals(
        "1025574284609383582644711336373707553698163132913", fromInput(start, l, u("406"), true));
    assertTrue(m.getAmount0Delta(dst, u(start), u(l), true, dst));
    assertEquals("406", dst.toString());
  }

  @Test
  void shouldRevertOnZeroPriceOrLiquidity() {
    assertFalse(m.getNextSqrtPriceFromInput(u("0"), u("1"), u("1"), true, dst));
    assertFalse(m.getNextSqrtPriceFromInput(u("1"), u("0"), u("1"), true, dst));
    assertFalse(m.getNextSqrtPriceFromOutput(u("0"), u("1"), u("1"), true, dst));
    assertFalse(m.getNextSqrtPriceFromOutput(u("1"), u("0"), u("1"), false, dst));
  }
}
