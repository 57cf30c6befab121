package io.sextant.solver.api;

/**
 * Solves CoW Protocol batch auctions: what {@code serve}, {@code solve}, {@code demo} and {@code
 * replay} call. Implementations are thread-safe and deterministic: the same request body, state and
 * configuration give the same response bytes (timings go to the {@link SolveTrace}, never into the
 * response), so the journal can replay decisions bit for bit.
 */
public interface AuctionSolver {
  /**
   * Solves one auction given as a {@code POST /solve} request body and returns the response body
   * (UTF-8 JSON, {@code {"solutions":[...]}}). Answers before the auction's deadline less the
   * configured slack with the best solutions found so far; a request already past it gets {@code
   * {"solutions":[]}}.
   *
   * @throws BadRequestException the body is not a valid auction; the exception names the field
   */
  byte[] solve(byte[] request, SolveTrace trace) throws BadRequestException;
}
