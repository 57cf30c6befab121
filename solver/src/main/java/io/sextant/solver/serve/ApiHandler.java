package io.sextant.solver.serve;

import io.sextant.solver.api.BadRequestException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The solver-engine API on Jetty's core handler: routes by path, answers 404 for an unknown path
 * and 405 (with {@code Allow}) for a wrong method, 413 for a body over the limit, and counts every
 * answer. Runs on Jetty's request threads; the blocking reads and the wait for the engine are
 * allowed there (the handler is declared blocking, Jetty's default).
 */
final class ApiHandler extends Handler.Abstract {
  private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ACCEPTED = "{}".getBytes(StandardCharsets.US_ASCII);

  /** The API's endpoints and the one method each takes. */
  private enum Endpoint {
    SOLVE("/solve", "POST", "solve"),
    NOTIFY("/notify", "POST", "notify"),
    HEALTHZ("/healthz", "GET", "healthz"),
    METRICS("/metrics", "GET", "metrics");

    final String path;
    final String method;
    final String label;

    Endpoint(final String path, final String method, final String label) {
      this.path = path;
      this.method = method;
      this.label = label;
    }

    static Endpoint of(final String path) {
      for (Endpoint e : values()) {
        if (e.path.equals(path)) {
          return e;
        }
      }
      return null;
    }
  }

  private final SolveEndpoint solve;
  private final ServerMetrics metrics;
  private final NotificationSink notifications;
  private final long maxBodyBytes;

  ApiHandler(
      final SolveEndpoint solve,
      final ServerMetrics metrics,
      final NotificationSink notifications,
      final long maxBodyBytes) {
    this.solve = solve;
    this.metrics = metrics;
    this.notifications = notifications;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(final Request request, final Response response, final Callback callback) {
    final long arrival = System.nanoTime();
    metrics.requestStarted();
    final Endpoint endpoint = Endpoint.of(Request.getPathInContext(request));
    Reply reply;
    try {
      reply = answer(endpoint, request, arrival);
    } catch (RuntimeException | Error e) {
      System.err.println("sextant serve: request failed:");
      e.printStackTrace();
      reply = Reply.error(500, "internal_error", "internal error: " + e);
    }
    metrics.requestFinished(
        endpoint == null ? "other" : endpoint.label, reply, System.nanoTime() - arrival);
    send(reply, response, callback);
    return true;
  }

  private Reply answer(final Endpoint endpoint, final Request request, final long arrival) {
    if (endpoint == null) {
      return Reply.error(
          404,
          "not_found",
          "no such endpoint: "
              + Request.getPathInContext(request)
              + " (POST /solve, POST /notify, GET /healthz, GET /metrics)");
    }
    if (!endpoint.method.equals(request.getMethod())) {
      return Reply.error(
              405,
              "method_not_allowed",
              request.getMethod()
                  + " is not allowed on "
                  + endpoint.path
                  + "; use "
                  + endpoint.method)
          .withAllow(endpoint.method);
    }
    return switch (endpoint) {
      case HEALTHZ -> Reply.json(200, HEALTHY);
      case METRICS -> new Reply(200, metrics.contentType(), metrics.scrape(), null, null);
      case SOLVE, NOTIFY -> {
        final byte[] body;
        try {
          body = RequestBody.read(request, maxBodyBytes);
        } catch (BodyTooLargeException e) {
          yield Reply.error(413, "body_too_large", e.getMessage());
        } catch (IOException e) {
          yield Reply.error(400, "body_unreadable", "body could not be read: " + e.getMessage());
        }
        yield endpoint == Endpoint.SOLVE ? solve.solve(body, arrival) : notify(body);
      }
    };
  }

  private Reply notify(final byte[] body) {
    final Notification n;
    try {
      n = NotificationCheck.check(body, System.currentTimeMillis());
    } catch (BadRequestException e) {
      return Reply.error(400, "bad_notification", e.getMessage());
    }
    notifications.accept(n);
    metrics.notification(n.kind());
    return Reply.json(200, ACCEPTED);
  }

  private static void send(final Reply reply, final Response response, final Callback callback) {
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
    if (reply.allow() != null) {
      response.getHeaders().put(HttpHeader.ALLOW, reply.allow());
    }
    if (reply.status() == 413) {
      // The rest of the body was never read; the connection cannot carry another request.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
  }
}
