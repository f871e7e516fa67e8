package org.dmftbench.dmft;

import java.util.stream.IntStream;
import org.dmftbench.Tuning;
import org.dmftbench.kernels.ComplexKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.model.Problem;

/**
 * Time-domain DMFT integration (spec §3.1), the method independent of the Laplace contours: the mode
 * responses χ_k(t), the collective response R_Δ(t) = Σ λ_k χ_k, the residual response ρ (χ_r = δ + ρ)
 * and the mean trajectories Δ̄_k(t), on the uniform grid t_n = n h, n = 0..M:
 * <pre>
 *   dχ_k/dt = −(γ + λ_k) χ_k − λ_k (ρ ∗ χ_k),   χ_k(0) = 1
 *   ρ       = −(R_Δ + R_Δ ∗ ρ)/P
 * </pre>
 * The ODE is advanced by the trapezoidal rule and every convolution by the trapezoidal product rule;
 * the new χ_k^n depend linearly on the new ρ^n, and ρ^n on R^n = Σ λ_k χ_k^n, so each step solves one
 * scalar linear equation exactly (an implicit, A-stable, second-order scheme; the order is measured in
 * the tests by halving h).
 *
 * <p>Mean trajectories (w(0) = 0): y_k = Δ̄_k/w̄_k obeys dy/dt = −γ − (γ+λ)y − λ ρ ∗ y, y(0) = −1,
 * whose solution is y_k = −χ_k − γ ∫₀ᵗ χ_k (integrate χ_k's equation once to check), accumulated here
 * with the trapezoidal rule; the bias part is Σ_k λ_k Δ̄_k² = Σ_k c_k y_k². The temperature and
 * initialization terms are T ∫₀^{2t} R_Δ and σ0² R_Δ(2t).
 *
 * <p>The history sums Σ_m ρ^{n−m} χ^m cost O(M² N): slices χ^m are stored contiguous in k, and the
 * part of the history whose lags are already known for a whole block of future steps is added block
 * by block with the register-blocked {@link ComplexKernels#lagConvolution} kernel (parallel over mode
 * strips), the rest step by step.
 */
public final class TimeDomainSolver {

  private static final int BLOCK = Tuning.TIME_DOMAIN_BLOCK;

  /** Width of a packed mode strip (a multiple of every vector width up to 512 bits, ×2). */
  private static final int PACK = 16;

  /**
   * Grid values: t[n] = n h; rDelta, rho, bias, integral of R_Δ from 0 to t_n.
   */
  public record Solution(double h, double[] t, double[] rDelta, double[] rho, double[] bias, double[] rIntegral) {

    /** Linear interpolation of a grid quantity at time s in [0, t_M]. */
    public double at(double[] values, double s) {
      double x = s / h;
      int i = (int) Math.floor(x);
      if (i < 0 || s > t[t.length - 1] * (1 + 1e-12)) {
        throw new IllegalArgumentException("time " + s + " outside the grid [0, " + t[t.length - 1] + "]");
      }
      if (i >= values.length - 1) {
        return values[values.length - 1];
      }
      double f = x - i;
      return values[i] + f * (values[i + 1] - values[i]);
    }
  }

  private final Problem problem;
  private final ComplexKernels kernels;

  public TimeDomainSolver(Problem problem) {
    this(problem, Kernels.complex());
  }

  public TimeDomainSolver(Problem problem, ComplexKernels kernels) {
    this.problem = problem;
    this.kernels = kernels;
  }

