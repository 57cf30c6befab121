package io.sextant.solver.journal;

import io.sextant.feeds.ring.MarketEvent;
import io.sextant.feeds.ring.MarketEventJournal;
import io.sextant.routing.state.PoolStateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * The decision journal: a Chronicle Queue in a directory, holding every input (market events of the
 * inbound ring, auction requests, notifications) and every decision as typed entries (see {@link
 * JournalAppender} for the layout, {@link JournalReader} to read them back).
 *
 * <p>Any thread may append: {@link #appender()} gives each thread its own appender (Chronicle
 * serialises writers with its own lock in the queue files, so a second process may append too). As
 * the inbound ring's {@link MarketEventJournal} it appends every event on the ring's journal
 * thread. Reopening a directory resumes after its last complete entry.
 */
public final class Journal implements MarketEventJournal, AutoCloseable {
  /** The roll cycle used when none is configured: one file a day. */
  public static final String DEFAULT_ROLL_CYCLE = "FAST_DAILY";

  private final Path dir;
  private final SingleChronicleQueue queue;
  private final List<JournalAppender> appenders = new ArrayList<>();
  private final ThreadLocal<JournalAppender> perThread;

  private Journal(final Path dir, final SingleChronicleQueue queue) {
    this.dir = dir;
    this.queue = queue;
    this.perThread = ThreadLocal.withInitial(this::newAppender);
  }

  /**
   * Opens (creating if needed) the journal in {@code dir}, rolling files every {@code rollCycle} (a
   * {@link RollCycles} name such as {@code FAST_DAILY}, {@code FAST_HOURLY}, {@code TEN_MINUTELY};
   * case-insensitive).
   *
   * @throws IllegalArgumentException an unknown roll cycle (the message lists the known ones)
   */
  public static Journal open(final Path dir, final String rollCycle) {
    final SingleChronicleQueue q =
        SingleChronicleQueueBuilder.binary(dir).rollCycle(rollCycle(rollCycle)).build();
    return new Journal(dir, q);
  }

  /** Opens {@code dir} with the {@link #DEFAULT_ROLL_CYCLE}. */
  public static Journal open(final Path dir) {
    return open(dir, DEFAULT_ROLL_CYCLE);
  }

  /**
   * The roll cycles a journal may use: Chronicle Queue's {@link RollCycles} names, shortest first
   * ({@code DEFAULT}, an alias, is left out so each cycle has one name).
   */
  public static final List<String> ROLL_CYCLES = rollCycleNames();

  private static List<String> rollCycleNames() {
    final List<String> names = new ArrayList<>();
    for (final RollCycles c : RollCycles.values()) {
      if (!c.name().equals("DEFAULT")) {
        names.add(c.name());
      }
    }
    return List.copyOf(names);
  }

  /**
   * The canonical spelling (one of {@link #ROLL_CYCLES}) of the roll cycle named {@code name},
   * matched case-insensitively.
   *
   * @throws IllegalArgumentException an unknown name; the message starts with {@code
   *     journal.rollCycle:} and lists the known ones
   */
  public static String rollCycleName(final String name) {
    final String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    if (ROLL_CYCLES.contains(n)) {
      return n;
    }
    throw new IllegalArgumentException(
        "journal.rollCycle: \"" + name + "\" is not one of " + String.join(", ", ROLL_CYCLES));
  }

  /** The roll cycle named {@code name} (case-insensitive; see {@link #rollCycleName}). */
  public static RollCycle rollCycle(final String name) {
    return RollCycles.valueOf(rollCycleName(name));
  }

  private synchronized JournalAppender newAppender() {
    final JournalAppender a = new JournalAppender(queue.createAppender());
    appenders.add(a);
    return a;
  }

  /** The calling thread's appender (created on first use; keep it on hot paths). */
  public JournalAppender appender() {
    return perThread.get();
  }

  @Override
  public void append(final MarketEvent event) {
    appender().appendMarketEvent(event);
  }

  @Override
  public void storeLoaded(final PoolStateStore store) {
    appender().appendStore(EntryType.STORE_SNAPSHOT, StoreImage.of(store));
  }

  @Override
  public void checkpoint(final PoolStateStore store) {
    appender().appendStore(EntryType.STORE_CHECKPOINT, StoreImage.of(store));
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** Index of the last complete entry, or -1 when the journal is empty. */
  public long lastIndex() {
    final long last = queue.lastIndex();
    return last < 0 ? -1 : last;
  }

  /** A reader over this journal's directory. */
  public JournalReader reader() {
    return JournalReader.open(dir);
  }

  /** The underlying queue (benchmarks, tools). */
  public SingleChronicleQueue queue() {
    return queue;
  }

  /** Closes every appender and the queue. Appending after this fails. */
  @Override
  public void close() {
    queue.close();
  }
}
