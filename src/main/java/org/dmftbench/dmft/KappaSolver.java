package org.dmftbench.dmft;

import java.lang.foreign.MemorySegment;
import java.util.Locale;
import org.dmftbench.Tolerances;
import org.dmftbench.Tuning;
import org.dmftbench.kernels.ComplexKernels;
import org.dmftbench.model.Problem;

/**
 * Solves the DMFT self-consistency z = κ(1 − df₁(κ)/P), df₁(κ) = Σ_k λ_k/(λ_k + κ) (spec §3.2).
 *
 * <p>Real z &gt; 0: the physical root is the unique κ &gt; 0 with positive factor 1 − df₁(κ)/P; since
 * 0 ≤ df₁(κ) ≤ Σλ/κ it lies in [z, z + Σλ/P], where g(κ) = κ(1 − df₁/P) is increasing, and a
 * bracketed Newton (bisection whenever Newton leaves the bracket) finds it. This avoids the
 * spurious root that Newton from κ = z reaches when P &lt; N, γ = 0 and z is small.
 *
 * <p>Complex z along a contour: continuation from the real node outwards. Each step starts from the
 * Euler predictor κ + Δz/g'(κ) (g'(κ) = 1 − D₂(κ,κ)/P is dκ/dz's inverse), iterates Newton until the
 * residual |z − g(κ)| ≤ {@link Tolerances#KAPPA_RESIDUAL}|z|, and halves the step when Newton needs
 * too many iterations or wanders further from the predictor than the step itself (a branch jump).
 * Failure is an {@link IllegalStateException} naming z.
 */
public final class KappaSolver {

  private final ComplexKernels kernels;
  private final MemorySegment lam;
  private final long off;
  private final int n;
  private final double invP;
  private final double sumLambda;
  private final double[] sums = new double[ComplexKernels.NEWTON_SUMS];

  /** g'(κ) = 1 − D₂(κ,κ)/P at the last accepted κ (the predictor's slope). */
  private double gpRe = 1;
  private double gpIm;

  /** Newton iterations performed so far (a cost figure). */
  private long iterations;

  public KappaSolver(Problem problem, ComplexKernels kernels) {
    this.kernels = kernels;
    this.lam = problem.spectrum().lambda().segment();
    this.off = problem.spectrum().lambda().offset();
    this.n = problem.spectrum().modes();
    this.invP = problem.invP();
    this.sumLambda = problem.spectrum().sumLambda();
  }

  public long iterations() {
    return iterations;
  }

  private void sums(double kRe, double kIm) {
    kernels.newtonSums(n, lam, off, kRe, kIm, sums);
    iterations++;
  }

  /** The unique positive root κ of κ(1 − df₁(κ)/P) = z for real z &gt; 0. */
  public double solveReal(double z) {
    return solveReal(z, false);
  }

  /**
   * κ₀ of the static limit, the root of κ(1 − df₁(κ)/P) = γ for γ &gt; 0: as {@link #solveReal}, but
   * a bracket collapsed to two ulps of κ is accepted whatever the residual. For γ ≪ κ₀ (tiny weight
   * decay with P &lt; N) the residual is a difference of two numbers of size κ₀, its rounding
   * (~u·κ₀) exceeds any bound relative to γ, and κ₀ is nonetheless known to rounding.
   */
  public double solveStatic(double gamma) {
    return solveReal(gamma, true);
  }

  private double solveReal(double z, boolean toRounding) {
    if (!(z > 0) || !Double.isFinite(z)) {
      throw new IllegalArgumentException("kappa: real z must be finite and > 0, got " + z);
    }
    if (invP == 0) {
      return z;
    }
    double lo = z;
    double hi = z + sumLambda * invP;
    double k = hi;
    for (int it = 0; it < 400; it++) {
      sums(k, 0);
      double g = k * (1 - sums[0] * invP) - z;
      if (Math.abs(g) <= Tolerances.KAPPA_RESIDUAL * 0.1 * z) {
        return accept(k);
      }
      if (g > 0) {
        hi = k;
      } else {
        lo = k;
      }
      if (hi - lo <= 2 * Math.ulp(hi)) {
        return toRounding || Math.abs(g) <= Tolerances.KAPPA_RESIDUAL_MAX * z ? accept(k) : fail(z, 0, "bracket collapsed with residual " + g);
      }
      double dg = 1 - sums[2] * invP;
      double next = k - g / dg;
      k = (next > lo && next < hi && dg > 0) ? next : 0.5 * (lo + hi);
    }
    return fail(z, 0, "no convergence in 400 bracketed Newton steps");
  }

  private double accept(double k) {
    gpRe = 1 - sums[2] * invP;
    gpIm = -sums[3] * invP;
    return k;
  }

  /**
   * Solves at the nodes z_0 (real &gt; 0), z_1, ..., z_{m−1} by continuation from z_0, writing κ_j.
   */
  public void solveContour(double[] zRe, double[] zIm, int m, double[] kRe, double[] kIm) {
    if (zIm[0] != 0) {
      throw new IllegalArgumentException("continuation must start on the real axis, got Im z0 = " + zIm[0]);
    }
    kRe[0] = solveReal(zRe[0]);
    kIm[0] = 0;
    double[] k = {kRe[0], 0};
    for (int j = 1; j < m; j++) {
      if (invP == 0) {
        kRe[j] = zRe[j];
        kIm[j] = zIm[j];
        continue;
      }
      continueTo(zRe[j - 1], zIm[j - 1], zRe[j], zIm[j], k, 0);
      kRe[j] = k[0];
      kIm[j] = k[1];
    }
  }