  /** Integrates over [0, tEnd] with {@code steps} uniform steps. */
  public Solution solve(double tEnd, int steps) {
    if (!(tEnd > 0) || !Double.isFinite(tEnd)) {
      throw new IllegalArgumentException("time-domain end time must be finite and > 0, got " + tEnd);
    }
    if (steps < 2) {
      throw new IllegalArgumentException("time-domain integration needs >= 2 steps, got " + steps);
    }
    int n = problem.spectrum().modes();
    long cells = 2L * (steps + 1) * (n + 16);
    if (cells > 400_000_000L) {
      throw new IllegalArgumentException("time-domain history of " + (steps + 1) + " steps x " + n
          + " modes is too large (at most 2e8 cells, stored twice): reduce --steps or N");
    }
    double[] lam = problem.spectrum().lambda().toArray();
    double[] c = problem.spectrum().c().toArray();
    double gamma = problem.gamma(), invP = problem.invP(), h = tEnd / steps;
    int m = steps;
    double[] chi = new double[(m + 1) * n];
    double[] rho = new double[m + 1];
    double[] r = new double[m + 1];
    double[] bias = new double[m + 1];
    double[] rInt = new double[m + 1];
    double[] f = new double[n];          // f^{n−1} = dχ/dt at the previous step
    double[] cum = new double[n];        // ∫₀ᵗ χ_k (trapezoidal)
    double[] a = new double[n];
    int strips = (n + PACK - 1) / PACK;
    int nPad = strips * PACK;
    // the history again, strip-major: strip s holds rows m = 0..M of PACK modes contiguously, so that
    // the far-history kernel streams unit-stride memory instead of rows 8N bytes apart
    double[] packed = new double[strips * (m + 1) * PACK];
    double[] hist = new double[BLOCK * nPad];
    double r0 = 0;
    for (int k = 0; k < n; k++) {
      chi[k] = 1;
      packed[(k / PACK) * (m + 1) * PACK + k % PACK] = 1;
      r0 += lam[k];
      f[k] = -(gamma + lam[k]);
    }
    r[0] = r0;
    rho[0] = -r0 * invP;
    bias[0] = problem.spectrum().sumC();
    double half = 0.5 * h;
    double h2 = h * h;
    for (int n0 = 1; n0 <= m; n0 += BLOCK) {
      int n1 = Math.min(n0 + BLOCK, m + 1);
      java.util.Arrays.fill(hist, 0, (n1 - n0) * nPad, 0.0);
      // far history m' in [BLOCK, n0 − 1]: lags ≤ n0 − 1 for every step of the block, all known
      if (n0 > BLOCK) {
        farHistory(strips, m + 1, nPad, packed, rho, n0, n1, hist);
      }
      for (int t = n0; t < n1; t++) {
        int ho = (t - n0) * nPad;
        // near history: [1, t) minus the far part [BLOCK, n0)
        if (n0 > BLOCK) {
          kernels.lagConvolution(n, chi, 0, n, 1, BLOCK, rho, t, t + 1, hist, ho, n);
          if (n0 < t) {
            kernels.lagConvolution(n, chi, 0, n, n0, t, rho, t, t + 1, hist, ho, n);
          }
        } else if (t > 1) {
          kernels.lagConvolution(n, chi, 0, n, 1, t, rho, t, t + 1, hist, ho, n);
        }
        // χ^t = a_k + b_k ρ^t
        double sumA = 0, sumB = 0;
        int prev = (t - 1) * n;
        for (int k = 0; k < n; k++) {
          double l = lam[k];
          double den = 1 + half * (gamma + l) + l * h2 * rho[0] / 4;
          a[k] = (chi[prev + k] + half * f[k] - 0.5 * h2 * l * hist[ho + k]) / den;
          double bk = -0.25 * h2 * l / den;
          sumA += l * a[k];
          sumB += l * bk;
        }
        double q = 0;
        for (int j = 1; j < t; j++) {
          q += r[t - j] * rho[j];
        }
        double e = 1 + half * rho[0];
        double rt = -invP * (sumA * e + h * q) / (1 + invP * (sumB * e + half * r0));
        rho[t] = rt;
        int cur = t * n;
        double rsum = 0, bsum = 0;
        for (int k = 0; k < n; k++) {
          double l = lam[k];
          double den = 1 + half * (gamma + l) + l * h2 * rho[0] / 4;
          double x = a[k] - 0.25 * h2 * l / den * rt;
          chi[cur + k] = x;
          packed[((k / PACK) * (m + 1) + t) * PACK + k % PACK] = x;
          double integral = h * hist[ho + k] + half * rt + half * rho[0] * x;
          f[k] = -(gamma + l) * x - l * integral;
          cum[k] += half * (chi[prev + k] + x);
          double y = -x - gamma * cum[k];
          rsum += l * x;
          bsum += c[k] * y * y;
        }
        r[t] = rsum;
        bias[t] = bsum;
        rInt[t] = rInt[t - 1] + half * (r[t - 1] + rsum);
      }
    }
    double[] ts = new double[m + 1];
    for (int i = 0; i <= m; i++) {
      ts[i] = i * h;
    }
    return new Solution(h, ts, r, rho, bias, rInt);
  }

  /** Far history m ∈ [BLOCK, n0) of the steps [n0, n1), mode strips split across the cores. */
  private void farHistory(int strips, int rows, int nPad, double[] packed, double[] rho, int n0, int n1,
                          double[] hist) {
    int parts = strips >= 8 ? 2 : 1;
    IntStream.range(0, parts).parallel().forEach(part -> {
      int s0 = part * strips / parts, s1 = (part + 1) * strips / parts;
      for (int st = s0; st < s1; st++) {
        kernels.lagConvolution(PACK, packed, st * rows * PACK, PACK, BLOCK, n0, rho, n0, n1, hist, st * PACK, nPad);
      }
    });
  }
}
