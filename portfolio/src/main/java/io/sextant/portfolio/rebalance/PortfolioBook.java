package io.sextant.portfolio.rebalance;

import io.sextant.portfolio.collateral.LendingPosition;
import io.sextant.portfolio.config.PortfolioSpec;
import io.sextant.portfolio.lp.UniswapV2Position;
import io.sextant.portfolio.lp.UniswapV3Position;
import java.util.ArrayList;
import java.util.List;

/**
 * What a portfolio holds: free token amounts (tradeable), LP positions (each a risky asset against
 * the quote asset; not traded, their holdings count as exposure) and collateralised borrows
 * (collateral counts as exposure, debt against it). Amounts are whole tokens, prices quote units
 * per whole token. Mutable (trades and repayments change it); cold path.
 */
public final class PortfolioBook {
  private final int quote;
  private final double[] free;
  private final List<Lp> lps;
  private final List<Loan> loans;

  /** An LP position of {@code asset} against the quote asset (exactly one of v2, v3 non-null). */
  public record Lp(int asset, UniswapV2Position v2, UniswapV3Position v3) {
    /** Risky holding at price p. */
    public double risky(final double p) {
      return v2 != null ? v2.riskyAmount(p) : v3.riskyAmount(p);
    }

    /** Quote holding at price p. */
    public double quoteAmount(final double p) {
      return v2 != null ? v2.numeraireAmount(p) : v3.numeraireAmount(p);
    }

    /** Value at p. */
    public double value(final double p) {
      return v2 != null ? v2.value(p) : v3.value(p);
    }

    /** ∂V/∂P. */
    public double delta(final double p) {
      return v2 != null ? v2.delta(p) : v3.delta(p);
    }

    /** ∂²V/∂P². */
    public double gamma(final double p) {
      return v2 != null ? v2.gamma(p) : v3.gamma(p);
    }

    /** LVR per unit time for σ per √time. */
    public double lvr(final double p, final double sigma) {
      return v2 != null ? v2.lvrRate(p, sigma) : v3.lvrRate(p, sigma);
    }
  }

  /** A borrow: mutable amounts (repayments reduce the debt). */
  public static final class Loan {
    final int collateral;
    final int debt;
    final double collateralAmount;
    final double liquidationThreshold;
    double debtAmount;

    Loan(final int collateral, final double ca, final int debt, final double da, final double lt) {
      this.collateral = collateral;
      this.collateralAmount = ca;
      this.debt = debt;
      this.debtAmount = da;
      this.liquidationThreshold = lt;
    }

    /** The position at {@code prices}. */
    public LendingPosition at(final double[] prices) {
      return new LendingPosition(
          collateralAmount, prices[collateral], debtAmount, prices[debt], liquidationThreshold);
    }

    /** Collateral asset. */
    public int collateral() {
      return collateral;
    }

    /** Debt asset. */
    public int debt() {
      return debt;
    }

    /** Debt owed, whole tokens. */
    public double debtAmount() {
      return debtAmount;
    }

    /** Debt units to repay so that the health factor reaches {@code minHealthFactor}. */
    public double repayFor(final double[] prices, final double minHealthFactor) {
      final double allowed =
          collateralAmount
              * prices[collateral]
              * liquidationThreshold
              / (minHealthFactor * prices[debt]);
      return Math.max(0, debtAmount - allowed);
    }
  }

