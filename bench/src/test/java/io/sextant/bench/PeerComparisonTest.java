package io.sextant.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.solver.quote.QuoteAnswer;
import io.sextant.solver.quote.QuoteFileParser;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerComparisonTest {
  static PeerComparison.PeerQuery query(final BigInteger bestHop3) {
    return new PeerComparison.PeerQuery(
        "q", "order", "0xa", "0xb", BigInteger.TEN, Map.of(), "p", bestHop3, "p", bestHop3);
  }

  static PeerComparison.Row row(final BigInteger bestHop3, final BigInteger out) {
    return new PeerComparison.Row(
        query(bestHop3), new QuoteAnswer("q", BigInteger.TEN, out, 0, List.of(), 1000, null));
  }

  @Test
  void shouldAcceptOneTenMillionthBelowBestHop3AndNoMore() {
    final BigInteger best = BigInteger.valueOf(10_000_000_000L);
    // best × (1 − 1e-7) = best − 1000
    assertTrue(row(best, best.subtract(BigInteger.valueOf(1000))).atLeast());
    assertFalse(row(best, best.subtract(BigInteger.valueOf(1001))).atLeast());
    assertFalse(row(best, best).strictlyBetter());
    assertTrue(row(best, best.add(BigInteger.ONE)).strictlyBetter());
    assertEquals(1.0, row(best, best).ratio());
  }

  @Test
  void shouldCountAnUnansweredQueryAsZero() {
    final PeerComparison.Row r =
        new PeerComparison.Row(
            query(BigInteger.TEN), new QuoteAnswer("q", null, null, 0, List.of(), 0, "no path"));
    assertFalse(r.atLeast());
    assertEquals(0.0, r.ratio());
  }

  @Test
  void shouldReadEveryPeerAnswerAndFindTheLadderInThePeersFile() throws Exception {
    final String text = Files.readString(Path.of("../data/peers-7400693.json"));
    final List<PeerComparison.PeerQuery> qs =
        PeerComparison.peerQueries(
            new ObjectMapper().readTree(text), new QuoteFileParser().parse(text));
    assertEquals(852, qs.size());
    for (PeerComparison.PeerQuery q : qs) {
      assertTrue(q.best().compareTo(q.bestHop3()) >= 0, q.id());
      assertEquals(PeerComparison.PEERS, List.copyOf(q.peers().keySet()));
    }
    for (String id : PeerComparison.LADDER) {
      assertEquals(1, qs.stream().filter(q -> q.id().equals(id)).count(), id);
    }
    final PeerComparison.PeerQuery usdt =
        qs.stream().filter(q -> q.id().equals("l-USDC-USDT-1eth")).findFirst().get();
    assertEquals(new BigInteger("1607355199"), usdt.amount());
    assertEquals(new BigInteger("1611276991"), usdt.bestHop3());
    assertEquals("smart_order_router", usdt.bestHop3Peer());
  }
}
