package io.sextant.solver.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server's Prometheus metrics, in their own registry (not the JVM-wide default, so two servers
 * in one JVM, as in tests, count separately). Label values are bounded: endpoints are the four of
 * the API plus {@code other}, notification kinds are the known ones, stages are the engine's.
 *
 * <ul>
 *   <li>{@code sextant_http_requests_total{endpoint,status}}
 *   <li>{@code sextant_http_request_duration_seconds{endpoint}} (histogram, whole request)
 *   <li>{@code sextant_http_requests_in_flight}
 *   <li>{@code sextant_solve_stage_duration_seconds{stage}} (histogram, from the engine's trace)
 *   <li>{@code sextant_solutions_returned_total}
 *   <li>{@code sextant_solve_deadline_hits_total{by}}: {@code engine} when the engine ran out of
 *       time itself, {@code server} when the server's hard cap answered for it
 *   <li>{@code sextant_errors_total{kind}}
 *   <li>{@code sextant_notifications_total{kind}}
 * </ul>
 */
public final class ServerMetrics {
  private static final double[] SECONDS_BUCKETS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  private final Counter requests =
      Counter.builder()
          .name("sextant_http_requests_total")
          .help("HTTP requests answered, by endpoint and status code")
          .labelNames("endpoint", "status")
          .register(registry);
  private final Histogram requestSeconds =
      Histogram.builder()
          .name("sextant_http_request_duration_seconds")
          .help("Time from the request's arrival to its answer, by endpoint")
          .labelNames("endpoint")
          .classicOnly()
          .classicUpperBounds(SECONDS_BUCKETS)
          .withoutExemplars()
          .register(registry);
  private final Gauge inFlight =
      Gauge.builder()
          .name("sextant_http_requests_in_flight")
          .help("Requests being handled now")
          .register(registry);
  private final Histogram stageSeconds =
      Histogram.builder()
          .name("sextant_solve_stage_duration_seconds")
          .help("Time of each engine stage of a solve (parse, match, route, ...)")
          .labelNames("stage")
          .classicOnly()
          .classicUpperBounds(SECONDS_BUCKETS)
          .withoutExemplars()
          .register(registry);
  private final Counter solutions =
      Counter.builder()
          .name("sextant_solutions_returned_total")
          .help("Solutions sent in /solve answers")
          .register(registry);
  private final Counter deadlineHits =
      Counter.builder()
          .name("sextant_solve_deadline_hits_total")
          .help("Solves that ran out of time: by=engine (its own deadline) or by=server (hard cap)")
          .labelNames("by")
          .register(registry);
  private final Counter errors =
      Counter.builder()
          .name("sextant_errors_total")
          .help("Requests answered with an error, by kind")
          .labelNames("kind")
          .register(registry);
  private final Counter notifications =
      Counter.builder()
          .name("sextant_notifications_total")
          .help("Notifications accepted on /notify, by kind")
          .labelNames("kind")
          .register(registry);

  /** Creates the metrics with every fixed label value present (at zero) from the start. */
  public ServerMetrics() {
    deadlineHits.initLabelValues("engine");
    deadlineHits.initLabelValues("server");
  }

  void requestStarted() {
    inFlight.inc();
  }

  void requestFinished(final String endpoint, final Reply reply, final long nanos) {
    inFlight.dec();
    requests.labelValues(endpoint, Integer.toString(reply.status())).inc();
    requestSeconds.labelValues(endpoint).observe(nanos / 1e9);
    if (reply.errorKind() != null) {
      errors.labelValues(reply.errorKind()).inc();
    }
  }

  void stage(final String name, final long nanos) {
    stageSeconds.labelValues(name).observe(nanos / 1e9);
  }

  void solutionsReturned(final int count) {
    solutions.inc(count);
  }

  void deadlineHit(final String by) {
    deadlineHits.labelValues(by).inc();
  }

  void notification(final String kind) {
    notifications.labelValues(kind).inc();
  }

  /** The content type of {@link #scrape()}. */
  public String contentType() {
    return writer.getContentType();
  }

  /** All metrics in the Prometheus text exposition format (version 0.0.4). */
  public byte[] scrape() {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
