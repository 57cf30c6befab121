package io.sextant.solver.journal;

/**
 * The kinds of journal entry. Every entry starts with its type byte, the format version byte and
 * the wall-clock time of the append (epoch milliseconds), then a payload laid out by type (see
 * {@link JournalAppender}).
 */
public final class EntryType {
  /** A {@code MarketEvent} of the inbound ring. */
  public static final byte MARKET_EVENT = 1;

  /** A {@code POST /solve} request body. */
  public static final byte REQUEST = 2;

  /** A {@code POST /notify} body. */
  public static final byte NOTIFICATION = 3;

  /** The engine's answer to one request. */
  public static final byte DECISION = 4;

  /** The engine version and configuration later decisions name by hash. */
  public static final byte CONFIG = 5;

  /** The pools of a store, written before its ring started. */
  public static final byte STORE_SNAPSHOT = 6;

  /** The state of a store after its ring drained. */
  public static final byte STORE_CHECKPOINT = 7;

  /** A circuit breaker's trip (a portfolio asset halted or de-risked). */
  public static final byte BREAKER_TRIP = 8;

  /** The layout version written in every entry. */
  public static final byte FORMAT = 1;

  private EntryType() {}

  /** A type's name, for listings and errors. */
  public static String name(final int type) {
    return switch (type) {
      case MARKET_EVENT -> "market-event";
      case REQUEST -> "request";
      case NOTIFICATION -> "notification";
      case DECISION -> "decision";
      case CONFIG -> "config";
      case STORE_SNAPSHOT -> "store-snapshot";
      case STORE_CHECKPOINT -> "store-checkpoint";
      case BREAKER_TRIP -> "breaker-trip";
      default -> "unknown(" + type + ")";
    };
  }
}
