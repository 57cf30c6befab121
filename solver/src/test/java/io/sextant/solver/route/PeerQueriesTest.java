package io.sextant.solver.route;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.feeds.cow.CowMarket;
import io.sextant.routing.finalise.RoutePlan;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.split.SplitRouter;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sextant against the peers' answers ({@code data/peers-7400693.json}, see {@code data/SOURCES.md})
 * on the same auction and the same liquidity: only {@code constantProduct} and {@code
 * concentratedLiquidity} pools, less the pools the peers could not load, gas 0, at most 3 pools per
 * path, compared with the best peer ({@code bestHop3.out}) within 1e-7 relative.
 *
 * <p><b>The honest gap.</b> The goal is to match or beat the best peer on every one of the 852
 * queries; the router does not yet: the split optimiser (a damped Newton on the CFMM dual, which
 * stalls (its duality gap stops halving) short of convergence on large edge sets, the split keeps
 * at most {@link SplitRouter#MAX_PATHS} token paths, and on orders of a few wei the peers' best is
 * a 3-pool path through dust pools whose {@code double} curves are meaningless (only integer
 * rounding decides). What this test asserts is what holds and can regress:
 *
 * <ul>
 *   <li>where the best peer's answer is one path of at most two pools, Sextant reaches it (the
 *       router evaluates every 1- and 2-pool path exactly): no shortfall at all there;
 *   <li>the number of queries below the best peer, of queries the router cannot route, and of
 *       queries strictly better than the best peer do not regress from the values measured when
 *       this test was written ({@link #MAX_BELOW}, {@link #MAX_UNROUTED}, {@link #MIN_BETTER}):
 *       lower these ceilings (raise the floor) as the optimiser improves, until every query passes.
 * </ul>
 *
 * The counts (at or above, strictly better, below, minimum ratio) are printed on every run.
 */
class PeerQueriesTest {
  static final double TOLERANCE = 1e-7;

  /** Queries below the best peer, measured: a ceiling, to lower as the optimiser improves. */
  static final int MAX_BELOW = 148;

  /** Queries the router could not route at all (the peers could), measured: a ceiling. */
  static final int MAX_UNROUTED = 6;

  /** Queries strictly better than the best peer, measured: a floor. */
  static final int MIN_BETTER = 571;

  /**
   * Pools of the best peer's route when it is a single path (every leg carries 100%), else -1. The
   * two route formats of the data file: {@code "100% A>[pool]B>[pool]>C"} (one path, paths split by
   * {@code " | "}) and {@code "A>B [pool] 100.00% | B>C [pool] 100.00%"} (one leg per entry).
   */
  static int singlePathPools(final String route) {
    final int pools = route.split("\\[", -1).length - 1;
    if (route.startsWith("100% ") && !route.contains(" | ")) {
      return pools;
    }
    for (final String leg : route.split(" \\| ")) {
      if (!leg.endsWith(" 100.00%")) {
        return -1;
      }
    }
    return route.isEmpty() ? -1 : pools;
  }

  @Test
  void shouldNotRegressAgainstTheBestPeerAndReachEveryShortSinglePathPeer() throws Exception {
    final CowAuction auction;
    try (InputStream in =
        PeerQueriesTest.class.getResourceAsStream(
            "/io/sextant/solver/data/mainnet-auction-7400693.json")) {
      auction = new CowAuctionParser().parse(in);
    }
    final JsonNode peers =
        new ObjectMapper().readTree(Path.of("../data/peers-7400693.json").toFile());
    final Set<String> excluded = new HashSet<>();
    for (JsonNode p : peers.get("excludedPools")) {
      excluded.add(p.get("address").asText().toLowerCase());
    }
    final CowMarket market =
        CowMarket.of(auction, Set.of("constantProduct", "concentratedLiquidity"), excluded);
    final SplitRouter router = new SplitRouter(market.market());
    final RoutePlan plan = new RoutePlan();
    final List<String> failures = new ArrayList<>();
    final List<String> shortPathFailures = new ArrayList<>();
    int unrouted = 0;
    int atOrAbove = 0;
    int queries = 0;
    int better = 0;
    double minRatio = Double.POSITIVE_INFINITY;
    BigInteger total = BigInteger.ZERO;
    BigInteger peerTotal = BigInteger.ZERO;
    for (JsonNode q : peers.get("queries")) {
      queries++;
      final String id = q.get("id").asText();
      final BigInteger peerOut = new BigInteger(q.get("bestHop3").get("out").asText());
      final int s = market.token(q.get("sellToken").asText().toLowerCase());
      final int b = market.token(q.get("buyToken").asText().toLowerCase());
      final boolean sell = "sell".equals(q.get("kind").asText());
      final UInt256 amount = UInt256.parse(q.get("amount").asText());
      if (s < 0 || b < 0) {
        failures.add(id + ": token not in the restricted market");
        continue;
      }
      final JsonNode bestPeer = q.get("peers").get(q.get("bestHop3").get("peer").asText());
      final int peerPools =
          bestPeer == null || bestPeer.get("route") == null
              ? -1
              : singlePathPools(bestPeer.get("route").asText());
      router.route(s, b, sell, amount, 3, 0.0, plan);
      if (!plan.ok()) {
        unrouted++;
        failures.add(id + ": " + plan.error() + " (peer " + peerOut + ")");
        if (peerPools >= 1 && peerPools <= 2) {
          shortPathFailures.add(id + ": " + plan.error());
        }
        continue;
      }
      final BigInteger mine = plan.amountOut.toBigInteger();
      total = total.add(mine);
      peerTotal = peerTotal.add(peerOut);
      if (peerOut.signum() > 0) {
        final double ratio =
            new BigDecimal(mine)
                .divide(new BigDecimal(peerOut), MathContext.DECIMAL64)
                .doubleValue();
        minRatio = Math.min(minRatio, ratio);
        if (ratio < 1.0 - TOLERANCE) {
          failures.add(id + ": " + mine + " < peer " + peerOut + " (ratio " + ratio + ")");
          if (peerPools >= 1 && peerPools <= 2) {
            shortPathFailures.add(id + ": " + mine + " < peer " + peerOut);
          }
        }
      }
      if (mine.compareTo(peerOut) > 0) {
        better++;
      }
      if (mine.compareTo(peerOut) >= 0) {
        atOrAbove++;
      }
    }
    System.out.printf(
        "peers: %d queries, %d at or above the best peer (<=3 pools per path), %d strictly better,"
            + " %d below by more than %.0e (%d of them unrouted), min ratio %.9f, total %s vs peers"
            + " %s%n",
        queries,
        atOrAbove,
        better,
        failures.size(),
        TOLERANCE,
        unrouted,
        minRatio,
        total,
        peerTotal);
    failures.stream().limit(20).forEach(f -> System.out.println("  " + f));
    assertTrue(
        shortPathFailures.isEmpty(),
        "below a best peer whose route is one path of <= 2 pools: " + shortPathFailures);
    assertTrue(unrouted <= MAX_UNROUTED, unrouted + " queries unrouted: " + failures);
    assertTrue(
        failures.size() <= MAX_BELOW,
        failures.size() + " queries below the peers (ceiling " + MAX_BELOW + "): " + failures);
    assertTrue(better >= MIN_BETTER, better + " strictly better (floor " + MIN_BETTER + ")");
  }
}
