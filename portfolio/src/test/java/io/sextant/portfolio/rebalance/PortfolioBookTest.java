package io.sextant.portfolio.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sextant.portfolio.lp.UniswapV2Position;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioBookTest {
  @Test
  void shouldCountLpHoldingsAndLoansInExposureAndRepayToTheBuffer() {
    final List<PortfolioBook.Loan> loans = new ArrayList<>();
    // 10 WETH collateral at 2000, LT 0.8, 12,000 USDC debt: HF = 16,000 / 12,000 = 1.333.
    loans.add(new PortfolioBook.Loan(1, 10, 0, 12_000, 0.8));
    final PortfolioBook book =
        new PortfolioBook(
            0,
            new double[] {20_000, 5},
            List.of(new PortfolioBook.Lp(1, new UniswapV2Position(100), null)),
            loans);
    final double[] p = {1, 2000};
    final double[] e = book.exposures(p);
    // LP at P = 2000: x = 100/√2000 WETH, y = 100·√2000 USDC.
    assertEquals(20_000 + 100 * Math.sqrt(2000) - 12_000, e[0], 1e-9);
    assertEquals((5 + 10 + 100 / Math.sqrt(2000)) * 2000, e[1], 1e-9);
    final double valueBefore = book.value(p);
    // Repay to HF 1.6: debt ≤ 16,000 / 1.6 = 10,000, so 2,000 repaid from free USDC.
    assertEquals(2_000, book.repaymentFloors(p, 1.6)[0], 1e-9);
    assertEquals(2_000, book.repay(p, 1.6), 1e-9);
    assertEquals(1.6, book.loans().get(0).at(p).healthFactor(), 1e-12);
    assertEquals(18_000, book.free(0), 1e-9);
    assertEquals(valueBefore, book.value(p), 1e-9); // a repayment leaves net value unchanged
  }
}
