package org.dmftbench.dmft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.dmftbench.Tolerances;
import org.dmftbench.Tuning;
import org.dmftbench.kernels.ComplexKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.model.Problem;

/**
 * The contour (Laplace) method of spec §3.2 and §4: E_g(t), the mean-predictor error, E_tr(t), the
 * bias part, R_Δ(t) and the temperature and initialization terms, by numerical inversion on
 * Weideman–Trefethen parabolas.
 *
 * <p>Per contour: κ at the n + 1 nodes of the upper half (conjugate symmetry gives the rest), one
 * pass of resolvent moments per node, then the bilinear forms for every node pair by divided
 * differences, exact partial fractions
 * <pre>
 *   B(κ_a,κ_b)  = κ_a κ_b (S_c(κ_a) − S_c(κ_b)) / (κ_b − κ_a),   S_c(κ) = Σ c_k/(κ+λ_k)
 *   D₂(κ_a,κ_b) = (S_2(κ_a) − S_2(κ_b)) / (κ_b − κ_a),             S_2(κ) = Σ λ_k²/(κ+λ_k)
 * </pre>
 * which turn the O(n²N) double sum into O(nN). A pair whose rounding bound exceeds
 * {@link Tolerances#DIVIDED_DIFFERENCE} of its value falls back to the fused direct sum
 * ({@link ComplexKernels#pairSums}); the diagonal uses Σ c r², Σ λ² r².
 *
 * <p>One contour built for t_c serves all times t with t/t_c in [{@link Tuning#WINDOW_LOW},
 * {@link Tuning#WINDOW_HIGH}]; every quantity is computed on two contours (n = CONTOUR_NODES and
 * ESTIMATE_NODES) and their difference is the reported error estimate. Windows run in parallel.
 */
public final class ContourSolver {

  private final Problem problem;
  private final ComplexKernels kernels;
  private final double minLambda;
  private volatile double maxResidual;
  private volatile long fallbackPairs;
  private volatile long contours;
  private volatile long newtonPasses;

  public ContourSolver(Problem problem) {
    this(problem, Kernels.complex());
  }

  public ContourSolver(Problem problem, ComplexKernels kernels) {
    this.problem = problem;
    this.kernels = kernels;
    this.minLambda = minLambda(problem);
  }

  public Problem problem() {
    return problem;
  }

  /** Largest relative κ residual |z − κ(1 − df₁/P)|/|z| over every node solved so far. */
  public double maxKappaResidual() {
    return maxResidual;
  }

  /** Node pairs that needed the direct sum so far. */
  public long fallbackPairs() {
    return fallbackPairs;
  }

  /** Passes over the modes made by the κ solver so far (a cost figure). */
  public long newtonPasses() {
    return newtonPasses;
  }

  /** Contours built so far. */
  public long contours() {
    return contours;
  }

  private static double minLambda(Problem problem) {
    var lam = problem.spectrum().lambda();
    double min = Double.POSITIVE_INFINITY;
    for (int k = 0; k < lam.length(); k++) {
      min = Math.min(min, lam.get(k));
    }
    return min;
  }

  /** E_g(0) = Σ c_k + σ0² Σ λ_k + τ (spec §3.3), exact. */
  public double eg0() {
    return problem.spectrum().sumC() + problem.sigma0Sq() * problem.spectrum().sumLambda() + problem.spectrum().tau();
  }

  /** One learning-curve point (t &gt; 0). */
  public CurvePoint point(double t) {
    return curve(new double[] {t}).get(0);
  }

  /** Learning-curve points at the given times (any order, t &gt; 0, finite), in the given order. */
  public List<CurvePoint> curve(double[] times) {
    for (double t : times) {
      if (!(t > 0) || !Double.isFinite(t)) {
        throw new IllegalArgumentException("times must be finite and > 0, got " + t);
      }
    }
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    List<double[]> windows = new ArrayList<>();
    int i = 0;
    while (i < sorted.length) {
      double tc = sorted[i] / Tuning.WINDOW_LOW;
      int j = i;
      while (j < sorted.length && sorted[j] <= Tuning.WINDOW_HIGH * tc) {
        j++;
      }
      windows.add(Arrays.copyOfRange(sorted, i, j));
      i = j;
    }
    CurvePoint[][] results = new CurvePoint[windows.size()][];
    IntStream.range(0, windows.size()).parallel().forEach(w -> {
      double[] ts = windows.get(w);
      results[w] = window(ts[0] / Tuning.WINDOW_LOW, ts);
    });
    List<CurvePoint> flat = new ArrayList<>();
    for (CurvePoint[] r : results) {
      flat.addAll(Arrays.asList(r));
    }
    List<CurvePoint> out = new ArrayList<>(times.length);
    for (double t : times) {
      out.add(flat.get(Arrays.binarySearch(sorted, t)));
    }
    return out;
  }