  /** The book a specification describes. */
  public static PortfolioBook of(final PortfolioSpec spec) {
    final double[] free = new double[spec.assets().size()];
    for (int i = 0; i < free.length; i++) {
      free[i] = spec.assets().get(i).amount();
    }
    final List<Lp> lps = new ArrayList<>();
    for (PortfolioSpec.LpPosition p : spec.lpPositions()) {
      lps.add(
          p.kind().equals("uniswapV2")
              ? new Lp(p.asset(), new UniswapV2Position(p.liquidity()), null)
              : new Lp(
                  p.asset(),
                  null,
                  new UniswapV3Position(
                      p.liquidity(), Math.sqrt(p.lowerPrice()), Math.sqrt(p.upperPrice()))));
    }
    final List<Loan> loans = new ArrayList<>();
    for (PortfolioSpec.LendingSpec l : spec.lendingPositions()) {
      loans.add(
          new Loan(
              l.collateral(),
              l.collateralAmount(),
              l.debt(),
              l.debtAmount(),
              l.liquidationThreshold()));
    }
    return new PortfolioBook(spec.quote(), free, lps, loans);
  }

  /** A book from its parts; {@code free} is copied. */
  public PortfolioBook(
      final int quote, final double[] free, final List<Lp> lps, final List<Loan> loans) {
    this.quote = quote;
    this.free = free.clone();
    this.lps = List.copyOf(lps);
    this.loans = loans;
  }

  /** A deep copy (for running several strategies from one start). */
  public PortfolioBook copy() {
    final List<Loan> l = new ArrayList<>();
    for (Loan x : loans) {
      l.add(
          new Loan(x.collateral, x.collateralAmount, x.debt, x.debtAmount, x.liquidationThreshold));
    }
    return new PortfolioBook(quote, free, lps, l);
  }

  /** Number of assets. */
  public int size() {
    return free.length;
  }

  /** The quote asset. */
  public int quote() {
    return quote;
  }

  /** Free amount of {@code asset}, whole tokens. */
  public double free(final int asset) {
    return free[asset];
  }

  /** Adds {@code units} (may be negative) to the free amount of {@code asset}. */
  public void addFree(final int asset, final double units) {
    free[asset] += units;
  }

  /** LP positions. */
  public List<Lp> lps() {
    return lps;
  }

  /** Borrows. */
  public List<Loan> loans() {
    return loans;
  }

  /** Value of free holdings per asset. */
  public double[] freeValues(final double[] prices) {
    final double[] v = new double[free.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = free[i] * prices[i];
    }
    return v;
  }

  /** Net exposure per asset: free + LP holdings + collateral − debt, valued at {@code prices}. */
  public double[] exposures(final double[] prices) {
    final double[] e = freeValues(prices);
    for (Lp p : lps) {
      final double px = prices[p.asset()] / prices[quote];
      e[p.asset()] += p.risky(px) * prices[p.asset()];
      e[quote] += p.quoteAmount(px) * prices[quote];
    }
    for (Loan l : loans) {
      e[l.collateral] += l.collateralAmount * prices[l.collateral];
      e[l.debt] -= l.debtAmount * prices[l.debt];
    }
    return e;
  }

  /** Net value (sum of exposures). */
  public double value(final double[] prices) {
    double s = 0;
    for (double x : exposures(prices)) {
      s += x;
    }
    return s;
  }

  /**
   * Floors on free holdings (values) so that every borrow can be repaid down to {@code
   * minHealthFactor}; null when no borrow needs it.
   */
  public double[] repaymentFloors(final double[] prices, final double minHealthFactor) {
    double[] floors = null;
    for (Loan l : loans) {
      final double repay = l.repayFor(prices, minHealthFactor);
      if (repay > 0) {
        if (floors == null) {
          floors = new double[free.length];
        }
        floors[l.debt] += repay * prices[l.debt];
      }
    }
    return floors;
  }

  /**
   * Repays every borrow below {@code minHealthFactor} from free holdings of its debt token, as far
   * as they go; returns the debt value repaid. Net exposure is unchanged by a repayment.
   */
  public double repay(final double[] prices, final double minHealthFactor) {
    double repaid = 0;
    for (Loan l : loans) {
      final double r = Math.min(l.repayFor(prices, minHealthFactor), Math.max(0, free[l.debt]));
      if (r > 0) {
        l.debtAmount -= r;
        free[l.debt] -= r;
        repaid += r * prices[l.debt];
      }
    }
    return repaid;
  }
}
