package org.dmftbench.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.SplittableRandom;
import org.dmftbench.Tolerances;
import org.dmftbench.linalg.DVector;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ComplexKernels}: every sum against an independent compensated (Kahan–Babuška)
 * reference, within the reduction bound c·n·u·Σ|terms| (plus the few ulps of each term's own
 * rounding), on awkward sizes; the lag convolution bit-exact against the scalar twin (same FMA order).
 */
abstract class ComplexKernelsContract {

  static final int[] SIZES = {0, 1, 3, 4, 5, 7, 8, 9, 13, 31, 97, 1007};

  abstract ComplexKernels kernels();

  private static double[] data(SplittableRandom r, int n, double lo, double hi) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = lo * Math.pow(hi / lo, r.nextDouble());
    }
    return v;
  }

  /** Compensated accumulation of values and of their magnitudes. */
  static final class Sum {
    double s, c, abs;

    void add(double x) {
      add(x, Math.abs(x));
    }

    /** Adds x whose computation may cancel down from a magnitude mag (the rounding scale). */
    void add(double x, double mag) {
      double t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
      s = t;
      abs += mag;
    }

    double value() {
      return s + c;
    }
  }

  private static void check(String what, int n, double got, Sum ref) {
    double tol = (Tolerances.REDUCTION_C * n + 16) * Tolerances.U * ref.abs + Double.MIN_NORMAL;
    assertTrue(Math.abs(got - ref.value()) <= tol,
        () -> what + " n=" + n + ": " + got + " vs " + ref.value() + " (tol " + tol + ")");
  }

  @Test
  void momentsAndNewtonSumsMatchCompensatedReference() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int n : SIZES) {
      for (double[] kappa : new double[][] {{0.3, 0.0}, {1e-3, 2e-3}, {-0.05, 0.7}}) {
        try (Arena arena = Arena.ofConfined()) {
          double[] l = data(rnd, n, 1e-4, 1);
          double[] c = data(rnd, n, 1e-6, 1);
          DVector lam = DVector.of(arena, l);
          DVector cs = DVector.of(arena, c);
          double[] out = new double[ComplexKernels.MOMENTS];
          kernels().moments(n, lam.segment(), cs.segment(), 0, kappa[0], kappa[1], out);
          double[] nt = new double[ComplexKernels.NEWTON_SUMS];
          kernels().newtonSums(n, lam.segment(), 0, kappa[0], kappa[1], nt);
          Sum[] ref = new Sum[12];
          for (int i = 0; i < 12; i++) {
            ref[i] = new Sum();
          }
          for (int k = 0; k < n; k++) {
            double a = kappa[0] + l[k], b = kappa[1];
            double d = a * a + b * b;
            double rr = a / d, ri = -b / d;
            double r2r = rr * rr - ri * ri, r2i = 2 * rr * ri, l2 = l[k] * l[k];
            double[] terms = {l[k] * rr, l[k] * ri, l2 * r2r, l2 * r2i, c[k] * rr, c[k] * ri, c[k] * r2r, c[k] * r2i,
                l2 * rr, l2 * ri, c[k] / Math.sqrt(d), l2 / Math.sqrt(d)};
            double ar = 1 / Math.sqrt(d);
            double[] mags = {l[k] * ar, l[k] * ar, l2 * ar * ar, l2 * ar * ar, c[k] * ar, c[k] * ar, c[k] * ar * ar,
                c[k] * ar * ar, l2 * ar, l2 * ar, c[k] * ar, l2 * ar};
            for (int i = 0; i < 12; i++) {
              ref[i].add(terms[i], mags[i]);
            }
          }
          for (int i = 0; i < 12; i++) {
            check("moments[" + i + "]", n, out[i], ref[i]);
          }
          for (int i = 0; i < 4; i++) {
            check("newtonSums[" + i + "]", n, nt[i], ref[i]);
          }
        }
      }
    }
  }

  @Test
  void pairSumsMatchCompensatedReference() {
    SplittableRandom rnd = new SplittableRandom(11);
    double[] aRe = {0.2, 1e-3, 0.5}, aIm = {0.1, -2e-3, 0}, bRe = {0.2, 0.3, -0.01}, bIm = {-0.1, 0.4, 0.3};
    for (int n : SIZES) {
      try (Arena arena = Arena.ofConfined()) {
        double[] l = data(rnd, n, 1e-4, 1);
        double[] c = data(rnd, n, 1e-6, 1);
        DVector lam = DVector.of(arena, l);
        DVector cs = DVector.of(arena, c);
        double[] out = new double[4 * aRe.length];
        kernels().pairSums(n, lam.segment(), cs.segment(), 0, aRe, aIm, bRe, bIm, aRe.length, out);
        for (int p = 0; p < aRe.length; p++) {
          Sum[] ref = {new Sum(), new Sum(), new Sum(), new Sum()};
          for (int k = 0; k < n; k++) {
            double a1 = aRe[p] + l[k], a2 = bRe[p] + l[k];
            double d1 = a1 * a1 + aIm[p] * aIm[p], d2 = a2 * a2 + bIm[p] * bIm[p];
            double r1r = a1 / d1, r1i = -aIm[p] / d1, r2r = a2 / d2, r2i = -bIm[p] / d2;
            double pr = r1r * r2r - r1i * r2i, pi = r1r * r2i + r1i * r2r;
            double mag = 1 / Math.sqrt(d1 * d2);
            ref[0].add(c[k] * pr, c[k] * mag);
            ref[1].add(c[k] * pi, c[k] * mag);
            ref[2].add(l[k] * l[k] * pr, l[k] * l[k] * mag);
            ref[3].add(l[k] * l[k] * pi, l[k] * l[k] * mag);
          }
          for (int i = 0; i < 4; i++) {
            check("pairSums[" + p + "][" + i + "]", n, out[4 * p + i], ref[i]);
          }
        }
      }
    }
  }

  @Test
  void powerMomentsMatchCompensatedReference() {
    SplittableRandom rnd = new SplittableRandom(13);
    int orders = 9;
    for (int n : SIZES) {
      try (Arena arena = Arena.ofConfined()) {
        double[] l = data(rnd, n, 1e-4, 1);
        double[] c = data(rnd, n, 1e-6, 1);
        DVector lam = DVector.of(arena, l);
        DVector cs = DVector.of(arena, c);
        double[] out = new double[2 * orders];
        kernels().powerMoments(n, lam.segment(), cs.segment(), 0, 0.01, 0.02, orders, out);
        for (int j = 0; j < orders; j++) {
          Sum rc = new Sum(), rl = new Sum();
          for (int k = 0; k < n; k++) {
            double x = Math.pow(0.02 / (0.01 + l[k]), j);
            rc.add(c[k] * x);
            rl.add(l[k] * l[k] * x);
          }
          check("powerMoments c j=" + j, n, out[j], rc);
          check("powerMoments l j=" + j, n, out[orders + j], rl);
        }
      }
    }
  }

  @Test
  void lagConvolutionBitExactAgainstScalarTwin() {
    SplittableRandom rnd = new SplittableRandom(17);
    ComplexKernels twin = new ScalarComplexKernels();
    for (int nk : SIZES) {
      int rows = 40, ld = nk + 3;
      double[] x = new double[rows * ld + 5];
      for (int i = 0; i < x.length; i++) {
        x[i] = rnd.nextDouble(-1, 1);
      }
      double[] rho = new double[rows + 8];
      for (int i = 0; i < rho.length; i++) {
        rho[i] = rnd.nextDouble(-1, 1);
      }
      for (int[] range : new int[][] {{1, 30, 30, 37}, {5, 6, 10, 11}, {0, 0, 3, 9}, {2, 20, 20, 27}}) {
        double[] a = new double[8 * (nk + 2) + 4];
        double[] b = a.clone();
        kernels().lagConvolution(nk, x, 2, ld, range[0], range[1], rho, range[2], range[3], a, 1, nk + 2);
        twin.lagConvolution(nk, x, 2, ld, range[0], range[1], rho, range[2], range[3], b, 1, nk + 2);
        for (int i = 0; i < a.length; i++) {
          assertEquals(b[i], a[i], 0.0, "lagConvolution nk=" + nk + " index " + i);
        }
      }
    }
  }
}