  private CurvePoint[] window(double tc, double[] ts) {
    Transforms fine = new Transforms(Tuning.CONTOUR_NODES, tc);
    Transforms coarse = new Transforms(Tuning.ESTIMATE_NODES, tc);
    CurvePoint[] pts = new CurvePoint[ts.length];
    for (int i = 0; i < ts.length; i++) {
      double[] f = fine.evaluate(ts[i]);
      double[] c = coarse.evaluate(ts[i]);
      pts[i] = combine(ts[i], f, c);
    }
    return pts;
  }

  // indices into the evaluation vectors: value, rounding scale
  private static final int C = 0, BIAS = 2, ETR = 4, TINT = 6, S0 = 8, R = 10, LEN = 12;

  private CurvePoint combine(double t, double[] f, double[] c) {
    double temp = problem.temperature(), s0 = problem.sigma0Sq(), tau = problem.spectrum().tau();
    double round = 16 * Tolerances.U;
    double eg = f[C] + temp * f[TINT] + s0 * f[S0] + tau;
    double egC = c[C] + temp * c[TINT] + s0 * c[S0] + tau;
    double egErr = Math.abs(eg - egC) + round * (f[C + 1] + temp * f[TINT + 1] + s0 * f[S0 + 1]);
    double mean = f[C] + s0 * f[S0] + tau;
    double meanC = c[C] + s0 * c[S0] + tau;
    double meanErr = Math.abs(mean - meanC) + round * (f[C + 1] + s0 * f[S0 + 1]);
    boolean etrDefined = temp == 0 && s0 == 0;
    double etr = etrDefined ? f[ETR] : Double.NaN;
    double etrErr = etrDefined ? Math.abs(f[ETR] - c[ETR]) + round * f[ETR + 1] : Double.NaN;
    if (!Double.isFinite(eg) || !Double.isFinite(egErr)) {
      throw new IllegalStateException("contour inversion produced a non-finite E_g(" + t + ") = " + eg + " +- " + egErr
          + " (overflow in the transforms: the time range or the spectrum is outside what double precision resolves)");
    }
    return new CurvePoint(t, eg, egErr, mean, meanErr, etr, etrErr,
        f[BIAS], Math.abs(f[BIAS] - c[BIAS]) + round * f[BIAS + 1],
        f[R], Math.abs(f[R] - c[R]) + round * f[R + 1], temp * f[TINT], s0 * f[S0]);
  }

  private synchronized void record(double residual, long fallbacks, long passes) {
    maxResidual = Math.max(maxResidual, residual);
    newtonPasses += passes;
    fallbackPairs += fallbacks;
    contours++;
  }

  /** Everything one contour knows: node values of the transforms and the pair matrices. */
  private final class Transforms {
    final ParabolicContour contour;
    final int m;
    final double[] cRe, cIm, biasRe, biasIm, etrRe, etrIm;   // (2n+1)² pair functions
    final double[] tiRe, tiIm, rRe, rIm;                     // R̂_Δ/s and R̂_Δ at the nodes
    final double[] wr, wi;

