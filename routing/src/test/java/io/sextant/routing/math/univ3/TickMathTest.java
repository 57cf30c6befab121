package io.sextant.routing.math.univ3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.u256.UInt256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** amm-test-vectors.md §A and §B. */
class TickMathTest {
  private final TickMath tickMath = new TickMath();

  @ParameterizedTest(name = "getSqrtRatioAtTick({0}) = {1}")
  @CsvSource({
    "-887272, 4295128739",
    "-887271, 4295343490",
    "887271, 1461373636630004318706518188784493106690254656249",
    "887272, 1461446703485210103287273052203988822378723970342",
    "0, 79228162514264337593543950336",
    "1, 79232123823359799118286999568",
    "-1, 79224201403219477170569942574",
    "50, 79426470787362580746886972461",
    "-50, 79030349367926598376800521322",
    "100, 79625275426524748796330556128",
    "-100, 78833030112140176575862854579",
    "1000, 83290069058676223003182343270",
    "-1000, 75364347830767020784054125655",
    "3000, 92049301871182272007977902845",
    "-3000, 68192822843687888778582228483",
    "50000, 965075977353221155028623082916",
    "-50000, 6504256538020985011912221507",
    "150000, 143194173941309278083010301478497",
    "-150000, 43836292794701720435367485",
    "500000, 5697689776495288729098254600827762987878",
    "-500000, 1101692437043807371",
    "738203, 847134979253254120489401328389043031315994541",
    "-738203, 7409801140451"
  })
  void shouldMatchPublishedVectorOfGetSqrtRatioAtTick(final int tick, final String expected) {
    final UInt256 dst = new UInt256();
    assertTrue(tickMath.getSqrtRatioAtTick(tick, dst));
    assertEquals(expected, dst.toString());
  }

  @Test
  void shouldRevertTBeyondMaxTick() {
    final UInt256 dst = new UInt256();
    assertFalse(tickMath.getSqrtRatioAtTick(887273, dst));
    assertFalse(tickMath.getSqrtRatioAtTick(-887273, dst));
    assertFalse(tickMath.getSqrtRatioAtTick(Integer.MIN_VALUE + 1, dst));
  }

  @Test
  void shouldExposeTheExtremeRatios() {
    assertEquals("4295128739", TickMath.minSqrtRatio(new UInt256()).toString());
    assertEquals(
        "1461446703485210103287273052203988822378723970342",
        TickMath.maxSqrtRatio(new UInt256()).toString());
  }

  @ParameterizedTest(name = "getTickAtSqrtRatio({0}) = {1}")
  @CsvSource({
    "4295128739, -887272",
    "4295343490, -887271",
    "79228162514264337593543, -276325",
    "79228162514264337593543950, -138163",
    "9903520314283042199192993792, -41591",
    "28011385487393069959365969113, -20796",
    "56022770974786139918731938227, -6932",
    "79228162514264337593543950336, 0",
    "112045541949572279837463876454, 6931",
    "224091083899144559674927752909, 20795",
    "633825300114114700748351602688, 41590",
    "79228162514264337593543950336000, 138162",
    "79228162514264337593543950336000000, 276324",
    "1461446703485210103287273052203988822378723970341, 887271",
    "1461373636630004318706518188784493106690254656249, 887271"
  })
  void shouldMatchPublishedVectorOfGetTickAtSqrtRatio(final String sqrtPrice, final int tick) {
    assertEquals(tick, tickMath.getTickAtSqrtRatio(UInt256.parse(sqrtPrice)));
  }

  @Test
  void shouldRevertROutsideThePriceDomain() {
    assertEquals(TickMath.INVALID_TICK, tickMath.getTickAtSqrtRatio(UInt256.parse("4295128738")));
    assertEquals(
        TickMath.INVALID_TICK, tickMath.getTickAtSqrtRatio(TickMath.maxSqrtRatio(new UInt256())));
    assertEquals(TickMath.INVALID_TICK, tickMath.getTickAtSqrtRatio(new UInt256().setMax()));
    assertEquals(TickMath.INVALID_TICK, tickMath.getTickAtSqrtRatio(new UInt256()));
  }
}
