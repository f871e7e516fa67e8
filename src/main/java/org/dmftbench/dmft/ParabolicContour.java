package org.dmftbench.dmft;

/**
 * The Weideman–Trefethen parabolic contour for the inverse Laplace transform (J. A. C. Weideman and
 * L. N. Trefethen, "Parabolic and hyperbolic contours for computing the Bromwich integral", Math.
 * Comp. 76 (2007) 1341–1356, §2): s(u) = (n/t_c)(0.1309 − 0.1194u² + 0.25iu), u_j = jh, h = 3/n,
 * j = −n..n, and f(t) ≈ Σ_j w_j F(s_j) e^{s_j t} with w_j = h s'(u_j)/(2πi). It wraps the negative real
 * axis, where all singularities of the DMFT transforms lie (spec §4).
 *
 * <p>Arrays hold the full index j = −n..n at position j + n; s_{−j} = conj s_j and w_{−j} = conj w_j
 * (conjugate symmetry), so transforms with F(s̄) = conj F(s) need solving only for j = 0..n.
 */
public final class ParabolicContour {

  private final int n;
  private final double tc;
  final double[] sRe;
  final double[] sIm;
  final double[] wRe;
  final double[] wIm;

  public ParabolicContour(int n, double tc) {
    if (n < 2) {
      throw new IllegalArgumentException("contour needs n >= 2 nodes, got " + n);
    }
    if (!(tc > 0) || !Double.isFinite(tc)) {
      throw new IllegalArgumentException("contour time must be finite and > 0, got " + tc);
    }
    this.n = n;
    this.tc = tc;
    int m = 2 * n + 1;
    sRe = new double[m];
    sIm = new double[m];
    wRe = new double[m];
    wIm = new double[m];
    double h = 3.0 / n;
    double scale = n / tc;
    for (int j = -n; j <= n; j++) {
      double u = j * h;
      sRe[j + n] = scale * (0.1309 - 0.1194 * u * u);
      sIm[j + n] = scale * 0.25 * u;
      // w = h s'(u)/(2πi), s'(u) = scale(−0.2388u + 0.25i)  ⇒  w = h·scale(0.25 + 0.2388u i)/(2π)
      wRe[j + n] = h * scale * 0.25 / (2 * Math.PI);
      wIm[j + n] = h * scale * 0.2388 * u / (2 * Math.PI);
    }
  }

  /** Half the number of nodes minus one: nodes are j = −n..n. */
  public int n() {
    return n;
  }

  /** The time the contour is scaled for. */
  public double tc() {
    return tc;
  }

  /** Number of nodes 2n + 1. */
  public int size() {
    return 2 * n + 1;
  }

  public double sRe(int j) {
    return sRe[j + n];
  }

  public double sIm(int j) {
    return sIm[j + n];
  }

  /**
   * Inverse transform of a single-variable function given by its values at the nodes (full index
   * a = j + n): Re Σ_a w_a G_a e^{s_a t}; out[0] the value, out[1] Σ|w_a G_a e^{s_a t}| (the scale of
   * the rounding error).
   */
  public void invert(double t, double[] gRe, double[] gIm, double[] out) {
    double sum = 0, mag = 0;
    for (int a = 0; a < sRe.length; a++) {
      double e = Math.exp(sRe[a] * t);
      double c = Math.cos(sIm[a] * t), s = Math.sin(sIm[a] * t);
      double wr = e * (wRe[a] * c - wIm[a] * s), wi = e * (wRe[a] * s + wIm[a] * c);
      sum += wr * gRe[a] - wi * gIm[a];
      mag += Math.hypot(wr, wi) * Math.hypot(gRe[a], gIm[a]);
    }
    out[0] = sum;
    out[1] = mag;
  }

  /** The weights W_a = w_a e^{s_a t}, full index, into wr and wi. */
  public void weights(double t, double[] wr, double[] wi) {
    for (int a = 0; a < sRe.length; a++) {
      double e = Math.exp(sRe[a] * t);
      double c = Math.cos(sIm[a] * t), s = Math.sin(sIm[a] * t);
      wr[a] = e * (wRe[a] * c - wIm[a] * s);
      wi[a] = e * (wRe[a] * s + wIm[a] * c);
    }
  }

  /**
   * Double inverse transform on the diagonal, L₂⁻¹[F](t,t) = Re Σ_a Σ_b W_a W_b F_ab with
   * W_a = w_a e^{s_a t} (tensor product of two rules, spec §4); F row-major (2n+1)², out[0] the value,
   * out[1] Σ|W_a W_b F_ab|.
   */
  public static void invert2(double[] wr, double[] wi, double[] fRe, double[] fIm, double[] out) {
    int m = wr.length;
    double sum = 0, mag = 0;
    for (int a = 0; a < m; a++) {
      double accRe = 0, accIm = 0, accMag = 0;
      int row = a * m;
      for (int b = 0; b < m; b++) {
        double fr = fRe[row + b], fi = fIm[row + b];
        accRe += wr[b] * fr - wi[b] * fi;
        accIm += wr[b] * fi + wi[b] * fr;
        accMag += Math.hypot(wr[b], wi[b]) * Math.hypot(fr, fi);
      }
      sum += wr[a] * accRe - wi[a] * accIm;
      mag += Math.hypot(wr[a], wi[a]) * accMag;
    }
    out[0] = sum;
    out[1] = mag;
  }
}