    Transforms(int n, double tc) {
      contour = new ParabolicContour(n, tc);
      m = contour.size();
      double gamma = problem.gamma(), invP = problem.invP(), se2 = problem.sigmaEff2();
      // κ at j = 0..n by continuation
      double[] zRe = new double[n + 1], zIm = new double[n + 1], kRe0 = new double[n + 1], kIm0 = new double[n + 1];
      for (int j = 0; j <= n; j++) {
        zRe[j] = contour.sRe(j) + gamma;
        zIm[j] = contour.sIm(j);
      }
      KappaSolver solver = new KappaSolver(problem, kernels);
      solver.solveContour(zRe, zIm, n + 1, kRe0, kIm0);
      // moments per node, then mirrored to the full index a = j + n
      double[][] mom = new double[n + 1][ComplexKernels.MOMENTS];
      var lam = problem.spectrum().lambda();
      var cs = problem.spectrum().c();
      double worst = 0;
      for (int j = 0; j <= n; j++) {
        kernels.moments(lam.length(), lam.segment(), cs.segment(), lam.offset(), kRe0[j], kIm0[j], mom[j]);
        double[] q = mom[j];
        double fRe = 1 - q[0] * invP, fIm = -q[1] * invP;
        double res = Math.hypot(kRe0[j] * fRe - kIm0[j] * fIm - zRe[j], kRe0[j] * fIm + kIm0[j] * fRe - zIm[j])
            / Math.hypot(zRe[j], zIm[j]);
        worst = Math.max(worst, res);
      }
      if (!(worst <= Tolerances.KAPPA_RESIDUAL_MAX)) {
        throw new IllegalStateException("kappa residual " + worst + " exceeds " + Tolerances.KAPPA_RESIDUAL_MAX
            + " on the contour for t = " + tc);
      }
      double[] kRe = new double[m], kIm = new double[m], sRe = contour.sRe, sIm = contour.sIm;
      double[][] q = new double[m][];
      double[] sg = new double[m];   // +1 upper, −1 mirrored (conjugate)
      for (int a = 0; a < m; a++) {
        int j = Math.abs(a - n);
        sg[a] = a >= n ? 1 : -1;
        kRe[a] = kRe0[j];
        kIm[a] = sg[a] * kIm0[j];
        q[a] = mom[j];
      }
      // node transforms: R̂_Δ = (κ/z) df₁, R̂_Δ/s, χ̂_r = z/κ
      rRe = new double[m];
      rIm = new double[m];
      tiRe = new double[m];
      tiIm = new double[m];
      double[] xrRe = new double[m], xrIm = new double[m];
      for (int a = 0; a < m; a++) {
        double zr = sRe[a] + gamma, zi = sIm[a];
        double[] kz = div(kRe[a], kIm[a], zr, zi);
        double[] rd = mul(kz[0], kz[1], q[a][0], sg[a] * q[a][1]);
        rRe[a] = rd[0];
        rIm[a] = rd[1];
        double[] ti = div(rd[0], rd[1], sRe[a], sIm[a]);
        tiRe[a] = ti[0];
        tiIm[a] = ti[1];
        double[] xr = div(zr, zi, kRe[a], kIm[a]);
        xrRe[a] = xr[0];
        xrIm[a] = xr[1];
      }
      // bilinear forms for every pair (a ≤ b), divided differences or the direct fallback
      int mm = m * m;
      double[] bRe = new double[mm], bIm = new double[mm], dRe = new double[mm], dIm = new double[mm];
      List<int[]> fallback = new ArrayList<>();
      for (int a = 0; a < m; a++) {
        for (int b = a; b < m; b++) {
          double[] r = a == b ? diagonal(kRe[a], kIm[a], q[a], sg[a]) : dividedDifference(kRe, kIm, q, sg, a, b);
          if (r == null) {
            fallback.add(new int[] {a, b});
            continue;
          }
          bRe[a * m + b] = r[0];
          bIm[a * m + b] = r[1];
          dRe[a * m + b] = r[2];
          dIm[a * m + b] = r[3];
        }
      }
      if (!fallback.isEmpty()) {
        fallback = expand(fallback, kRe, kIm, kRe0[0], bRe, bIm, dRe, dIm);
      }
      if (!fallback.isEmpty()) {
        int np = fallback.size();
        double[] xaRe = new double[np], xaIm = new double[np], xbRe = new double[np], xbIm = new double[np];
        for (int p = 0; p < np; p++) {
          int[] ab = fallback.get(p);
          xaRe[p] = kRe[ab[0]];
          xaIm[p] = kIm[ab[0]];
          xbRe[p] = kRe[ab[1]];
          xbIm[p] = kIm[ab[1]];
        }
        double[] out = new double[ComplexKernels.PAIR_SUMS * np];
        kernels.pairSums(lam.length(), lam.segment(), cs.segment(), lam.offset(), xaRe, xaIm, xbRe, xbIm, np, out);
        for (int p = 0; p < np; p++) {
          int[] ab = fallback.get(p);
          int idx = ab[0] * m + ab[1];
          double[] kk = mul(kRe[ab[0]], kIm[ab[0]], kRe[ab[1]], kIm[ab[1]]);
          double[] bb = mul(kk[0], kk[1], out[4 * p], out[4 * p + 1]);
          bRe[idx] = bb[0];
          bIm[idx] = bb[1];
          dRe[idx] = out[4 * p + 2];
          dIm[idx] = out[4 * p + 3];
        }
      }
      record(worst, fallback.size(), solver.iterations());
      // pair functions
      cRe = new double[mm];
      cIm = new double[mm];
      biasRe = new double[mm];
      biasIm = new double[mm];
      etrRe = new double[mm];
      etrIm = new double[mm];
      for (int a = 0; a < m; a++) {
        for (int b = a; b < m; b++) {
          int idx = a * m + b;
          double[] ss = mul(sRe[a], sIm[a], sRe[b], sIm[b]);
          double[] inv = div(1, 0, ss[0], ss[1]);                     // 1/(s_a s_b)
          double[] bias = mul(bRe[idx], bIm[idx], inv[0], inv[1]);
          double numRe = bRe[idx] + se2 * invP * dRe[idx], numIm = bIm[idx] + se2 * invP * dIm[idx];
          double[] den = mul(ss[0], ss[1], 1 - dRe[idx] * invP, -dIm[idx] * invP);
          double[] ch = div(numRe, numIm, den[0], den[1]);
          double[] xx = mul(xrRe[a], xrIm[a], xrRe[b], xrIm[b]);
          double[] et = mul(xx[0], xx[1], ch[0] + se2 * inv[0], ch[1] + se2 * inv[1]);
          set(a, b, biasRe, biasIm, bias);
          set(a, b, cRe, cIm, ch);
          set(a, b, etrRe, etrIm, et);
        }
      }
      wr = new double[m];
      wi = new double[m];
    }

