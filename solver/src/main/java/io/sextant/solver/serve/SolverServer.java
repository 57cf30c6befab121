package io.sextant.solver.serve;

import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.config.ServerConfig;
import io.sextant.solver.config.SextantConfig;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code sextant serve}: the CoW Protocol solver-engine HTTP API ({@code POST /solve}, {@code POST
 * /notify}, {@code GET /healthz}, {@code GET /metrics}) over an {@link AuctionSolver}.
 *
 * <p>Embedded Jetty 12 with its core handler API: no servlet layer between the socket and the
 * engine, HTTP/1.1 keep-alive, and a maintained, security-patched server. Lifecycle: construct,
 * {@link #start()}, then {@link #close()}; thread-safe.
 */
public final class SolverServer implements AutoCloseable {
  private final ServerConfig config;
  private final ServerMetrics metrics = new ServerMetrics();
  private final RecentNotifications recent;
  private final SolveEndpoint solve;
  private final Server server;
  private final ServerConnector connector;

  /**
   * A server for {@code solver} configured by {@code config}; accepted notifications go to {@code
   * sink} as well as to the in-memory record ({@link #notifications()}).
   */
  public SolverServer(
      final SextantConfig config, final AuctionSolver solver, final NotificationSink sink) {
    this.config = config.server();
    this.recent = new RecentNotifications(this.config.notificationsKept());
    this.solve =
        new SolveEndpoint(
            solver,
            metrics,
            this.config.workerThreads(),
            this.config.queueDepth(),
            this.config.solveTimeoutMillis(),
            config.engine().deadlineSlackMillis());
    final QueuedThreadPool threads = new QueuedThreadPool(this.config.httpThreads(), 4);
    threads.setName("sextant-http");
    threads.setDaemon(true);
    this.server = new Server(threads);
    final HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(this.config.bind());
    connector.setPort(this.config.port());
    connector.setIdleTimeout(this.config.idleTimeoutMillis());
    server.addConnector(connector);
    // The sink (the journal) first: a notification it refuses is answered 500 and not recorded.
    final NotificationSink both =
        n -> {
          sink.accept(n);
          recent.accept(n);
        };
    server.setHandler(new ApiHandler(solve, metrics, both, this.config.maxBodyBytes()));
    // No graceful wait on stop: it would hold every idle keep-alive connection open for the
    // timeout. A solve in flight at shutdown is cut off; the driver sees a closed connection, which
    // it treats as no solution.
    server.setStopTimeout(0);
  }

  /**
   * Binds and starts serving.
   *
   * @throws Exception the address cannot be bound (in use, not local) or Jetty fails to start
   */
  public SolverServer start() throws Exception {
    server.start();
    return this;
  }

  /** The port bound (the chosen one when configured with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The base URL clients use, e.g. {@code http://127.0.0.1:7878}. */
  public String url() {
    final String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
    return "http://" + host + ":" + port();
  }

  /** The server's metrics (what {@code GET /metrics} prints). */
  public ServerMetrics metrics() {
    return metrics;
  }

  /** The last {@code server.notificationsKept} accepted notifications. */
  public RecentNotifications notifications() {
    return recent;
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops at once: connections are closed, requests in flight are cut off, workers interrupted. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      System.err.println("sextant serve: stopping Jetty: " + e);
    } finally {
      solve.close();
    }
  }
}
