package io.sextant.solver.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.feeds.ring.StateApplier;
import io.sextant.routing.state.PoolStateStore;
import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.journal.ConfigEntry;
import io.sextant.solver.journal.ConfigHash;
import io.sextant.solver.journal.Decision;
import io.sextant.solver.journal.DecisionStatus;
import io.sextant.solver.journal.DecisionTrace;
import io.sextant.solver.journal.EntryType;
import io.sextant.solver.journal.JournalReader;
import io.sextant.solver.journal.StoreImage;
import io.sextant.solver.report.SolutionAnalysis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Re-feeds a journal's recorded inputs through an engine and checks its decisions.
 *
 * <p>Auction requests go through an {@link AuctionSolver} built by a {@link SolverFactory} with the
 * configuration each decision recorded (or, for an A/B replay, with another one), reading a {@link
 * ReplayClock} stopped at the request's recorded arrival; market events go into a fresh {@link
 * PoolStateStore} rebuilt from the journal's store snapshot, through the feeds' {@link
 * StateApplier}, and every store checkpoint is compared with the replayed state. A decision is
 * reproduced when status, solution count and response bytes are identical; otherwise the divergence
 * names the JSON paths that differ. Entries outside {@code [from, to]} are not checked, but every
 * earlier config, request and market event is still read so that the state at {@code from} is the
 * recorded one. Cold path.
 */
public final class Replayer {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A decision that did not reproduce: which field differs, with both values. */
  public record Divergence(
      long decisionIndex, String auctionId, String field, String recorded, String replayed) {}

  /** What an A/B replay would have changed on one auction. */
  public record AbRow(
      long decisionIndex,
      String auctionId,
      int solutionsBefore,
      int solutionsAfter,
      double surplusBeforeEth,
      double surplusAfterEth,
      List<String> routeChanges) {}

  /** The outcome of a replay. */
  public record Result(
      int decisions,
      int reproduced,
      List<Divergence> divergences,
      long marketEvents,
      long marketEventsRejected,
      int checkpoints,
      int checkpointsMatched,
      List<String> checkpointDivergences,
      List<AbRow> ab,
      List<String> problems) {
    /** Whether every decision and every checkpoint reproduced. */
    public boolean allReproduced() {
      return reproduced == decisions && checkpointsMatched == checkpoints && problems.isEmpty();
    }
  }

  /** Told how far the replay is: {@code done} of {@code total} decisions. */
  public interface Progress {
    /** Called after each decision. */
    void update(int done, int total);
  }

  /** A request read back: its body and when it was appended (epoch milliseconds). */
  private record Recorded(byte[] body, long wallMillis) {}

  private final SolverFactory factory;
  private final ReplayClock clock = new ReplayClock();
  private final EngineConfig override;
  private final Map<Long, AuctionSolver> engines = new HashMap<>();
  private AuctionSolver overrideEngine;

  /**
   * A replay through engines of {@code factory}; {@code override} non-null makes it an A/B replay
   * with that configuration instead of the recorded ones.
   */
  public Replayer(final SolverFactory factory, final EngineConfig override) {
    this.factory = factory;
    this.override = override;
  }

