package io.sextant.solver.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.SolveTrace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad requests, the deadline and the trace of {@link CowSolver}. */
class CowSolverTest {
  static final Path DIRECT =
      Path.of("..", "data", "cow-cases", "baseline__direct_swap.auction.json");
  static final Clock EARLY = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  static CowSolver solver(final Clock clock) {
    return new CowSolver(new EngineConfig(1, 500, 106_391, true), clock);
  }

  static String direct() throws Exception {
    return Files.readString(DIRECT);
  }

  private static BadRequestException bad(final String body) {
    return assertThrows(
        BadRequestException.class,
        () -> solver(EARLY).solve(body.getBytes(StandardCharsets.UTF_8), SolveTrace.NONE));
  }

  @Test
  void shouldNameTheFieldOfABadRequest() throws Exception {
    assertEquals("", bad("{\"tokens\": ").field());
    assertEquals(
        "orders[0].sellAmount",
        bad(direct().replace("\"133700000000000000\"", "\"" + "9".repeat(80) + "\"")).field());
    assertEquals(
        "liquidity[0].kind", bad(direct().replace("constantProduct", "magicPool")).field());
    final String order = direct().substring(direct().indexOf("\"orders\""));
    final int start = direct().indexOf('{', direct().indexOf("\"orders\""));
    final int end = direct().indexOf("\"liquidity\"");
    final String o = direct().substring(start, direct().lastIndexOf('}', end) + 1);
    assertTrue(order.length() > 0);
    final String twice = direct().replace(o, o.replaceAll("\\s*\\]\\s*$", "") + "," + o);
    assertEquals("orders[1].uid", bad(twice).field());
  }

  @Test
  void shouldAnswerEmptyPastTheDeadline() throws Exception {
    final String late =
        direct()
            .replaceAll(
                "\"deadline\"\\s*:\\s*\"[^\"]*\"", "\"deadline\": \"2026-01-01T00:00:00.400Z\"");
    final byte[] body = solver(EARLY).solve(late.getBytes(StandardCharsets.UTF_8), SolveTrace.NONE);
    assertEquals("{\"solutions\":[]}", new String(body, StandardCharsets.UTF_8));
  }

  @Test
  void shouldStopAtTheDeadlineWithTheSolutionsFoundSoFar() throws Exception {
    // A clock that moves a second per reading: the deadline (slack 500 ms) passes after a few.
    final Clock ticking =
        new Clock() {
          private long reads;

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(final ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(reads++);
          }
        };
    final String soon =
        direct()
            .replaceAll(
                "\"deadline\"\\s*:\\s*\"[^\"]*\"", "\"deadline\": \"2026-01-01T00:00:01.000Z\"");
    final boolean[] hit = new boolean[1];
    final List<String> stages = new ArrayList<>();
    solver(ticking)
        .solve(
            soon.getBytes(StandardCharsets.UTF_8),
            new SolveTrace() {
              @Override
              public void stage(final String name, final long nanos) {
                stages.add(name);
              }

              @Override
              public void finished(final int solutions, final boolean deadlineHit) {
                hit[0] = deadlineHit;
              }
            });
    assertTrue(hit[0], "the deadline was reported");
    assertEquals(List.of("parse", "market", "match", "route", "build", "encode"), stages);
  }
}