  /** Moves the solution k (at z = a) to z = b, halving the step when needed. */
  private void continueTo(double aRe, double aIm, double bRe, double bIm, double[] k, int depth) {
    if (tryStep(aRe, aIm, bRe, bIm, k)) {
      return;
    }
    if (depth >= Tuning.KAPPA_MAX_HALVINGS) {
      fail(bRe, bIm, "continuation step could not be shortened enough");
    }
    double mRe = 0.5 * (aRe + bRe), mIm = 0.5 * (aIm + bIm);
    continueTo(aRe, aIm, mRe, mIm, k, depth + 1);
    continueTo(mRe, mIm, bRe, bIm, k, depth + 1);
  }

  /** One continuation step with Newton; on success updates k and returns true. */
  private boolean tryStep(double aRe, double aIm, double bRe, double bIm, double[] k) {
    double dzRe = bRe - aRe, dzIm = bIm - aIm;
    double den = gpRe * gpRe + gpIm * gpIm;
    double pRe = k[0] + (dzRe * gpRe + dzIm * gpIm) / den;
    double pIm = k[1] + (dzIm * gpRe - dzRe * gpIm) / den;
    double stepLen = Math.hypot(pRe - k[0], pIm - k[1]);
    double zAbs = Math.hypot(bRe, bIm);
    double xRe = pRe, xIm = pIm;
    for (int it = 0; it < Tuning.KAPPA_NEWTON_ITERATIONS; it++) {
      sums(xRe, xIm);
      double fRe = 1 - sums[0] * invP, fIm = -sums[1] * invP;
      double rRe = xRe * fRe - xIm * fIm - bRe;
      double rIm = xRe * fIm + xIm * fRe - bIm;
      if (Math.hypot(rRe, rIm) <= Tolerances.KAPPA_RESIDUAL * zAbs) {
        k[0] = xRe;
        k[1] = xIm;
        gpRe = 1 - sums[2] * invP;
        gpIm = -sums[3] * invP;
        return true;
      }
      double dRe = 1 - sums[2] * invP, dIm = -sums[3] * invP;
      double dd = dRe * dRe + dIm * dIm;
      double stepRe = (rRe * dRe + rIm * dIm) / dd, stepIm = (rIm * dRe - rRe * dIm) / dd;
      if (Math.hypot(stepRe, stepIm) <= 8 * Tolerances.U * Math.hypot(xRe, xIm)
          && Math.hypot(rRe, rIm) <= Tolerances.KAPPA_RESIDUAL_MAX * zAbs) {
        // at the rounding floor of the residual (|z| ≪ |κ|): accept what the contract allows
        k[0] = xRe;
        k[1] = xIm;
        gpRe = dRe;
        gpIm = dIm;
        return true;
      }
      xRe -= stepRe;
      xIm -= stepIm;
      if (!Double.isFinite(xRe) || !Double.isFinite(xIm) || Math.hypot(xRe - pRe, xIm - pIm) > stepLen + 1e-3 * Math.hypot(pRe, pIm)) {
        return false;   // diverging or heading for another branch
      }
    }
    return false;
  }

  /** |z − κ(1 − df₁(κ)/P)| / |z| at the given κ and z (an independent check of a solution). */
  public double relativeResidual(double kRe, double kIm, double zRe, double zIm) {
    sums(kRe, kIm);
    double fRe = 1 - sums[0] * invP, fIm = -sums[1] * invP;
    double rRe = kRe * fRe - kIm * fIm - zRe;
    double rIm = kRe * fIm + kIm * fRe - zIm;
    return Math.hypot(rRe, rIm) / Math.hypot(zRe, zIm);
  }

  /**
   * κ₀ &gt; 0 with df₁(κ₀) = P (the ridgeless static limit for P &lt; N): bisection on log κ polished by
   * Newton, df₁ decreasing from N (κ → 0) to 0, bracket [κ_lo, Σλ/P].
   */
  public double solveDf1EqualsP(double p) {
    if (!(p < n)) {
      throw new IllegalArgumentException("df1(kappa) = P has a positive root only when P < N (P = " + p + ", N = " + n + ")");
    }
    double hi = sumLambda / p;
    double lo = hi;
    for (int i = 0; i < 4000; i++) {
      lo *= 0.5;
      sums(lo, 0);
      if (sums[0] > p) {
        break;
      }
      if (lo == 0) {
        return fail(0, 0, "no bracket for df1(kappa) = P");
      }
    }
    double k = Math.sqrt(lo * hi);
    for (int it = 0; it < 500; it++) {
      sums(k, 0);
      double h = sums[0] - p;
      if (Math.abs(h) <= Tolerances.STATIC_ROOT * p) {
        return k;
      }
      if (h > 0) {
        lo = k;
      } else {
        hi = k;
      }
      if (hi - lo <= 2 * Math.ulp(hi)) {
        return k;
      }
      double slope = -(sums[0] - sums[2]) / k;    // d df₁/dκ = −Σ λ/(κ+λ)² = −(df₁ − D₂)/κ
      double next = k - h / slope;
      k = (next > lo && next < hi) ? next : Math.sqrt(lo * hi);
    }
    return fail(p, 0, "no convergence for df1(kappa) = P");
  }

  private static double fail(double zRe, double zIm, String why) {
    throw new IllegalStateException(String.format(Locale.ROOT,
        "kappa solver did not converge at z = %.6g%+.6gi: %s", zRe, zIm, why));
  }
}