  /** Replays the journal in {@code dir} between indices {@code from} and {@code to} inclusive. */
  public Result run(final Path dir, final long from, final long to, final Progress progress) {
    final int total = countDecisions(dir, from, to);
    final Map<Long, ConfigEntry> configs = new HashMap<>();
    final Map<Long, Recorded> pending = new HashMap<>();
    final List<Divergence> divergences = new ArrayList<>();
    final List<String> checkpointDivergences = new ArrayList<>();
    final List<AbRow> ab = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    PoolStateStore store = null;
    StateApplier applier = null;
    long events = 0;
    int decisions = 0;
    int reproduced = 0;
    int checkpoints = 0;
    int matched = 0;
    try (JournalReader r = JournalReader.open(dir)) {
      r.toStart();
      while (r.next()) {
        final long index = r.index();
        if (index > to) {
          break;
        }
        final boolean inRange = index >= from;
        switch (r.type()) {
          case EntryType.CONFIG -> configs.put(r.config().hash(), r.config());
          case EntryType.REQUEST -> pending.put(index, new Recorded(r.body(), r.wallMillis()));
          case EntryType.STORE_SNAPSHOT -> {
            store = r.storeImage().toStore();
            applier = new StateApplier(store);
          }
          case EntryType.MARKET_EVENT -> {
            if (applier == null) {
              if (inRange) {
                problems.add("entry " + index + ": market event before any store snapshot");
              }
            } else {
              applier.apply(r.marketEvent());
              events++;
            }
          }
          case EntryType.STORE_CHECKPOINT -> {
            if (inRange) {
              checkpoints++;
              if (store == null) {
                checkpointDivergences.add("entry " + index + ": checkpoint without a snapshot");
              } else {
                final int slot = r.storeImage().firstDifference(StoreImage.of(store));
                if (slot < 0) {
                  matched++;
                } else {
                  checkpointDivergences.add(
                      "entry "
                          + index
                          + ": store differs"
                          + (slot == Integer.MAX_VALUE
                              ? " in capacity"
                              : " first at pool slot " + slot));
                }
              }
            }
          }
          case EntryType.DECISION -> {
            final Decision d = r.decision();
            final Recorded recorded = pending.remove(d.requestIndex());
            if (!inRange) {
              break;
            }
            decisions++;
            if (recorded == null) {
              divergences.add(
                  new Divergence(index, "?", "request", "entry " + d.requestIndex(), "missing"));
            } else if (override == null) {
              clock.set(recorded.wallMillis());
              if (replay(d, recorded.body(), configs, divergences)) {
                reproduced++;
              }
            } else {
              clock.set(recorded.wallMillis());
              ab.add(abRow(d, recorded.body()));
              reproduced++;
            }
            if (progress != null) {
              progress.update(decisions, total);
            }
          }
          default -> {}
        }
      }
    }
    final long rejected = applier == null ? 0 : applier.rejected();
    return new Result(
        decisions,
        reproduced,
        List.copyOf(divergences),
        events,
        rejected,
        checkpoints,
        matched,
        List.copyOf(checkpointDivergences),
        List.copyOf(ab),
        List.copyOf(problems));
  }

  private static int countDecisions(final Path dir, final long from, final long to) {
    int n = 0;
    try (JournalReader r = JournalReader.open(dir)) {
      r.toStart();
      while (r.next() && r.index() <= to) {
        if (r.type() == EntryType.DECISION && r.index() >= from) {
          n++;
        }
      }
    }
    return n;
  }

  /** The outcome of running one request: status, solution count and body. */
  private record Outcome(int status, int solutions, byte[] body) {}

  private static Outcome solve(final AuctionSolver engine, final byte[] request) {
    final DecisionTrace t = new DecisionTrace().reset(null);
    try {
      final byte[] body = engine.solve(request, t);
      return new Outcome(DecisionStatus.SOLVED, t.solutions(), body);
    } catch (BadRequestException e) {
      return new Outcome(DecisionStatus.REJECTED, t.solutions(), message(e.getMessage()));
    } catch (RuntimeException e) {
      return new Outcome(
          DecisionStatus.FAILED,
          t.solutions(),
          message(e.getClass().getName() + ": " + e.getMessage()));
    }
  }

  private static byte[] message(final String m) {
    return (m == null ? "" : m).getBytes(StandardCharsets.UTF_8);
  }

