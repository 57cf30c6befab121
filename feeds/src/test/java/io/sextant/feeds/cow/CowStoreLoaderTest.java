package io.sextant.feeds.cow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.balancer.BalancerStablePool;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.state.PoolSnapshot;
import io.sextant.routing.state.PoolStateStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class CowStoreLoaderTest {
  @Test
  void shouldLoadTheRealAuctionAndQuoteLikeThePoolsItWasBuiltFrom() throws Exception {
    final CowAuction auction;
    try (InputStream in =
        Files.newInputStream(CowAuctionParserTest.DATA.resolve("mainnet-auction-7400693.json"))) {
      auction = new CowAuctionParser().parse(in);
    }
    final List<LoadedPool> built = new CowPoolLoader().load(auction);
    final PoolStateStore store = PoolStateStore.withCapacity(2048, 200_000, 20_000);
    final int[] slots = new CowStoreLoader().load(built, store);
    assertEquals(built.size(), slots.length);
    int loaded = 0;
    int compared = 0;
    final PoolSnapshot s = store.newSnapshot();
    final SwapResult expected = new SwapResult();
    final SwapResult actual = new SwapResult();
    final UInt256 amount = new UInt256();
    for (int i = 0; i < slots.length; i++) {
      final LoadedPool p = built.get(i);
      if (slots[i] < 0) {
        assertTrue(
            slots[i] == CowStoreLoader.NOT_BUILT || slots[i] == CowStoreLoader.NOT_A_POOL,
            "liquidity[" + i + "] refused by the store: " + slots[i] + " " + p.source().kind());
        continue;
      }
      loaded++;
      assertEquals(PoolStateStore.OK, store.read(slots[i], s));
      final ExactPool fromStore = s.pool();
      assertNotNull(fromStore, "liquidity[" + i + "] does not rebuild");
      final ExactPool original = p.pool();
      int in = 0;
      int out = 1;
      if (original instanceof BalancerStablePool sp && sp.bptIndex() >= 0) {
        in = sp.bptIndex() == 0 ? 1 : 0;
        out = sp.bptIndex() == 2 ? 1 : 2;
      }
      // A small trade: 1e-6 of a large amount in base units.
      amount.setUnsignedLong(1_000_000_000L);
      final boolean ok1 = original.exactIn(in, out, amount, expected);
      final boolean ok2 = fromStore.exactIn(in, out, amount, actual);
      assertEquals(ok1, ok2, "liquidity[" + i + "]");
      if (ok1) {
        assertEquals(expected.amountOut, actual.amountOut, "liquidity[" + i + "]");
        compared++;
      }
    }
    System.out.printf(
        "auction 7400693: %d sources, %d in the store, %d quotes identical%n",
        slots.length, loaded, compared);
    assertTrue(loaded > 900, "loaded only " + loaded);
  }
}