    /**
     * Taylor expansion about μ = κ₀ (real, &gt; 0) for the pairs whose nodes lie within
     * {@link Tuning#EXPANSION_RADIUS}·(μ + λ_N) of μ: with δ = κ − μ and x_k = 1/(μ+λ_k),
     * Σ w_k r_k(κ_a) r_k(κ_b) = Σ_j (−1)^j h_j(δ_a, δ_b) Σ_k w_k x_k^{j+2}, h_j the complete homogeneous
     * polynomial (h_j = δ_a^j + δ_b h_{j−1}). Returns the pairs still unresolved.
     */
    private List<int[]> expand(List<int[]> pairs, double[] kRe, double[] kIm, double mu,
                               double[] bRe, double[] bIm, double[] dRe, double[] dIm) {
      var lam = problem.spectrum().lambda();
      var cs = problem.spectrum().c();
      double d = mu + minLambda;                 // scale: moments of (d x_k)^j ≤ Σ w_k
      double radius = Tuning.EXPANSION_RADIUS * d;
      double[] mom = null;
      int orders = Tuning.EXPANSION_ORDERS;
      List<int[]> rest = new ArrayList<>();
      for (int[] ab : pairs) {
        int a = ab[0], b = ab[1];
        double daRe = kRe[a] - mu, daIm = kIm[a], dbRe = kRe[b] - mu, dbIm = kIm[b];
        if (Math.hypot(daRe, daIm) > radius || Math.hypot(dbRe, dbIm) > radius) {
          rest.add(ab);
          continue;
        }
        daRe /= d;
        daIm /= d;
        dbRe /= d;
        dbIm /= d;
        if (mom == null) {
          mom = new double[2 * orders];
          kernels.powerMoments(lam.length(), lam.segment(), cs.segment(), lam.offset(), mu, d, orders, mom);
        }
        double pRe = 1, pIm = 0;     // δ_a^j
        double hRe = 1, hIm = 0;     // h_j
        double sbRe = 0, sbIm = 0, sdRe = 0, sdIm = 0;
        for (int j = 0; j + 2 < orders; j++) {
          if (j > 0) {
            double npRe = pRe * daRe - pIm * daIm, npIm = pRe * daIm + pIm * daRe;
            pRe = npRe;
            pIm = npIm;
            double nhRe = pRe + (dbRe * hRe - dbIm * hIm), nhIm = pIm + (dbRe * hIm + dbIm * hRe);
            hRe = nhRe;
            hIm = nhIm;
          }
          double sign = (j & 1) == 0 ? 1 : -1;
          sbRe += sign * hRe * mom[j + 2];
          sbIm += sign * hIm * mom[j + 2];
          sdRe += sign * hRe * mom[orders + j + 2];
          sdIm += sign * hIm * mom[orders + j + 2];
        }
        double d2 = d * d;
        double[] kk = mul(kRe[a], kIm[a], kRe[b], kIm[b]);
        double[] bb = mul(kk[0], kk[1], sbRe / d2, sbIm / d2);
        int idx = a * m + b;
        bRe[idx] = bb[0];
        bIm[idx] = bb[1];
        dRe[idx] = sdRe / d2;
        dIm[idx] = sdIm / d2;
      }
      return rest;
    }

