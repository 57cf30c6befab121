package io.sextant.solver.journal;

import io.sextant.feeds.ring.MarketEvent;
import io.sextant.portfolio.breaker.BreakerKind;
import io.sextant.portfolio.breaker.BreakerTrip;
import io.sextant.routing.math.u256.UInt256;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends typed entries to the journal through one Chronicle {@link ExcerptAppender}. Not
 * thread-safe: one per writing thread ({@link Journal#appender()} hands each thread its own).
 *
 * <p>Every append writes raw little-endian bytes into the queue's reused {@link DocumentContext}
 * and allocates nothing (no wire marshalling, no lambdas, no boxing; strings are written 8-bit from
 * the caller's instances). An entry is complete, and its index returned, only when the document is
 * closed: a writer killed before that leaves an unfinished header that readers never see as an
 * entry.
 *
 * <p>Layout: {@code type:u8 format:u8 wallMillis:i64}, then by type —
 *
 * <ul>
 *   <li>{@code MARKET_EVENT}: {@code kind pool:i32 block:i64 logIndex tick tickLower tickUpper
 *       token count:i32 timestampNanos:i64 a[4] b[4]:i64}, then {@code count} words of {@code
 *       values} for {@code BALANCES};
 *   <li>{@code REQUEST}, {@code NOTIFICATION}: {@code length:i32 body};
 *   <li>{@code DECISION}: {@code requestIndex configHash:i64 status:u8 solutions:i32
 *       deadlineHit:bool totalNanos:i64 engineVersion:8bit stages:u8 (name:8bit nanos:i64)*
 *       length:i32 body} (the response, or the refusal's message);
 *   <li>{@code CONFIG}: {@code hash:i64 engineVersion:8bit length:i32 configJson};
 *   <li>{@code STORE_SNAPSHOT}, {@code STORE_CHECKPOINT}: {@link StoreImage};
 *   <li>{@code BREAKER_TRIP}: {@code sequence:i64 asset:i32 kind:u8 observed:f64 threshold:f64}
 *       ({@code kind} the {@link BreakerKind} ordinal).
 * </ul>
 */
public final class JournalAppender implements AutoCloseable {
  private final ExcerptAppender appender;

  JournalAppender(final ExcerptAppender appender) {
    this.appender = appender;
  }

  private static Bytes<?> header(final DocumentContext dc, final byte type) {
    final Bytes<?> b = dc.wire().bytes();
    b.writeByte(type);
    b.writeByte(EntryType.FORMAT);
    b.writeLong(System.currentTimeMillis());
    return b;
  }

  private static void word(final Bytes<?> b, final UInt256 w) {
    b.writeLong(w.limb(0));
    b.writeLong(w.limb(1));
    b.writeLong(w.limb(2));
    b.writeLong(w.limb(3));
  }

  /** Appends a market event; returns its index. */
  public long appendMarketEvent(final MarketEvent e) {
    try (DocumentContext dc = appender.writingDocument()) {
      final Bytes<?> b = header(dc, EntryType.MARKET_EVENT);
      b.writeInt(e.kind);
      b.writeInt(e.pool);
      b.writeLong(e.block);
      b.writeInt(e.logIndex);
      b.writeInt(e.tick);
      b.writeInt(e.tickLower);
      b.writeInt(e.tickUpper);
      b.writeInt(e.token);
      b.writeInt(e.count);
      b.writeLong(e.timestampNanos);
      word(b, e.a);
      word(b, e.b);
      if (e.kind == MarketEvent.BALANCES) {
        final int n = Math.max(0, Math.min(e.count, e.values.length));
        for (int i = 0; i < n; i++) {
          word(b, e.values[i]);
        }
      }
    }
    return appender.lastIndexAppended();
  }

  /** Appends a {@code POST /solve} body ({@code length} bytes from {@code offset}); its index. */
  public long appendRequest(final byte[] body, final int offset, final int length) {
    return appendBody(EntryType.REQUEST, body, offset, length);
  }

  /** Appends a {@code POST /notify} body; its index. */
  public long appendNotification(final byte[] body, final int offset, final int length) {
    return appendBody(EntryType.NOTIFICATION, body, offset, length);
  }

  private long appendBody(final byte type, final byte[] body, final int offset, final int length) {
    try (DocumentContext dc = appender.writingDocument()) {
      final Bytes<?> b = header(dc, type);
      b.writeInt(length);
      b.write(body, offset, length);
    }
    return appender.lastIndexAppended();
  }

  /**
   * Appends the decision answering the request at {@code requestIndex}: {@code status} ({@link
   * DecisionStatus}), what {@code trace} recorded, the total time and {@code body} (the response,
   * or the refusal's UTF-8 message). Returns its index.
   */
  public long appendDecision(
      final long requestIndex,
      final long configHash,
      final String engineVersion,
      final byte status,
      final DecisionTrace trace,
      final long totalNanos,
      final byte[] body,
      final int offset,
      final int length) {
    try (DocumentContext dc = appender.writingDocument()) {
      final Bytes<?> b = header(dc, EntryType.DECISION);
      b.writeLong(requestIndex);
      b.writeLong(configHash);
      b.writeByte(status);
      b.writeInt(trace.solutions());
      b.writeBoolean(trace.deadlineHit());
      b.writeLong(totalNanos);
      b.write8bit(engineVersion);
      final int n = trace.stages();
      b.writeUnsignedByte(n);
      for (int i = 0; i < n; i++) {
        final String name = trace.stageName(i);
        b.write8bit(name == null ? "" : name);
        b.writeLong(trace.stageNanos(i));
      }
      b.writeInt(length);
      b.write(body, offset, length);
    }
    return appender.lastIndexAppended();
  }

  /** Appends the engine version and configuration named by {@code hash}. Cold path. */
  public long appendConfig(final long hash, final String engineVersion, final byte[] configJson) {
    try (DocumentContext dc = appender.writingDocument()) {
      final Bytes<?> b = header(dc, EntryType.CONFIG);
      b.writeLong(hash);
      b.write8bit(engineVersion);
      b.writeInt(configJson.length);
      b.write(configJson);
    }
    return appender.lastIndexAppended();
  }

  /** Appends {@code image} as a {@code STORE_SNAPSHOT} or {@code STORE_CHECKPOINT}. Cold path. */
  public long appendStore(final byte type, final StoreImage image) {
    if (type != EntryType.STORE_SNAPSHOT && type != EntryType.STORE_CHECKPOINT) {
      throw new IllegalArgumentException("not a store entry type: " + type);
    }
    try (DocumentContext dc = appender.writingDocument()) {
      image.write(header(dc, type));
    }
    return appender.lastIndexAppended();
  }

  /** Appends a circuit breaker's trip; returns its index. Allocates nothing. */
  public long appendBreakerTrip(final BreakerTrip trip) {
    try (DocumentContext dc = appender.writingDocument()) {
      final Bytes<?> b = header(dc, EntryType.BREAKER_TRIP);
      b.writeLong(trip.sequence());
      b.writeInt(trip.pool());
      b.writeUnsignedByte(trip.kind().ordinal());
      b.writeDouble(trip.observed());
      b.writeDouble(trip.threshold());
    }
    return appender.lastIndexAppended();
  }

  /** Index of the last entry this appender completed. */
  public long lastIndex() {
    return appender.lastIndexAppended();
  }

  @Override
  public void close() {
    appender.close();
  }
}
