package org.dmftbench.sim;

/**
 * The closed-form limits of the typical-case theory (spec §3.3), used for the scaling sweeps and as
 * an independent check of the experiment: the static limit t → ∞ through the scalar κ₀, and the
 * population limit P → ∞ at every t.
 *
 * <p>Spectra are given as arrays λ_k, c_k (k = 1..N) plus the tail τ; every quantity is one O(N)
 * pass over the modes.
 */
public final class LimitTheory {

  /** Iteration cap of the safeguarded Newton solve for κ₀ (each iteration is one O(N) pass). */
  private static final int MAX_ITERATIONS = 200;

  private final double[] lambda;
  private final double[] c;
  private final double tail;
  private final double sumLambda;

  public LimitTheory(double[] lambda, double[] c, double tail) {
    if (lambda.length != c.length || lambda.length == 0) {
      throw new IllegalArgumentException("spectrum arrays must be non-empty and of equal length");
    }
    this.lambda = lambda;
    this.c = c;
    this.tail = tail;
    double s = 0;
    for (double l : lambda) {
      s += l;
    }
    this.sumLambda = s;
  }

  /** The theory for a problem's spectrum. */
  public static LimitTheory of(SimSetup s) {
    return new LimitTheory(s.lambda(), s.c(), s.tail());
  }

  /** Power-law spectrum of N modes (λ_1 k^-(1+α), c_1 k^-(1+β)) with tail up to M (see {@link PowerLaw#tailSum}). */
  public static LimitTheory powerLaw(int n, long m, double alpha, double beta, double lambda1, double c1) {
    PowerLaw.check(n, alpha, beta, lambda1, c1);
    double[] lam = new double[n];
    double[] cc = new double[n];
    for (int k = 1; k <= n; k++) {
      lam[k - 1] = lambda1 * Math.pow(k, -(1 + alpha));
      cc[k - 1] = c1 * Math.pow(k, -(1 + beta));
    }
    return new LimitTheory(lam, cc, PowerLaw.tailSum(n, m, beta, c1));
  }

  public int modes() {
    return lambda.length;
  }

  public double tail() {
    return tail;
  }

  /** df₁(κ) = Σ λ_k/(λ_k + κ). */
  public double df1(double kappa) {
    double s = 0;
    for (double l : lambda) {
      s += l / (l + kappa);
    }
    return s;
  }

  /**
   * κ₀ &gt; 0 solving γ = κ₀(1 − df₁(κ₀)/P) (spec §3.3); ridgeless (γ = 0) with P &lt; N it solves
   * df₁(κ₀) = P, and with P ≥ N it is 0. Solved in x = ln κ by Newton's method safeguarded by
   * bisection on a bracket (Numerical Recipes' rtsafe), to full double precision.
   *
   * @throws ArithmeticException when the iteration does not converge
   */
  public double kappa0(double p, double gamma) {
    int n = lambda.length;
    if (gamma == 0 && p >= n) {
      return 0;
    }
    // Root of F(x) in x = ln κ, F increasing with F(lo) < 0 < F(hi).
    double lo;
    double hi;
    if (gamma == 0) {
      lo = Math.log(Double.MIN_NORMAL);
      hi = Math.log(sumLambda / p * 2 + Double.MIN_NORMAL);
    } else {
      lo = Math.log(Math.min(gamma, Double.MIN_NORMAL));
      hi = Math.log(gamma + sumLambda / p + gamma * 1e-3 + Double.MIN_NORMAL);
    }
    double x = 0.5 * (lo + hi);
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double kappa = Math.exp(x);
      double df = 0;
      double d2 = 0;
      for (double l : lambda) {
        double q = l / (l + kappa);
        df += q;
        d2 += q * q;
      }
      double f;
      double dfdx;
      if (gamma == 0) {
        f = p - df;                          // increasing in κ
        dfdx = df - d2;                      // κ·d/dκ(−df₁) = Σ λκ/(λ+κ)² = df₁ − D₂
      } else {
        f = kappa * (1 - df / p) - gamma;
        dfdx = kappa * (1 - d2 / p);         // κ·dF/dκ = κ(1 − D₂/P)
      }
      if (f < 0) {
        lo = x;
      } else {
        hi = x;
      }
      double next = dfdx > 0 ? x - f / dfdx : Double.NaN;
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi);
      }
      if (Math.abs(next - x) <= 4 * Math.ulp(Math.max(1, Math.abs(x))) || hi - lo <= 4 * Math.ulp(Math.max(1, Math.abs(x)))) {
        return Math.exp(next);
      }
      x = next;
    }
    throw new ArithmeticException("kappa_0 iteration did not converge for P = " + p + ", gamma = " + gamma);
  }

  /**
   * E_g(∞) of spec §3.3: [Σ c_k κ₀²/(κ₀+λ_k)² + σ_eff² D₂/P] / (1 − D₂/P) + T κ₀ df₁(κ₀)/γ + τ with
   * D₂ = Σ λ_k²/(κ₀+λ_k)² and σ_eff² = σ² + τ; ridgeless with P &gt; N: σ_eff² N/(P − N) + τ.
   */
  public double staticError(double p, double gamma, double noise, double temperature) {
    if (!(p > 0)) {
      throw new IllegalArgumentException("P must be > 0, got " + p);
    }
    double sigmaEff2 = noise + tail;
    int n = lambda.length;
    if (gamma == 0 && p >= n) {
      if (p == n) {
        throw new IllegalArgumentException("ridgeless E_g(inf) diverges at the interpolation threshold P = N = " + n);
      }
      return sigmaEff2 * n / (p - n) + tail;
    }
    if (temperature > 0 && gamma == 0) {
      throw new IllegalArgumentException("Langevin dynamics needs weight decay gamma > 0 for a t -> inf limit");
    }
    double kappa = kappa0(p, gamma);
    double bias = 0;
    double d2 = 0;
    double df = 0;
    for (int k = 0; k < n; k++) {
      double l = lambda[k];
      double q = kappa / (kappa + l);
      double r = l / (kappa + l);
      bias += c[k] * q * q;
      d2 += r * r;
      df += r;
    }
    double e = (bias + sigmaEff2 * d2 / p) / (1 - d2 / p);
    if (temperature > 0) {
      e += temperature * kappa * df / gamma;
    }
    return e + tail;
  }

  /**
   * The population (P → ∞) learning curve of spec §3.3:
   * Σ c_k [γ/(γ+λ_k) + λ_k/(γ+λ_k) e^{−(γ+λ_k)t}]² + T Σ λ_k (1 − e^{−2(γ+λ_k)t})/(γ+λ_k)
   * + σ0² Σ λ_k e^{−2(γ+λ_k)t} + τ.
   */
  public double populationError(double t, double gamma, double temperature, double initVariance) {
    double s = 0;
    for (int k = 0; k < lambda.length; k++) {
      double l = lambda[k];
      double g = gamma + l;
      double e = Math.exp(-g * t);
      double a = (gamma + l * e) / g;
      s += c[k] * a * a;
      if (temperature > 0) {
        s += temperature * l * (-Math.expm1(-2 * g * t)) / g;
      }
      if (initVariance > 0) {
        s += initVariance * l * e * e;
      }
    }
    return s + tail;
  }
}