  private boolean replay(
      final Decision d,
      final byte[] request,
      final Map<Long, ConfigEntry> configs,
      final List<Divergence> out) {
    final String auction = auctionId(request);
    final ConfigEntry c = configs.get(d.configHash());
    if (c == null) {
      out.add(
          new Divergence(
              d.index(), auction, "config", Long.toHexString(d.configHash()), "not in journal"));
      return false;
    }
    final AuctionSolver engine =
        engines.computeIfAbsent(
            d.configHash(), h -> factory.create(ConfigHash.config(c.configJson()), clock));
    final Outcome o = solve(engine, request);
    boolean same = true;
    if (o.status() != d.status()) {
      out.add(
          new Divergence(
              d.index(),
              auction,
              "status",
              DecisionStatus.name(d.status()),
              DecisionStatus.name(o.status())));
      same = false;
    }
    if (o.solutions() != d.solutions()) {
      out.add(
          new Divergence(
              d.index(),
              auction,
              "solutions",
              Integer.toString(d.solutions()),
              Integer.toString(o.solutions())));
      same = false;
    }
    if (!Arrays.equals(o.body(), d.body())) {
      for (final JsonDiff.Difference x : JsonDiff.diff(d.body(), o.body(), 5)) {
        out.add(new Divergence(d.index(), auction, x.path(), x.left(), x.right()));
      }
      same = false;
    }
    return same;
  }

  private AbRow abRow(final Decision d, final byte[] request) {
    if (overrideEngine == null) {
      overrideEngine = factory.create(override, clock);
    }
    final Outcome o = solve(overrideEngine, request);
    final String auction = auctionId(request);
    final SolutionAnalysis.Auction before = analyse(d.index(), request, d.status(), d.body());
    final SolutionAnalysis.Auction after = analyse(d.index(), request, o.status(), o.body());
    return new AbRow(
        d.index(),
        auction,
        before.solutions(),
        after.solutions(),
        before.surplusEth(),
        after.surplusEth(),
        routeChanges(before, after));
  }

  private static SolutionAnalysis.Auction analyse(
      final long index, final byte[] request, final int status, final byte[] body) {
    if (status != DecisionStatus.SOLVED) {
      return new SolutionAnalysis.Auction("", index, 0, List.of(), List.of());
    }
    try {
      return SolutionAnalysis.analyse(index, request, body);
    } catch (IllegalArgumentException e) {
      return new SolutionAnalysis.Auction("", index, 0, List.of(), List.of());
    }
  }

  /** Per order: the pools its solution used before and after, where they differ. */
  private static List<String> routeChanges(
      final SolutionAnalysis.Auction before, final SolutionAnalysis.Auction after) {
    final Map<String, TreeSet<String>> x = routes(before);
    final Map<String, TreeSet<String>> y = routes(after);
    final TreeSet<String> orders = new TreeSet<>(x.keySet());
    orders.addAll(y.keySet());
    final List<String> out = new ArrayList<>();
    for (final String o : orders) {
      final TreeSet<String> a = x.getOrDefault(o, new TreeSet<>());
      final TreeSet<String> b = y.getOrDefault(o, new TreeSet<>());
      if (!a.equals(b)) {
        out.add(
            shortUid(o)
                + ": pools "
                + (x.containsKey(o) ? a : "unfilled")
                + " -> "
                + (y.containsKey(o) ? b : "unfilled"));
      }
    }
    return out;
  }

  private static Map<String, TreeSet<String>> routes(final SolutionAnalysis.Auction a) {
    final Map<String, TreeSet<String>> out = new TreeMap<>();
    for (final SolutionAnalysis.Trade t : a.trades()) {
      final TreeSet<String> pools = out.computeIfAbsent(t.order(), k -> new TreeSet<>());
      for (final SolutionAnalysis.Leg l : a.legs()) {
        if (l.solution() == t.solution()) {
          pools.add(l.pool());
        }
      }
    }
    return out;
  }

  private static String shortUid(final String uid) {
    return uid.length() > 14 ? uid.substring(0, 10) + "…" : uid;
  }

  private static String auctionId(final byte[] request) {
    try {
      final JsonNode n = JSON.readTree(request);
      return n == null ? "?" : n.path("id").asText("?");
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
