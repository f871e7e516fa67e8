package org.dmftbench.model;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dmftbench.linalg.DVector;

/**
 * The learnable spectrum of spec §1 (dmft.md): kernel eigenvalues λ_k and target powers
 * c_k = λ_k w̄_k², k = 1..N, plus the tail power τ = Σ_{k=N+1..M} c_k of the unlearnable modes.
 *
 * <p>λ and c live off-heap in two aligned {@link DVector}s owned by a shared {@link Arena} that this
 * object creates and frees in {@link #close()} (shared so that worker threads may read it).
 */
public final class Spectrum implements AutoCloseable {

  /** Largest mode count accepted (two arrays of this many doubles are 1.6 GB). */
  public static final int MAX_MODES = 100_000_000;

  private final Arena arena;
  private final DVector lambda;
  private final DVector c;
  private final double tau;
  private final double sumLambda;
  private final double sumC;
  private final String description;

  private Spectrum(double[] lam, double[] cs, double tau, String description) {
    this.arena = Arena.ofShared();
    this.lambda = DVector.of(arena, lam);
    this.c = DVector.of(arena, cs);
    this.tau = tau;
    double sl = 0, sc = 0;
    for (int k = lam.length - 1; k >= 0; k--) {   // smallest terms first
      sl += lam[k];
      sc += cs[k];
    }
    this.sumLambda = sl;
    this.sumC = sc;
    this.description = description;
  }

