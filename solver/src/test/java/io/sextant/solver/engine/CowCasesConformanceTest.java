package io.sextant.solver.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.feeds.cow.CowAuction;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.SolveTrace;
import io.sextant.solver.solution.Solution;
import io.sextant.solver.solution.SolutionJson;
import io.sextant.solver.solution.SolutionValidator;
import io.sextant.solver.solution.TradeSurplus;
import io.sextant.solver.solution.ValidationReport;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CoW reference solvers' own test cases ({@code data/cow-cases/}), each with its settings from
 * {@code configs.json}: our response must validate ({@link SolutionValidator}), and its total
 * surplus must be at least the expected response's, both valued at the same prices (the auction's
 * reference prices, or where a token has none, the expected solution's clearing prices). Where a
 * case allows only one answer (fill-or-kill orders, one pool per pair within the hops allowed, no
 * matching possible), trades and interactions must equal the expected ones; gas follows our
 * documented model and is not compared.
 */
class CowCasesConformanceTest {
  static final Path CASES = Path.of("..", "data", "cow-cases");

  /** Cases whose answer is unique: trades and interactions must be equal. */
  static final Set<String> ONE_ANSWER =
      Set.of(
          "baseline__bal_liquidity__weighted",
          "baseline__bal_liquidity__weighted_v3plus",
          "baseline__buy_order_rounding__uniswap",
          "baseline__direct_swap",
          "baseline__internalization__trusted_token",
          "baseline__internalization__untrusted_sell_token",
          "naive__limit_order_price",
          "naive__reserves_too_small");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(CASES)) {
      return s
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".auction.json"))
          .map(n -> n.substring(0, n.length() - ".auction.json".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** The engine as the case's solver was configured. */
  static CowSolver solverFor(final String name) throws IOException {
    final JsonNode cfg =
        new ObjectMapper().readTree(CASES.resolve("configs.json").toFile()).get(name);
    int maxHops = 1;
    NativeToken nativeToken = NativeToken.MAINNET;
    final JsonNode toml = cfg.get("config_toml");
    if (toml != null && !toml.isNull()) {
      // The reference's max-hops counts intermediate tokens; ours counts pools.
      maxHops = 1 + Integer.parseInt(find(toml.asText(), "max-hops = (\\d+)"));
      nativeToken =
          new NativeToken(
              cfg.get("weth").asText(),
              new BigInteger(
                  find(toml.asText(), "native-token-price-estimation-amount = \"(\\d+)\"")));
    }
    final EngineConfig config = new EngineConfig(maxHops, 500, 106_391, true);
    final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    return new CowSolver(config, clock, nativeToken, CowSolver.Routing.SPLIT);
  }

  private static String find(final String text, final String regex) {
    final Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), regex + " in " + text);
    return m.group(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldAnswerValidlyWithAtLeastTheExpectedSurplus(final String name) throws Exception {
    final byte[] request = Files.readAllBytes(CASES.resolve(name + ".auction.json"));
    final List<Solution> expected =
        SolutionJson.read(Files.readAllBytes(CASES.resolve(name + ".expected.json")));
    final byte[] body = solverFor(name).solve(request, SolveTrace.NONE);
    final List<Solution> ours = SolutionJson.read(body);
    final CowAuction auction = CowSolver.parse(request);

    final Map<String, BigInteger> valuation =
        new HashMap<>(SolutionValidator.referencePrices(auction));
    for (Solution s : expected) {
      s.prices().forEach(valuation::putIfAbsent);
    }
    final SolutionValidator validator = new SolutionValidator(auction, valuation);
    final List<ValidationReport> reports = validator.validate(ours);
    for (ValidationReport r : reports) {
      assertTrue(r.valid(), name + " solution " + r.solutionId() + ": " + r.violations());
    }
    final double ourSurplus = total(reports);
    final List<ValidationReport> theirs = validator.validate(expected);
    final double theirSurplus = total(theirs);
    final boolean expectedValid = theirs.stream().allMatch(ValidationReport::valid);
    System.out.printf(
        "%-58s ours %2d solutions surplus %.6e | expected %2d surplus %.6e%s%n",
        name,
        ours.size(),
        ourSurplus,
        expected.size(),
        theirSurplus,
        expectedValid ? "" : " (expected INVALID: " + invalid(theirs) + ")");
    // An expected answer that is itself invalid (the naive solver's matches promise one wei more
    // than the pool pays, or draw on buffers the auction does not declare) gains by that breach;
    // against those, ours may trail by a part in 10^9.
    final double slack = expectedValid ? 0.0 : 1e-9 * Math.abs(theirSurplus);
    assertTrue(
        ourSurplus >= theirSurplus - slack,
        name + ": our surplus " + ourSurplus + " < expected " + theirSurplus);
    if (ONE_ANSWER.contains(name)) {
      assertEquals(expected.size(), ours.size(), name + ": number of solutions");
      for (int i = 0; i < ours.size(); i++) {
        assertEquals(expected.get(i).trades(), ours.get(i).trades(), name + " trades of " + i);
        assertEquals(
            expected.get(i).interactions(),
            ours.get(i).interactions(),
            name + " interactions of " + i);
        assertEquals(expected.get(i).prices(), ours.get(i).prices(), name + " prices of " + i);
      }
    }
  }

  private static double total(final List<ValidationReport> reports) {
    double s = 0.0;
    for (ValidationReport r : reports) {
      for (TradeSurplus t : r.trades()) {
        s += t.surplusNative();
      }
    }
    return s;
  }

  private static List<String> invalid(final List<ValidationReport> reports) {
    final List<String> v = new ArrayList<>();
    reports.forEach(r -> v.addAll(r.violations()));
    return v;
  }
}