    private void set(int a, int b, double[] re, double[] im, double[] v) {
      re[a * m + b] = v[0];
      im[a * m + b] = v[1];
      re[b * m + a] = v[0];
      im[b * m + a] = v[1];
    }

    /** Values at t (C, bias, E_tr at (t,t); T integral and σ0 term at 2t; R_Δ at t), each with its scale. */
    double[] evaluate(double t) {
      double[] v = new double[LEN];
      double[] o = new double[2];
      contour.weights(t, wr, wi);
      ParabolicContour.invert2(wr, wi, cRe, cIm, o);
      v[C] = o[0];
      v[C + 1] = o[1];
      ParabolicContour.invert2(wr, wi, biasRe, biasIm, o);
      v[BIAS] = o[0];
      v[BIAS + 1] = o[1];
      ParabolicContour.invert2(wr, wi, etrRe, etrIm, o);
      v[ETR] = o[0];
      v[ETR + 1] = o[1];
      contour.invert(2 * t, tiRe, tiIm, o);
      v[TINT] = o[0];
      v[TINT + 1] = o[1];
      contour.invert(2 * t, rRe, rIm, o);
      v[S0] = o[0];
      v[S0 + 1] = o[1];
      contour.invert(t, rRe, rIm, o);
      v[R] = o[0];
      v[R + 1] = o[1];
      return v;
    }
  }

  /** B(κ,κ) = κ² Σ c r², D₂(κ,κ) = Σ λ² r² from the node moments (sg = −1: conjugated node). */
  private static double[] diagonal(double kRe, double kIm, double[] q, double sg) {
    double[] k2 = mul(kRe, kIm, kRe, kIm);
    double[] b = mul(k2[0], k2[1], q[6], sg * q[7]);
    return new double[] {b[0], b[1], q[2], sg * q[3]};
  }

  /** Divided-difference bilinear forms for a ≠ b, or null when their rounding bound is too large. */
  private static double[] dividedDifference(double[] kRe, double[] kIm, double[][] q, double[] sg, int a, int b) {
    double dkRe = kRe[b] - kRe[a], dkIm = kIm[b] - kIm[a];
    double dk = Math.hypot(dkRe, dkIm);
    if (dk == 0) {
      return null;
    }
    double[] kk = mul(kRe[a], kIm[a], kRe[b], kIm[b]);
    double[] qa = q[a], qb = q[b];
    double[] sc = div(qa[4] - qb[4], sg[a] * qa[5] - sg[b] * qb[5], dkRe, dkIm);
    double[] bb = mul(kk[0], kk[1], sc[0], sc[1]);
    double[] dd = div(qa[8] - qb[8], sg[a] * qa[9] - sg[b] * qb[9], dkRe, dkIm);
    double u4 = 4 * Tolerances.U;
    double errB = u4 * Math.hypot(kk[0], kk[1]) * (qa[10] + qb[10]) / dk;
    double errD = u4 * (qa[11] + qb[11]) / dk;
    if (errB > Tolerances.DIVIDED_DIFFERENCE * Math.hypot(bb[0], bb[1])
        || errD > Tolerances.DIVIDED_DIFFERENCE * Math.hypot(dd[0], dd[1])) {
      return null;
    }
    return new double[] {bb[0], bb[1], dd[0], dd[1]};
  }

  static double[] mul(double ar, double ai, double br, double bi) {
    return new double[] {ar * br - ai * bi, ar * bi + ai * br};
  }

  static double[] div(double ar, double ai, double br, double bi) {
    double d = br * br + bi * bi;
    return new double[] {(ar * br + ai * bi) / d, (ai * br - ar * bi) / d};
  }
}
