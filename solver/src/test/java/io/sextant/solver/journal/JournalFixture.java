package io.sextant.solver.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.sextant.feeds.ring.InboundRing;
import io.sextant.feeds.ring.SyntheticMarket;
import io.sextant.routing.state.PoolStateStore;
import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.SolveTrace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the journal the replay and report tests read: a synthetic market through the inbound ring
 * (store snapshot, events, checkpoint) interleaved with solves of the embedded auction and three
 * slices of it, plus one malformed request, all through a {@link JournalingSolver}.
 */
final class JournalFixture {
  static final String AUCTION = "/io/sextant/solver/data/mainnet-auction-7400693.json";
  static final int EVENTS = 20_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private JournalFixture() {}

  static byte[] embeddedAuction() throws IOException {
    try (InputStream in = JournalFixture.class.getResourceAsStream(AUCTION)) {
      return in.readAllBytes();
    }
  }

  /** The embedded auction, then three slices of its orders with their own ids. */
  static List<byte[]> requests() throws IOException {
    final byte[] full = embeddedAuction();
    final List<byte[]> out = new ArrayList<>();
    out.add(full);
    final JsonNode root = JSON.readTree(full);
    final ArrayNode orders = (ArrayNode) root.get("orders");
    for (int k = 0; k < 3; k++) {
      final ObjectNode copy = root.deepCopy();
      final ArrayNode slice = copy.putArray("orders");
      for (int i = k * 200; i < Math.min(orders.size(), (k + 1) * 200); i++) {
        slice.add(orders.get(i));
      }
      copy.put("id", root.get("id").asText() + (k + 1)); // ids are i64 strings
      out.add(JSON.writeValueAsBytes(copy));
    }
    return out;
  }

  /** Writes the journal into {@code dir}; returns the decisions appended. */
  static int write(final Path dir) throws Exception {
    final List<byte[]> requests = requests();
    try (Journal journal = Journal.open(dir, "FAST_HOURLY")) {
      final JournalingSolver solver =
          new JournalingSolver(
              new DirectPoolSolver(EngineConfig.DEFAULTS),
              journal,
              "test-1",
              EngineConfig.DEFAULTS);
      final List<Solve> solves = new ArrayList<>();
      for (final byte[] request : requests) {
        solves.add(() -> solver.solve(request, SolveTrace.NONE));
      }
      solves.add(
          () -> {
            try {
              solver.solve(
                  "{\"id\": 1, \"orders\": [".getBytes(StandardCharsets.UTF_8), SolveTrace.NONE);
              throw new AssertionError("a truncated body must be refused");
            } catch (BadRequestException expected) {
              // journaled as a REJECTED decision
            }
          });
      return interleave(journal, EVENTS, solves);
    }
  }

  /** One journaled solve. */
  @FunctionalInterface
  interface Solve {
    void run() throws Exception;
  }

  /**
   * Journals a synthetic market through the inbound ring into {@code journal} — the store's
   * snapshot, {@code events} events, a checkpoint after the ring drained — with {@code solves}
   * spread evenly between the events (the last after the last event). Returns the solves run.
   */
  static int interleave(final Journal journal, final int events, final List<Solve> solves)
      throws Exception {
    final PoolStateStore store = PoolStateStore.withCapacity(256, 0, 0);
    final SyntheticMarket market = new SyntheticMarket(store, 150, 50, 7);
    journal.storeLoaded(store);
    final InboundRing ring =
        new InboundRing(
            store,
            1024,
            new YieldingWaitStrategy(),
            journal,
            r -> {
              final Thread t = new Thread(r, "fixture-ring");
              t.setDaemon(true);
              return t;
            });
    ring.start();
    final int perSolve = events / Math.max(1, solves.size());
    int published = 0;
    for (final Solve solve : solves) {
      for (int i = 0; i < perSolve; i++, published++) {
        final long seq = ring.next();
        market.next(ring.event(seq));
        ring.publish(seq);
      }
      solve.run();
    }
    for (; published < events; published++) {
      final long seq = ring.next();
      market.next(ring.event(seq));
      ring.publish(seq);
    }
    ring.close();
    journal.checkpoint(store);
    return solves.size();
  }
}
