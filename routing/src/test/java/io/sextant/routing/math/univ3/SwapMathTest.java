package io.sextant.routing.math.univ3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.u256.UInt256;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** amm-test-vectors.md §D. */
class SwapMathTest {
  static final String ENC_1_1 = "79228162514264337593543950336";
  static final String ENC_101_100 = "79623317895830914510639640423";
  static final String ENC_1000_100 = "250541448375047931186413801569";
  static final String ENC_10000_100 = "792281625142643375935439503360";
  private final SwapMath swapMath = new SwapMath();

  private static UInt256 u(final String s) {
    return UInt256.parse(s);
  }

  private static UInt256 signed(final String s) {
    return new UInt256().set(new BigInteger(s));
  }

  private void expect(
      final String current,
      final String target,
      final String liquidity,
      final String remaining,
      final int fee,
      final String next,
      final String in,
      final String out,
      final String feeAmount) {
    assertTrue(
        swapMath.computeSwapStep(u(current), u(target), u(liquidity), signed(remaining), fee));
    assertEquals(next, swapMath.sqrtRatioNextX96.toString(), "sqrtQ");
    assertEquals(in, swapMath.amountIn.toString(), "amountIn");
    assertEquals(out, swapMath.amountOut.toString(), "amountOut");
    assertEquals(feeAmount, swapMath.feeAmount.toString(), "feeAmount");
  }

  @Test
  void shouldMatchPublishedVector1ExactInCappedAtTarget() {
    expect(
        ENC_1_1,
        ENC_101_100,
        "2000000000000000000",
        "1000000000000000000",
        600,
        ENC_101_100,
        "9975124224178055",
        "9925619580021728",
        "5988667735148");
  }

  @Test
  void shouldMatchPublishedVector2ExactOutCappedAtTarget() {
    expect(
        ENC_1_1,
        ENC_101_100,
        "2000000000000000000",
        "-1000000000000000000",
        600,
        ENC_101_100,
        "9975124224178055",
        "9925619580021728",
        "5988667735148");
  }

  @Test
  void shouldMatchPublishedVector3ExactInFullySpent() {
    expect(
        ENC_1_1,
        ENC_1000_100,
        "2000000000000000000",
        "1000000000000000000",
        600,
        "118818475322642227089037862318",
        "999400000000000000",
        "666399946655997866",
        "600000000000000");
  }

  @Test
  void shouldMatchPublishedVector4ExactOutFullyReceived() {
    expect(
        ENC_1_1,
        ENC_10000_100,
        "2000000000000000000",
        "-1000000000000000000",
        600,
        "158456325028528675187087900672",
        "2000000000000000000",
        "1000000000000000000",
        "1200720432259356");
  }

  @Test
  void shouldMatchPublishedVectorOfCappedOutput() {
    expect(
        "417332158212080721273783715441582",
        "1452870262520218020823638996",
        "159344665391607089467575320103",
        "-1",
        1,
        "417332158212080721273783715441581",
        "1",
        "1",
        "1");
  }

  @Test
  void shouldMatchPublishedVectorOfEntireInputAsFeeOneForZero() {
    expect(
        "2",
        "1",
        "1",
        "3915081100057732413702495386755767",
        1,
        "1",
        "39614081257132168796771975168",
        "0",
        "39614120871253040049813");
  }

  @Test
  void shouldMatchPublishedVectorOfEntireInputTakenAsFee() {
    expect(
        "2413",
        "79887613182836312",
        "1985041575832132834610021537970",
        "10",
        1872,
        "2413",
        "0",
        "0",
        "10");
  }

  @Test
  void shouldMatchPublishedVectorsAtLiquidity1024() {
    final BigInteger p = new BigInteger("20282409603651670423947251286016");
    final String up = p.multiply(BigInteger.valueOf(11)).divide(BigInteger.TEN).toString();
    final String down = p.multiply(BigInteger.valueOf(9)).divide(BigInteger.TEN).toString();
    expect(p.toString(), up, "1024", "-4", 3000, up, "26215", "0", "79");
    expect(p.toString(), down, "1024", "-263000", 3000, down, "1", "26214", "1");
  }
}