  /**
   * Power laws λ_k = λ₁ k^−(1+α), c_k = c₁ k^−(1+β) for k = 1..N, and the tail τ = Σ_{k=N+1..M} c_k.
   *
   * @param tailM M ≥ N, the number of target modes (M = N: no tail)
   */
  public static Spectrum powerLaw(int n, double alpha, double beta, double lambda1, double c1, long tailM) {
    Validation.positiveFinite("alpha", alpha);
    Validation.positiveFinite("beta", beta);
    Validation.positiveFinite("lambda1", lambda1);
    Validation.nonNegativeFinite("c1", c1);
    if (n < 1) {
      throw new IllegalArgumentException("N must be >= 1, got " + n);
    }
    if (n > MAX_MODES) {
      throw new IllegalArgumentException("N = " + n + " is too large (at most " + MAX_MODES + " modes)");
    }
    if (tailM < n) {
      throw new IllegalArgumentException("tail M must be >= N = " + n + ", got " + tailM);
    }
    double[] lam = new double[n];
    double[] cs = new double[n];
    for (int k = 1; k <= n; k++) {
      lam[k - 1] = lambda1 * Math.pow(k, -(1 + alpha));
      cs[k - 1] = c1 * Math.pow(k, -(1 + beta));
    }
    if (lam[n - 1] <= 0 || lam[n - 1] < Double.MIN_NORMAL) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "lambda_N = %.3g underflows: reduce N or alpha", lam[n - 1]));
    }
    double tau = c1 * powerSum(n + 1L, tailM, 1 + beta);
    return new Spectrum(lam, cs, tau, String.format(Locale.ROOT,
        "power law N=%d alpha=%s beta=%s lambda1=%s c1=%s M=%d", n, alpha, beta, lambda1, c1, tailM));
  }

  /** A spectrum from explicit arrays (copied), with tail power τ ≥ 0. */
  public static Spectrum of(double[] lambda, double[] c, double tau) {
    return checked(lambda.clone(), c.clone(), tau, "explicit N=" + lambda.length);
  }

  private static Spectrum checked(double[] lambda, double[] c, double tau, String description) {
    if (lambda.length != c.length) {
      throw new IllegalArgumentException("lambda has " + lambda.length + " entries but c has " + c.length);
    }
    if (lambda.length == 0) {
      throw new IllegalArgumentException("the spectrum has no modes (N must be >= 1)");
    }
    for (int k = 0; k < lambda.length; k++) {
      if (!(lambda[k] > 0) || !Double.isFinite(lambda[k])) {
        throw new IllegalArgumentException("lambda_" + (k + 1) + " = " + lambda[k] + " must be finite and > 0");
      }
      if (!(c[k] >= 0) || !Double.isFinite(c[k])) {
        throw new IllegalArgumentException("c_" + (k + 1) + " = " + c[k] + " must be finite and >= 0");
      }
    }
    Validation.nonNegativeFinite("tau", tau);
    return new Spectrum(lambda, c, tau, description);
  }

  /**
   * Reads a spectrum file: one mode per line, two numbers λ_k c_k separated by blanks or a comma;
   * blank lines and lines starting with '#' are ignored. τ = 0.
   */
  public static Spectrum fromFile(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("spectrum file " + file + " does not exist");
    }
    double[] lam = new double[Math.max(16, lines.size())];
    double[] cs = new double[lam.length];
    int n = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("[\\s,;]+");
      String where = "spectrum file " + file + " line " + (i + 1);
      if (parts.length != 2) {
        throw new IllegalArgumentException(where + ": expected two numbers 'lambda_k c_k', got '" + line + "'");
      }
      double l = parse(parts[0], where);
      double ck = parse(parts[1], where);
      if (!(l > 0)) {
        throw new IllegalArgumentException(where + ": eigenvalue " + parts[0] + " must be > 0");
      }
      if (!(ck >= 0)) {
        throw new IllegalArgumentException(where + ": target power " + parts[1] + " must be >= 0");
      }
      if (n == MAX_MODES) {
        throw new IllegalArgumentException(where + ": more than " + MAX_MODES + " modes");
      }
      lam[n] = l;
      cs[n] = ck;
      n++;
    }
    if (n == 0) {
      throw new IllegalArgumentException("spectrum file " + file + " holds no modes");
    }
    return checked(java.util.Arrays.copyOf(lam, n), java.util.Arrays.copyOf(cs, n), 0.0, "file " + file + " N=" + n);
  }

  private static double parse(String text, String where) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": '" + text + "' is not a number");
    }
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(where + ": '" + text + "' is not finite");
    }
    return v;
  }

  /**
   * Σ_{k=a..b} k^−s for s &gt; 1 (b may be Long.MAX_VALUE for the infinite tail): explicit terms up to
   * a + 10⁶, then Euler–Maclaurin (integral, end-point and two derivative corrections), whose next
   * term is below 10⁻²⁴ of the first.
   */
  static double powerSum(long a, long b, double s) {
    if (b < a) {
      return 0;
    }
    long explicitEnd = Math.min(b, a + 1_000_000L);
    double sum = 0;
    for (long k = explicitEnd; k >= a; k--) {
      sum += Math.pow(k, -s);
    }
    if (explicitEnd == b) {
      return sum;
    }
    double x = explicitEnd + 1.0;
    double y = b == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : (double) b;
    // Σ_{k=x..y} f(k) ≈ ∫_x^y f + (f(x)+f(y))/2 − (f'(x) − f'(y))/12 + (f'''(x) − f'''(y))/720
    double fx = Math.pow(x, -s);
    double fy = Double.isInfinite(y) ? 0 : Math.pow(y, -s);
    double integral = (fx * x - (Double.isInfinite(y) ? 0 : fy * y)) / (s - 1);
    double d1x = -s * fx / x;
    double d1y = Double.isInfinite(y) ? 0 : -s * fy / y;
    double d3x = -s * (s + 1) * (s + 2) * fx / (x * x * x);
    double d3y = Double.isInfinite(y) ? 0 : -s * (s + 1) * (s + 2) * fy / (y * y * y);
    return sum + integral + (fx + fy) / 2 - (d1x - d1y) / 12 + (d3x - d3y) / 720;
  }

  public int modes() {
    return lambda.length();
  }

  /** λ_k, k = 1..N, at indices 0..N−1 (off-heap, valid until {@link #close()}). */
  public DVector lambda() {
    return lambda;
  }

  /** c_k, k = 1..N, at indices 0..N−1. */
  public DVector c() {
    return c;
  }

  /** Tail power τ of the unlearnable modes. */
  public double tau() {
    return tau;
  }

  /** Σ_k λ_k over the learnable modes. */
  public double sumLambda() {
    return sumLambda;
  }

  /** Σ_k c_k over the learnable modes. */
  public double sumC() {
    return sumC;
  }

  public String description() {
    return description;
  }

  @Override
  public void close() {
    if (arena.scope().isAlive()) {
      arena.close();
    }
  }
}
