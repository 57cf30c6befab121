package io.sextant.solver.demo;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.engine.CowSolver;
import io.sextant.solver.engine.NativeToken;
import io.sextant.solver.solution.Solution;
import io.sextant.solver.solution.SolutionJson;
import io.sextant.solver.solution.SolutionValidator;
import io.sextant.solver.solution.ValidationReport;
import java.time.Clock;
import java.util.List;

/**
 * Solves one auction twice, with the engine and with the best-single-path baseline (same engine,
 * each order through its best single exact path, no matching), and validates both answers with
 * {@link SolutionValidator}. What {@code sextant demo} prints and the embedded-auction test checks.
 *
 * @param engine the engine's answer
 * @param baseline the baseline's answer
 */
public record AuctionComparison(Result engine, Result baseline) {
  /**
   * One solver's answer.
   *
   * @param solutions the solutions as encoded and read back
   * @param reports one validation report per solution
   * @param times time per stage
   */
  public record Result(List<Solution> solutions, List<ValidationReport> reports, StageTimes times) {
    /** Whether every solution is valid. */
    public boolean valid() {
      return reports.stream().allMatch(ValidationReport::valid);
    }

    /** Total surplus in native wei at the reference prices. */
    public double surplusNative() {
      double s = 0.0;
      for (ValidationReport r : reports) {
        final double v = r.surplusNative();
        if (!Double.isNaN(v)) {
          s += v;
        }
      }
      return s;
    }

    /** Orders traded. */
    public int ordersSolved() {
      int n = 0;
      for (Solution s : solutions) {
        n += s.trades().size();
      }
      return n;
    }
  }

  /**
   * The baseline searches single paths of at most this many pools, exhaustively and exactly: at 3
   * pools the exhaustive search over the real auction's hubs takes many minutes per auction.
   */
  public static final int BASELINE_MAX_HOPS = 2;

  /** Runs both solvers on {@code request} (a {@code POST /solve} body). */
  public static AuctionComparison run(
      final byte[] request, final EngineConfig config, final Clock clock)
      throws BadRequestException {
    return run(
        request,
        new CowSolver(config, clock, NativeToken.MAINNET, CowSolver.Routing.SPLIT),
        config,
        clock);
  }

  /**
   * Runs {@code engine} (the engine configured by {@code config}, possibly journaled) and the
   * baseline with the same hops on {@code request}.
   */
  public static AuctionComparison run(
      final byte[] request,
      final AuctionSolver engine,
      final EngineConfig config,
      final Clock clock)
      throws BadRequestException {
    final CowAuction auction = CowSolver.parse(request);
    final SolutionValidator validator = new SolutionValidator(auction);
    final Result solved = solve(engine, request, validator);
    final EngineConfig plain =
        new EngineConfig(
            Math.min(config.maxHops(), BASELINE_MAX_HOPS),
            config.deadlineSlackMillis(),
            config.settlementGasOverhead(),
            false);
    final Result baseline =
        solve(
            new CowSolver(plain, clock, NativeToken.MAINNET, CowSolver.Routing.BEST_SINGLE_PATH),
            request,
            validator);
    return new AuctionComparison(solved, baseline);
  }

  private static Result solve(
      final AuctionSolver solver, final byte[] request, final SolutionValidator validator)
      throws BadRequestException {
    final StageTimes times = new StageTimes();
    final List<Solution> solutions = SolutionJson.read(solver.solve(request, times));
    return new Result(solutions, validator.validate(solutions), times);
  }
}
