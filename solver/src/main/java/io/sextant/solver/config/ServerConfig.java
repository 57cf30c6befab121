package io.sextant.solver.config;

/**
 * How {@code sextant serve} listens and schedules solves; the {@code server:} section of {@code
 * config/sextant.yaml}. Every field is checked on construction with a message naming the key.
 *
 * @param bind address to listen on (an IP literal or host name); loopback unless told otherwise
 * @param port TCP port, 0 for any free port
 * @param maxBodyBytes largest request body accepted; larger ones get 413 before they are read
 * @param workerThreads threads that run solves (the engine itself is single-threaded per solve)
 * @param queueDepth solves that may wait for a worker; one more is answered 429
 * @param httpThreads Jetty's thread pool (acceptor, selectors and request threads)
 * @param idleTimeoutMillis a keep-alive connection idle this long is closed
 * @param solveTimeoutMillis longest any solve may run, whatever its auction's deadline says
 * @param notificationsKept {@code /notify} bodies kept in memory for inspection (oldest dropped)
 */
public record ServerConfig(
    String bind,
    int port,
    long maxBodyBytes,
    int workerThreads,
    int queueDepth,
    int httpThreads,
    long idleTimeoutMillis,
    long solveTimeoutMillis,
    int notificationsKept) {
  /** The shipped defaults (the same values as {@code config/sextant.yaml}). */
  public static final ServerConfig DEFAULTS =
      new ServerConfig("127.0.0.1", 7878, 10L << 20, 2, 16, 32, 30_000, 10_000, 1024);

  /** Checks every field; the message names the key. */
  public ServerConfig {
    if (bind == null || bind.isBlank()) {
      throw new IllegalArgumentException("server.bind: must not be empty");
    }
    check("server.port", port, 0, 65_535);
    check("server.maxBodyBytes", maxBodyBytes, 1024, 1L << 30);
    check("server.workerThreads", workerThreads, 1, 256);
    check("server.queueDepth", queueDepth, 0, 100_000);
    check("server.httpThreads", httpThreads, 8, 1024);
    check("server.idleTimeoutMillis", idleTimeoutMillis, 100, 3_600_000);
    check("server.solveTimeoutMillis", solveTimeoutMillis, 1, 600_000);
    check("server.notificationsKept", notificationsKept, 0, 1_000_000);
  }

  /** This configuration listening on {@code newBind}:{@code newPort} instead. */
  public ServerConfig withListen(final String newBind, final int newPort) {
    return new ServerConfig(
        newBind,
        newPort,
        maxBodyBytes,
        workerThreads,
        queueDepth,
        httpThreads,
        idleTimeoutMillis,
        solveTimeoutMillis,
        notificationsKept);
  }

  static void check(final String key, final long value, final long min, final long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + ": " + value + " is outside " + min + ".." + max);
    }
  }
}
