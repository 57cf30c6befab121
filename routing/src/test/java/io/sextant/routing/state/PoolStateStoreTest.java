package io.sextant.routing.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ2.UniswapV2Pool;
import io.sextant.routing.math.univ3.TickMath;
import io.sextant.routing.math.univ3.UniswapV3Pool;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolStateStoreTest {
  private static UInt256 u(final long v) {
    return UInt256.ofUnsignedLong(v);
  }

  @Test
  void shouldQuoteLikeTheDirectlyBuiltPool() {
    final PoolStateStore store = PoolStateStore.withCapacity(4, 16, 16);
    final UInt256 r0 = UInt256.parse("1000000000000000000000");
    final UInt256 r1 = UInt256.parse("2000000000000");
    final int slot = store.addUniswapV2(r0, r1, 3, 1000);
    assertEquals(0, slot);
    final PoolSnapshot s = store.newSnapshot();
    assertEquals(PoolStateStore.OK, store.read(slot, s));
    final ExactPool fromStore = s.pool();
    final ExactPool direct = UniswapV2Pool.of(r0, r1, 3, 1000);
    final SwapResult a = new SwapResult();
    final SwapResult b = new SwapResult();
    assertTrue(fromStore.exactIn(0, 1, u(1_000_000_000_000_000L), a));
    assertTrue(direct.exactIn(0, 1, u(1_000_000_000_000_000L), b));
    assertEquals(b.amountOut, a.amountOut);
  }

  @Test
  void shouldRebuildAV3PoolWithItsTickTable() {
    final PoolStateStore store = PoolStateStore.withCapacity(4, 16, 8);
    final TickMath tm = new TickMath();
    final UInt256 price = new UInt256();
    tm.getSqrtRatioAtTick(10, price);
    final int slot = store.addUniswapV3(3000, 60, price, u(0), 10, 8);
    assertEquals(
        PoolStateStore.OK,
        store.writeV3Position(slot, -120, 120, UInt256.ofUnsignedLong(1_000_000_000L)));
    final PoolSnapshot s = store.newSnapshot();
    assertEquals(PoolStateStore.OK, store.read(slot, s));
    assertEquals(2, s.tickCount());
    assertEquals(1_000_000_000L, s.liquidity(new UInt256()).low64());
    final UniswapV3Pool direct =
        UniswapV3Pool.of(
            3000,
            60,
            price,
            u(1_000_000_000L),
            10,
            Map.of(
                -120,
                BigInteger.valueOf(1_000_000_000L),
                120,
                BigInteger.valueOf(-1_000_000_000L)));
    final ExactPool rebuilt = assertInstanceOf(UniswapV3Pool.class, s.pool());
    final SwapResult a = new SwapResult();
    final SwapResult b = new SwapResult();
    assertTrue(rebuilt.exactIn(0, 1, u(1_000_000), a));
    assertTrue(direct.exactIn(0, 1, u(1_000_000), b));
    assertEquals(b.amountOut, a.amountOut);
    // Burning the position removes both ticks.
    final UInt256 burn = new UInt256().setSigned(-1_000_000_000L);
    assertEquals(PoolStateStore.OK, store.writeV3Position(slot, -120, 120, burn));
    store.read(slot, s);
    assertEquals(0, s.tickCount());
    assertTrue(s.liquidity(new UInt256()).isZero());
  }

  @Test
  void shouldRejectBadWritesWithAPreciseCodeAndChangeNothing() {
    final PoolStateStore store = new PoolStateStore(2, 4, 2, 2);
    final int v2 = store.addUniswapV2(u(10), u(20), 3, 1000);
    final TickMath tm = new TickMath();
    final UInt256 price = new UInt256();
    tm.getSqrtRatioAtTick(0, price);
    final int v3 = store.addUniswapV3(500, 10, price, u(0), 0, 2);
    assertEquals(PoolStateStore.POOL_CAPACITY, store.addUniswapV2(u(1), u(1), 3, 1000));
    assertEquals(PoolStateStore.UNKNOWN_SLOT, store.writeV2Reserves(7, u(1), u(1)));
    assertEquals(PoolStateStore.UNKNOWN_SLOT, store.writeV2Reserves(-1, u(1), u(1)));
    assertEquals(PoolStateStore.WRONG_FAMILY, store.writeV2Reserves(v3, u(1), u(1)));
    assertEquals(PoolStateStore.INVALID_VALUE, store.writeV2Reserves(v2, u(0), u(1)));
    assertEquals(
        PoolStateStore.INVALID_VALUE,
        store.writeV2Reserves(v2, new UInt256().setPowerOfTwo(112), u(1)));
    // tick inconsistent with the price
    assertEquals(PoolStateStore.INVALID_VALUE, store.writeV3(v3, price, u(1), 5));
    // tick off the spacing
    assertEquals(PoolStateStore.INVALID_VALUE, store.writeV3TickNet(v3, 15, u(1)));
    assertEquals(PoolStateStore.OK, store.writeV3TickNet(v3, 10, u(1)));
    assertEquals(PoolStateStore.OK, store.writeV3TickNet(v3, 20, u(1)));
    assertEquals(PoolStateStore.TICK_CAPACITY, store.writeV3TickNet(v3, 30, u(1)));
    // burning more than the in-range liquidity
    assertEquals(
        PoolStateStore.INVALID_VALUE,
        store.writeV3Position(v3, -10, 10, new UInt256().setSigned(-5)));
    final PoolSnapshot s = store.newSnapshot();
    assertEquals(PoolStateStore.OK, store.read(v2, s));
    assertEquals(10, s.balance(0, new UInt256()).low64());
    assertEquals(0, s.version(), "a rejected write leaves the version alone");
    assertEquals(PoolStateStore.UNKNOWN_SLOT, store.read(2, s));
  }

  /**
   * As in the pool contract, a tick stays initialised while liquidityGross > 0 even when two
   * positions' nets cancel there (the swap loop still stops at it), and is cleared only when its
   * gross reaches zero.
   */
  @Test
  void shouldKeepATickWhoseNetCancelsUntilItsGrossIsZero() {
    final PoolStateStore store = PoolStateStore.withCapacity(1, 16, 16);
    final UInt256 price = new UInt256();
    new TickMath().getSqrtRatioAtTick(0, price);
    final int v3 = store.addUniswapV3(3000, 60, price, u(0), 0, 16);
    // [-120, 0) and [0, 120), both 50: tick 0 has net +50 - 50 = 0, gross 100.
    assertEquals(PoolStateStore.OK, store.writeV3Position(v3, -120, 0, u(50)));
    assertEquals(PoolStateStore.OK, store.writeV3Position(v3, 0, 120, u(50)));
    final PoolSnapshot s = store.newSnapshot();
    final UInt256 w = new UInt256();
    assertEquals(PoolStateStore.OK, store.read(v3, s));
    assertEquals(3, s.tickCount());
    assertEquals(0, s.tickAt(1));
    assertTrue(s.liquidityNetAt(1, w).isZero());
    // Burning [-120, 0): tick 0 keeps gross 50 (net -50 ... +50 from the other position).
    assertEquals(
        PoolStateStore.OK, store.writeV3Position(v3, -120, 0, new UInt256().setSigned(-50)));
    assertEquals(PoolStateStore.OK, store.read(v3, s));
    assertEquals(2, s.tickCount());
    assertEquals(0, s.tickAt(0));
    assertEquals(50, s.liquidityNetAt(0, w).low64());
    assertEquals(120, s.tickAt(1));
    // Burning more than a tick's gross is impossible on chain: refused, nothing changes.
    assertEquals(
        PoolStateStore.INVALID_VALUE,
        store.writeV3Position(v3, 0, 120, new UInt256().setSigned(-51)));
    assertEquals(
        PoolStateStore.OK, store.writeV3Position(v3, 0, 120, new UInt256().setSigned(-50)));
    assertEquals(PoolStateStore.OK, store.read(v3, s));
    assertEquals(0, s.tickCount());
    // writeV3Tick: zero net kept while gross > 0; |net| > gross refused; gross 0 clears.
    assertEquals(PoolStateStore.OK, store.writeV3Tick(v3, 60, u(7), u(0)));
    assertEquals(PoolStateStore.INVALID_VALUE, store.writeV3Tick(v3, 120, u(2), u(3)));
    assertEquals(PoolStateStore.OK, store.read(v3, s));
    assertEquals(1, s.tickCount());
    assertEquals(PoolStateStore.OK, store.writeV3Tick(v3, 60, u(0), u(0)));
    assertEquals(PoolStateStore.OK, store.read(v3, s));
    assertEquals(0, s.tickCount());
  }

  @Test
  void shouldReportStalePoolsAndCountVersions() {
    final PoolStateStore store = PoolStateStore.withCapacity(2, 0, 0);
    final int slot = store.addUniswapV2(u(10), u(20), 3, 1000);
    final long g0 = store.globalVersion();
    assertEquals(PoolStateStore.OK, store.markStale(slot, true));
    final PoolSnapshot s = store.newSnapshot();
    assertEquals(PoolStateStore.STALE, store.read(slot, s));
    assertEquals(PoolStateStore.OK, store.markStale(slot, false));
    assertEquals(PoolStateStore.OK, store.writeV2Reserves(slot, u(11), u(19)));
    assertEquals(PoolStateStore.OK, store.read(slot, s));
    assertEquals(6, s.version());
    assertEquals(g0 + 3, store.globalVersion());
    assertNotNull(s.pool());
  }

  @Test
  void shouldRebuildBalancerAndCurvePools() {
    final PoolStateStore store = PoolStateStore.withCapacity(4, 0, 0);
    final UInt256 one = u(1_000_000_000_000_000_000L);
    final UInt256[] bal = {u(1_000_000_000_000_000_000L), u(2_000_000_000L)};
    final UInt256[] scale = {one, u(1_000_000_000_000_000_000L)};
    final UInt256[] w = {u(500_000_000_000_000_000L), u(500_000_000_000_000_000L)};
    final int wp = store.addBalancerWeighted(2, bal, scale, w, u(3_000_000_000_000_000L), 0);
    final int sp = store.addBalancerStable(2, bal, scale, u(100_000), u(400_000_000_000_000L), -1);
    final UInt256[] rates = {one, UInt256.parse("1000000000000000000000000000000")};
    final int cp = store.addCurve(2, bal, rates, u(20_000), u(4_000_000), u(5_000_000_000L), 1);
    final PoolSnapshot s = store.newSnapshot();
    final SwapResult r = new SwapResult();
    for (int slot : new int[] {wp, sp, cp}) {
      assertEquals(PoolStateStore.OK, store.read(slot, s));
      final ExactPool p = s.pool();
      assertNotNull(p, "slot " + slot);
      assertTrue(p.exactIn(0, 1, u(1_000_000_000_000L), r), "slot " + slot + ": " + r.failure());
    }
    assertEquals(PoolStateStore.OK, store.writeBalance(wp, 1, u(3_000_000_000L)));
    assertEquals(PoolStateStore.BAD_TOKEN_INDEX, store.writeBalance(wp, 2, u(1)));
    store.read(wp, s);
    assertEquals(3_000_000_000L, s.balance(1, new UInt256()).low64());
  }
}
