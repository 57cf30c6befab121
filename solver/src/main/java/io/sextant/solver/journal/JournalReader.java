package io.sextant.solver.journal;

import io.sextant.feeds.ring.MarketEvent;
import io.sextant.portfolio.breaker.BreakerKind;
import io.sextant.portfolio.breaker.BreakerTrip;
import java.nio.BufferUnderflowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads a journal entry by entry, in index order, with a typed view of the current entry: {@link
 * #next()} moves to the next complete entry and decodes it; then {@link #type()} says which view
 * applies ({@link #marketEvent()}, {@link #body()}, {@link #decision()}, {@link #config()}, {@link
 * #storeImage()}). An entry that does not decode exactly (unknown type or format, a length past its
 * end, trailing bytes) raises {@link JournalFormatException} naming its index. Cold path: the views
 * allocate, except {@link #marketEvent()}, which refills one reused slot. Not thread-safe.
 */
public final class JournalReader implements AutoCloseable {
  private final SingleChronicleQueue queue;
  private final ExcerptTailer tailer;
  private final MarketEvent event = new MarketEvent();
  private long index = -1;
  private byte type;
  private long wallMillis;
  private byte[] body;
  private Decision decision;
  private ConfigEntry config;
  private StoreImage image;
  private BreakerTrip trip;
  private static final BreakerKind[] KINDS = BreakerKind.values();

  private JournalReader(final SingleChronicleQueue queue) {
    this.queue = queue;
    this.tailer = queue.createTailer();
  }

  /**
   * Opens the journal in {@code dir} for reading (it may be written meanwhile).
   *
   * @throws IllegalArgumentException {@code dir} is not a directory holding a journal
   */
  public static JournalReader open(final Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("journal: no such directory: " + dir);
    }
    try (var files = Files.list(dir)) {
      if (files.noneMatch(p -> p.getFileName().toString().endsWith(".cq4"))) {
        throw new IllegalArgumentException("journal: no journal files (*.cq4) in " + dir);
      }
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("journal: cannot list " + dir + ": " + e.getMessage());
    }
    return new JournalReader(SingleChronicleQueueBuilder.binary(dir).readOnly(true).build());
  }

  /** Index of the first entry, or -1 when empty. */
  public long firstIndex() {
    final long i = queue.firstIndex();
    return i == Long.MAX_VALUE ? -1 : i;
  }

  /** Index of the last complete entry, or -1 when empty. */
  public long lastIndex() {
    final long i = queue.lastIndex();
    return i < 0 ? -1 : i;
  }

  /** The next {@link #next()} reads the first entry. */
  public JournalReader toStart() {
    tailer.toStart();
    return this;
  }

  /**
   * The next {@link #next()} reads the entry at {@code index}; false if there is no such entry (the
   * position is then unchanged).
   */
  public boolean moveTo(final long index) {
    return tailer.moveToIndex(index);
  }

  /** Moves to the next complete entry and decodes it; false at the end of the journal. */
  public boolean next() {
    try (DocumentContext dc = tailer.readingDocument()) {
      if (!dc.isPresent()) {
        return false;
      }
      index = dc.index();
      if (!dc.isData()) {
        throw new JournalFormatException("entry " + index + ": metadata where data was expected");
      }
      decode(dc.wire().bytes());
      return true;
    }
  }

  private void decode(final Bytes<?> b) {
    body = null;
    decision = null;
    config = null;
    image = null;
    trip = null;
    try {
      if (b.readRemaining() < 10) {
        throw new JournalFormatException("entry " + index + ": " + b.readRemaining() + " bytes");
      }
      type = b.readByte();
      final byte format = b.readByte();
      if (format != EntryType.FORMAT) {
        throw new JournalFormatException("entry " + index + ": unknown format " + format);
      }
      wallMillis = b.readLong();
      switch (type) {
        case EntryType.MARKET_EVENT -> readEvent(b);
        case EntryType.REQUEST, EntryType.NOTIFICATION -> body = bytes(b, "body");
        case EntryType.DECISION -> decision = readDecision(b);
        case EntryType.CONFIG -> {
          final long hash = b.readLong();
          final String version = b.read8bit();
          config = new ConfigEntry(index, hash, version, bytes(b, "configJson"));
        }
        case EntryType.STORE_SNAPSHOT, EntryType.STORE_CHECKPOINT -> image = StoreImage.read(b);
        case EntryType.BREAKER_TRIP -> trip = readTrip(b);
        default -> throw new JournalFormatException("entry " + index + ": unknown type " + type);
      }
      if (b.readRemaining() != 0) {
        throw new JournalFormatException(
            "entry "
                + index
                + " ("
                + EntryType.name(type)
                + "): "
                + b.readRemaining()
                + " trailing bytes");
      }
    } catch (BufferUnderflowException | IllegalStateException e) {
      throw new JournalFormatException(
          "entry " + index + " (" + EntryType.name(type) + "): truncated (" + e + ")");
    } catch (JournalFormatException e) {
      if (e.getMessage().startsWith("entry ")) {
        throw e;
      }
      throw new JournalFormatException("entry " + index + ": " + e.getMessage());
    }
  }

  private byte[] bytes(final Bytes<?> b, final String field) {
    final int n = b.readInt();
    if (n < 0 || n > b.readRemaining()) {
      throw new JournalFormatException(
          "entry "
              + index
              + " ("
              + EntryType.name(type)
              + "): "
              + field
              + " length "
              + n
              + " but "
              + b.readRemaining()
              + " bytes left");
    }
    final byte[] out = new byte[n];
    b.read(out);
    return out;
  }

  private void readEvent(final Bytes<?> b) {
    final MarketEvent e = event;
    e.kind = b.readInt();
    e.pool = b.readInt();
    e.block = b.readLong();
    e.logIndex = b.readInt();
    e.tick = b.readInt();
    e.tickLower = b.readInt();
    e.tickUpper = b.readInt();
    e.token = b.readInt();
    e.count = b.readInt();
    e.timestampNanos = b.readLong();
    e.a.setLimbs(b.readLong(), b.readLong(), b.readLong(), b.readLong());
    e.b.setLimbs(b.readLong(), b.readLong(), b.readLong(), b.readLong());
    if (e.kind == MarketEvent.BALANCES) {
      final int n = Math.max(0, Math.min(e.count, e.values.length));
      for (int i = 0; i < n; i++) {
        e.values[i].setLimbs(b.readLong(), b.readLong(), b.readLong(), b.readLong());
      }
    }
  }

  private Decision readDecision(final Bytes<?> b) {
    final long requestIndex = b.readLong();
    final long configHash = b.readLong();
    final int status = b.readByte();
    final int solutions = b.readInt();
    final boolean deadlineHit = b.readBoolean();
    final long totalNanos = b.readLong();
    final String version = b.read8bit();
    final int n = b.readUnsignedByte();
    final List<Decision.Stage> stages = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      final String name = b.read8bit();
      stages.add(new Decision.Stage(name, b.readLong()));
    }
    final byte[] response = bytes(b, "body");
    if (status < DecisionStatus.SOLVED || status > DecisionStatus.FAILED) {
      throw new JournalFormatException("entry " + index + " (decision): status " + status);
    }
    return new Decision(
        index,
        wallMillis,
        requestIndex,
        configHash,
        version,
        status,
        solutions,
        deadlineHit,
        totalNanos,
        List.copyOf(stages),
        response);
  }

  /** Index of the current entry. */
  public long index() {
    return index;
  }

  /** Type of the current entry ({@link EntryType}). */
  public byte type() {
    return type;
  }

  /** When the current entry was appended (epoch milliseconds). */
  public long wallMillis() {
    return wallMillis;
  }

  /** The current {@code MARKET_EVENT}, in a slot reused by every call to {@link #next()}. */
  public MarketEvent marketEvent() {
    check(EntryType.MARKET_EVENT);
    return event;
  }

  /** The body of the current {@code REQUEST} or {@code NOTIFICATION}. */
  public byte[] body() {
    if (type != EntryType.REQUEST && type != EntryType.NOTIFICATION) {
      check(EntryType.REQUEST);
    }
    return body;
  }

  /** The current {@code DECISION}. */
  public Decision decision() {
    check(EntryType.DECISION);
    return decision;
  }

  /** The current {@code CONFIG}. */
  public ConfigEntry config() {
    check(EntryType.CONFIG);
    return config;
  }

  /** The current {@code BREAKER_TRIP}. */
  public BreakerTrip breakerTrip() {
    check(EntryType.BREAKER_TRIP);
    return trip;
  }

  private BreakerTrip readTrip(final Bytes<?> b) {
    final long sequence = b.readLong();
    final int asset = b.readInt();
    final int kind = b.readUnsignedByte();
    if (kind >= KINDS.length) {
      throw new JournalFormatException("entry " + index + " (breaker-trip): unknown kind " + kind);
    }
    return new BreakerTrip(sequence, asset, KINDS[kind], b.readDouble(), b.readDouble());
  }

  /** The image of the current {@code STORE_SNAPSHOT} or {@code STORE_CHECKPOINT}. */
  public StoreImage storeImage() {
    if (type != EntryType.STORE_SNAPSHOT && type != EntryType.STORE_CHECKPOINT) {
      check(EntryType.STORE_SNAPSHOT);
    }
    return image;
  }

  private void check(final byte expected) {
    if (type != expected) {
      throw new IllegalStateException(
          "entry "
              + index
              + " is a "
              + EntryType.name(type)
              + ", not a "
              + EntryType.name(expected));
    }
  }

  @Override
  public void close() {
    tailer.close();
    queue.close();
  }
}
