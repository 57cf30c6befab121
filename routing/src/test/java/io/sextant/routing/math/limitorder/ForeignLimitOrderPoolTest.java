package io.sextant.routing.math.limitorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import org.junit.jupiter.api.Test;

class ForeignLimitOrderPoolTest {
  private final ForeignLimitOrderPool order =
      ForeignLimitOrderPool.of(UInt256.ofUnsignedLong(1_000), UInt256.ofUnsignedLong(3_000));
  private final SwapResult r = new SwapResult();

  @Test
  void shouldPayProRataRoundedDownForExactInput() {
    assertTrue(order.exactIn(0, 1, UInt256.ofUnsignedLong(100), r));
    assertEquals("33", r.amountOut.toString());
  }

  @Test
  void shouldChargeRoundedUpForExactOutput() {
    assertTrue(order.exactOut(0, 1, UInt256.ofUnsignedLong(100), r));
    assertEquals("300", r.amountIn.toString());
    assertTrue(order.exactOut(0, 1, UInt256.ofUnsignedLong(1), r));
    assertEquals("3", r.amountIn.toString());
  }

  @Test
  void shouldRefuseTheWrongDirectionAndMoreThanTheOrder() {
    assertFalse(order.exactIn(1, 0, UInt256.ofUnsignedLong(1), r));
    assertEquals(ForeignLimitOrderPool.WRONG_DIRECTION, r.failure());
    assertFalse(order.exactIn(0, 1, UInt256.ofUnsignedLong(3_001), r));
    assertEquals(ForeignLimitOrderPool.EXCEEDS_ORDER, r.failure());
    assertFalse(order.exactOut(0, 1, UInt256.ofUnsignedLong(1_001), r));
    assertEquals(ForeignLimitOrderPool.EXCEEDS_ORDER, r.failure());
  }

  @Test
  void shouldShrinkWhenApplied() {
    assertTrue(order.exactIn(0, 1, UInt256.ofUnsignedLong(300), r));
    order.apply(0, 1, r);
    assertEquals("900", order.makerAmount().toString());
    assertEquals("2700", order.takerAmount().toString());
  }

  @Test
  void shouldNameTheZeroField() {
    assertEquals(
        "makerAmount: zero",
        assertThrows(
                IllegalArgumentException.class,
                () -> ForeignLimitOrderPool.of(new UInt256(), UInt256.ofUnsignedLong(1)))
            .getMessage());
  }
}
