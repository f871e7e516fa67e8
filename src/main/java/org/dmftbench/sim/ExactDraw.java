package org.dmftbench.sim;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.dmftbench.Tolerances;
import org.dmftbench.Tuning;
import org.dmftbench.linalg.Blas;
import org.dmftbench.linalg.DMatrix;
import org.dmftbench.linalg.DVector;
import org.dmftbench.linalg.InterpolativeDecomposition;
import org.dmftbench.linalg.Workspace;

/**
 * The exact learning curve of one draw of the data (spec §2), for every requested time from one
 * symmetric eigen-solve.
 *
 * <p>With A = ΦᵀΦ/P = V diag(a) Vᵀ, b = Φᵀy/P, g_i = a_i + γ, m = Vᵀw̄, m0 = Vᵀw(0), b̃ = Vᵀb, the
 * mean weights (averaged over the Langevin noise) are w(t) = V u(t) with
 * u_i(t) = e^{−g_i t} m0_i + φ(g_i, t) b̃_i, φ(g, t) = (1 − e^{−gt})/g (= t at g = 0), and
 * <pre>
 *   E_g(t)  = Σ_k λ_k Δ_k(t)² + 2T Σ_i d_i φ(2g_i, t) + τ,   (2φ(2g, t) = (1 − e^{−2gt})/g)   Δ(t) = V(u(t) − m) = w(t) − w̄,
 *   d_i     = (VᵀΛV)_ii = Σ_k λ_k V_ki²,
 *   E_tr(t) = ‖Φ Δ(t) − ε‖² / P   (T = 0),
 * </pre>
 * where ε = y − Φw̄ is the label noise plus tail. The Langevin term is the expectation of
 * tr(Λ Cov w(t)) with Cov w(t) = T (A+γ)⁻¹(I − e^{−2(A+γ)t}), the solution of the Lyapunov ODE
 * dC/dt = −HC − CH + 2T I.
 *
 * <p>Route to the t-dependent part: the n_t vectors u(t_j) − m are the columns of an r×n_t matrix
 * X, and Δ = V X is applied once to all times together (with many times, to the skeleton columns of
 * X's interpolative decomposition only, the others rebuilt from them with a checked error bound: see
 * {@link #applyToTimes}); with the primal route V = QZ stays factored
 * ({@link SymmetricEigen#standard()}): V X = Q(Z X), a gemm and a blocked reflector application,
 * O(N² n_t), and the projections are Zᵀ(Qᵀ[w̄, w(0), b]). So the whole curve costs the
 * tridiagonal reduction, the tridiagonal eigenvectors Z, and O(N² n_t) — no back-transformation.
 * Only the Langevin weights d_i (T &gt; 0) need V formed; they are the row-weighted column norms of
 * V, O(N r).
 *
 * <p>Two ways to the eigenbasis, with the same result (the Gram matrices are formed by the symmetric
 * rank-k kernel {@link Blas#syrk}, lower triangle, which is what the eigensolver reads):
 * <ul>
 *   <li>primal: eigen-solve the N×N matrix A = ΦᵀΦ/P;</li>
 *   <li>dual (cheaper when P &lt; N): eigen-solve the P×P Gram matrix K = ΦΦᵀ/P = U diag(a) Uᵀ,
 *       which has the same nonzero eigenvalues; the eigenvectors of A are V_r = ΦᵀU diag(Pa)^{-1/2}
 *       and the (N−P)-dimensional null space of A, where g = γ, b̃ = 0, carries
 *       e^{−γt}(I − V_rV_rᵀ)w(0) − (I − V_rV_rᵀ)w̄ and the Langevin weight Σλ_k − Σ_i d_i.
 *       When K is nearly singular (min a &lt; {@link Tolerances#SIM_DUAL_MIN_EIGEN_RATIO}·max a,
 *       which makes V_r inaccurate) the automatic choice falls back to the primal route.</li>
 * </ul>
 * Eigenvalues of the positive semi-definite A or K below zero are rounding errors and are set to 0.
 */
public final class ExactDraw {

  /** How the eigenbasis of A is obtained. */
  public enum Route {
    /** Eigen-solve A = ΦᵀΦ/P (N×N). */
    PRIMAL,
    /** Eigen-solve K = ΦΦᵀ/P (P×P); requires P &lt; N and K well conditioned. */
    DUAL,
    /** Dual when P &lt; N and K is well conditioned, primal otherwise. */
    AUTO
  }

  /**
   * E_g(t_j) and E_tr(t_j) of one draw; training is null when T &gt; 0. {@code directColumns} is the
   * number of time columns V was applied to; the others were rebuilt from the skeleton of their
   * interpolative decomposition (see {@link #applyToTimes}).
   */
  public record Curve(double[] generalization, double[] training, int directColumns) {
  }

  /** ‖x_j − X(:, J)c_j‖ per time column (0 where V x_j was formed directly) and how many were. */
  private record Applied(double[] error, int direct) {
  }

  private final SimSetup setup;
  private final double[] times;
  private final SymmetricEigen eigen;
  private final Blas blas;
  private final boolean skeleton;
  /** λ_k (one copy for every draw) and √max λ_k, for the skeleton's error bound. */
  private final double[] lambda;
  private final double rootLambdaMax;

  public ExactDraw(SimSetup setup, double[] times, SymmetricEigen eigen) {
    this(setup, times, eigen, Blas.get());
  }

  public ExactDraw(SimSetup setup, double[] times, SymmetricEigen eigen, Blas blas) {
    this(setup, checkTimes(times), eigen, blas, true);
  }

  private ExactDraw(SimSetup setup, double[] times, SymmetricEigen eigen, Blas blas, boolean skeleton) {
    this.setup = setup;
    this.times = times;
    this.eigen = eigen;
    this.blas = blas;
    this.skeleton = skeleton;
    this.lambda = setup.lambda();
    double max = 0;
    for (double l : lambda) {
      max = Math.max(max, l);
    }
    this.rootLambdaMax = Math.sqrt(max);
  }

  /**
   * The same draws with V applied to every time column (no interpolative decomposition of the time
   * columns, see {@link #applyToTimes}): a reference for tests and benchmarks, and the cost the
   * decomposition saves.
   */
  public ExactDraw everyTimeDirect() {
    return new ExactDraw(setup, times, eigen, blas, false);
  }

  static double[] checkTimes(double[] times) {
    if (times.length == 0) {
      throw new IllegalArgumentException("no time points given");
    }
    for (double t : times) {
      if (!(t >= 0) || !Double.isFinite(t)) {
        throw new IllegalArgumentException("time points must be finite and >= 0, got " + t);
      }
    }
    return times.clone();
  }

  public SimSetup setup() {
    return setup;
  }

  public double[] times() {
    return times.clone();
  }

  /**
   * Generates draw {@code draw} (seed {@code seed}) in memory of its own, freed at the end (a workspace
   * of its own, whose first frame allocates fresh), and returns its exact curve.
   */
  public Curve run(long seed, long draw, Route route) {
    try (Workspace own = new Workspace()) {
      return run(own, seed, draw, route);
    }
  }

  /**
   * As {@link #run(long, long, Route)}, with the draw's memory from a frame of {@code workspace} (the
   * same result, bit for bit; a run of many draws on one thread then allocates nothing after the first).
   */
  public Curve run(Workspace workspace, long seed, long draw, Route route) {
    try (Arena frame = workspace.frame()) {
      return evaluate(frame, DrawGenerator.generate(frame, setup, seed, draw), route);
    }
  }

  /** The exact curve of given data (allocations go to {@code arena}). */
  public Curve evaluate(Arena arena, DrawGenerator.Data data, Route route) {
    Basis basis = switch (route) {
      case PRIMAL -> primal(arena, data);
      case DUAL -> {
        Basis b = dual(arena, data);
        if (b == null) {
          throw new ArithmeticException("dual route impossible: P = " + setup.samples() + " is not < N = " + setup.modes()
              + " or the Gram matrix is nearly singular; use the primal route");
        }
        yield b;
      }
      case AUTO -> {
        Basis b = setup.samples() < setup.modes() ? dual(arena, data) : null;
        yield b != null ? b : primal(arena, data);
      }
    };
    return curve(arena, data, basis);
  }

  /**
   * The eigenbasis of A restricted to r directions (r = N primal, r = P dual; the rest of R^N is
   * null), and the projections Vᵀ·{@link #rhs} when the solve formed them (else null).
   */
  private record Basis(EigenBasis v, double[] a, DMatrix projections) {
  }

  private Basis primal(Arena arena, DrawGenerator.Data data) {
    int n = setup.modes();
    DMatrix phi = data.phi();
    // syrk writes the lower triangle, the only part the eigen-solve reads
    DMatrix a = DMatrix.allocateUninitialized(arena, n, n);
    blas.syrk(1.0 / setup.samples(), phi, 0.0, a);
    DMatrix proj = rhs(arena, data);
    EigenBasis basis = eigen.factor(arena, a, proj);
    return new Basis(basis, clampNonNegative(basis.values()), proj);
  }

  /**
   * The vectors to project, [w̄, w(0), b = Φᵀy/P], and with T = 0 also Φᵀε/P (for E_tr in
   * eigen-coordinates, see trainingErrors): N×3 or N×4.
   */
  private DMatrix rhs(Arena arena, DrawGenerator.Data data) {
    int n = setup.modes();
    int p = setup.samples();
    boolean training = setup.temperature() == 0;
    DMatrix rhs = DMatrix.allocate(arena, n, training ? 4 : 3);
    rhs.column(0).copyFrom(data.target());
    rhs.column(1).copyFrom(data.initialWeights().toArray());
    if (training) {
      // Φᵀ[y, ε]/P in one pass over Φ
      DMatrix ye = DMatrix.allocate(arena, p, 2);
      ye.column(0).copyFrom(data.labels().toArray());
      ye.column(1).copyFrom(data.noise().toArray());
      blas.gemm(true, false, 1.0 / p, data.phi(), ye, 0.0, rhs.view(0, 2, n, 2));
    } else {
      blas.gemv(true, 1.0 / p, data.phi(), data.labels(), 0.0, rhs.column(2));
    }
    return rhs;
  }

  private Basis dual(Arena arena, DrawGenerator.Data data) {
    int n = setup.modes();
    int p = setup.samples();
    if (p >= n) {
      return null;
    }
    DMatrix phi = data.phi();
    // K = ΦΦᵀ/P = (Φᵀ)ᵀΦᵀ/P: transpose once (O(NP)) so that the symmetric rank-k kernel forms it.
    DMatrix phiT = DMatrix.allocateUninitialized(arena, n, p);
    transpose(phi, phiT);
    DMatrix k = DMatrix.allocateUninitialized(arena, p, p); // lower triangle written and read
    blas.syrk(1.0 / p, phiT, 0.0, k);
    EigenBasis kb = eigen.factor(arena, k);
    double[] a = clampNonNegative(kb.values());
    double max = a.length == 0 ? 0 : a[a.length - 1];
    if (a.length > 0 && !(a[0] > Tolerances.SIM_DUAL_MIN_EIGEN_RATIO * max)) {
      return null;
    }
    DMatrix u = DMatrix.allocate(arena, p, p);
    u.copyFrom(kb.explicit(arena));
    for (int i = 0; i < p; i++) {
      blas.scal(1.0 / Math.sqrt(p * a[i]), u.column(i));
    }
    DMatrix v = DMatrix.allocate(arena, n, p);
    blas.gemm(true, false, 1.0, phi, u, 0.0, v);
    return new Basis(EigenBasis.explicit(v, a, blas), a, null);
  }

  /** dst ← srcᵀ (dst is cols×rows of src), by columns of src. */
  static void transpose(DMatrix src, DMatrix dst) {
    int rows = src.rows();
    double[] col = new double[rows];
    for (int j = 0; j < src.cols(); j++) {
      MemorySegment.copy(src.segment(), JAVA_DOUBLE, src.index(0, j) * Double.BYTES, col, 0, rows);
      for (int i = 0; i < rows; i++) {
        dst.segment().setAtIndex(JAVA_DOUBLE, dst.index(j, i), col[i]);
      }
    }
  }

  private static double[] clampNonNegative(double[] values) {
    double[] a = values.clone();
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.max(a[i], 0.0);
    }
    return a;
  }

  /**
   * φ(g, t) = (1 − e^{−gt})/g for g ≥ 0, continuous at g = 0 where it is t: t·φ₁(gt) below gt = 1/2,
   * where 1 − e^{−gt} would cancel, and (1 − e^{−gt})/g above.
   */
  static double phi(double g, double t) {
    double x = g * t;
    return x < 0.5 ? t * phi1(x) : (1 - Math.exp(-x)) / g;
  }

  /** 1/(n+1)!, n = 0..15: the Taylor coefficients of φ₁. */
  private static final double[] PHI1 = new double[16];

  static {
    double factorial = 1;
    for (int n = 0; n < PHI1.length; n++) {
      factorial *= n + 1; // exact: 16! < 2⁵³
      PHI1[n] = 1 / factorial;
    }
  }

  /**
   * φ₁(x) = (1 − e^{−x})/x = Σ_n (−x)ⁿ/(n+1)! for 0 ≤ x &lt; 1/2 by Horner's rule on 16 terms: the
   * first omitted term is below 0.5¹⁶/17! ≈ 4e-20, and the alternating, decreasing terms keep the
   * rounding error to a few units in the last place. Several times cheaper than expm1 (not an
   * intrinsic), which the curve needed for most of its r·n_t entries (small eigenvalues, early times).
   */
  static double phi1(double x) {
    double p = PHI1[15];
    for (int n = 14; n >= 0; n--) {
      p = Math.fma(p, -x, PHI1[n]);
    }
    return p;
  }

  private Curve curve(Arena arena, DrawGenerator.Data data, Basis basis) {
    int n = setup.modes();
    int p = setup.samples();
    int r = basis.a().length;
    int nt = times.length;
    double gamma = setup.decay();
    EigenBasis v = basis.v();

    // Projections m = Vᵀw̄, m0 = Vᵀw(0), b̃ = Vᵀb (and c̃ = Vᵀ(Φᵀε/P) with T = 0) in one block
    // operation, unless the eigen-solve already formed them.
    boolean training = setup.temperature() == 0;
    DMatrix proj = basis.projections() != null ? basis.projections() : v.multiplyTranspose(rhs(arena, data), arena);
    DVector m = proj.column(0);
    DVector m0 = proj.column(1);
    DVector bt = proj.column(2);

    double[] g = new double[r];
    for (int i = 0; i < r; i++) {
      g[i] = basis.a()[i] + gamma;
    }
    DMatrix x = DMatrix.allocate(arena, r, nt);
    double[] mv = m.toArray();
    double[] m0v = m0.toArray();
    double[] btv = bt.toArray();
    double[] col = new double[r];
    for (int j = 0; j < nt; j++) {
      double t = times[j];
      for (int i = 0; i < r; i++) {
        double gt = g[i] * t;
        double e = Math.exp(-gt);
        // φ = (1 − e)/g; below gt = 1/2 the subtraction would cancel, so the series there
        double ph = gt < 0.5 ? t * phi1(gt) : (1 - e) / g[i];
        col[i] = e * m0v[i] + ph * btv[i] - mv[i];
      }
      x.column(j).copyFrom(col);
    }
    // E_tr from eigen-coordinates first: it needs X only, and the times where it cancels need Δ exactly
    double[] etr = null;
    boolean[] exact = new boolean[nt];
    if (training) {
      etr = trainingIdentity(data, basis.a(), x, proj.column(3).toArray());
      for (int j = 0; j < nt; j++) {
        exact[j] = Double.isNaN(etr[j]);
      }
    }
    DMatrix delta = DMatrix.allocate(arena, n, nt);
    Applied applied = applyToTimes(arena, v, x, delta, exact);

    double[] d = null;
    double dNull = 0;
    if (setup.temperature() > 0) {
      d = new double[r];
      double sumD = 0;
      DMatrix vx = v.explicit(arena);
      for (int i = 0; i < r; i++) {
        double[] vi = vx.column(i).toArray();
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += lambda[k] * vi[k] * vi[k];
        }
        d[i] = s;
        sumD += s;
      }
      if (r < n) {
        double trace = 0;
        for (double l : lambda) {
          trace += l;
        }
        dNull = Math.max(0, trace - sumD);
      }
    }
    NullSpace nullSpace = r < n ? new NullSpace(arena, data, v, m0, m) : null;
    double[] weighted = new double[nt];
    for (int j = 0; j < nt; j++) {
      if (nullSpace != null) {
        nullSpace.add(delta.column(j), times[j]);
      }
      weighted[j] = weightedSquares(lambda, delta.column(j));
    }
    int redone = redoReconstructed(arena, v, x, delta, applied.error(), weighted, nullSpace);

    double[] eg = new double[nt];
    for (int j = 0; j < nt; j++) {
      double s = weighted[j];
      if (d != null) {
        double t = times[j];
        double lang = dNull * phi(2 * gamma, t);
        for (int i = 0; i < r; i++) {
          lang += d[i] * phi(2 * g[i], t);
        }
        s += 2 * setup.temperature() * lang;
      }
      eg[j] = s + setup.tail();
    }
    if (training) {
      trainingResiduals(arena, data, delta, etr);
    }
    return new Curve(eg, etr, applied.direct() + redone);
  }

  /** Σ_k λ_k Δ_k². */
  private static double weightedSquares(double[] lambda, DVector delta) {
    double[] dj = delta.toArray();
    double s = 0;
    for (int k = 0; k < dj.length; k++) {
      s += lambda[k] * dj[k] * dj[k];
    }
    return s;
  }

  /**
   * delta ← V·X, one column per time. The columns x_j = e^{−g t_j}∘m0 + φ(g, t_j)∘b̃ − m are smooth in
   * t_j, so at many time points X has a small numerical rank (64 log-spaced times over five decades at
   * N = 1024: about 34 columns reproduce the others to 1e-14 of their norms). With a column
   * interpolative decomposition X ≈ X(:, J)·C ({@link InterpolativeDecomposition}, pivot tolerance
   * {@link Tolerances#SIM_TIME_SKELETON}), V is applied only to the skeleton columns and to those
   * marked {@code direct}, and every other column is Δ_j = (V X(:, J))·c_j: an n×k×n_t product instead
   * of V applied to n_t columns (when: {@link Tuning#SIM_TIME_SKELETON_MIN_POINTS},
   * {@link Tuning#SIM_TIME_SKELETON_MAX_FRACTION}). Returns e_j = ‖x_j − X(:, J)c_j‖ for every column,
   * 0 where V x_j was formed directly (since V has orthonormal columns, ‖Δ_j − V x_j‖ = e_j), and how
   * many columns were.
   */
  private Applied applyToTimes(Arena arena, EigenBasis v, DMatrix x, DMatrix delta, boolean[] direct) {
    int n = delta.rows();
    int nt = x.cols();
    double[] err = new double[nt];
    InterpolativeDecomposition id = !skeleton || nt < Tuning.SIM_TIME_SKELETON_MIN_POINTS ? null
        : InterpolativeDecomposition.of(x, Tolerances.SIM_TIME_SKELETON,
            (int) (Tuning.SIM_TIME_SKELETON_MAX_FRACTION * nt), arena, blas);
    if (id == null) {
      v.multiply(x, delta, arena);
      return new Applied(err, nt);
    }
    int[] skel = id.skeleton();
    int k = skel.length;
    boolean[] inSkeleton = new boolean[nt];
    for (int j : skel) {
      inSkeleton[j] = true;
    }
    int[] cols = Arrays.copyOf(skel, nt);
    int nd = k;
    int[] rest = new int[nt];
    int nr = 0;
    for (int j = 0; j < nt; j++) {
      if (inSkeleton[j]) {
        continue;
      }
      if (direct[j]) {
        cols[nd++] = j;
      } else {
        rest[nr++] = j;
      }
    }
    if (nd > 0) {
      DMatrix vx = applyToColumns(arena, v, x, Arrays.copyOf(cols, nd), delta);
      if (nr > 0 && k > 0) {
        double[][] c = id.coefficients();
        DMatrix cr = DMatrix.allocateUninitialized(arena, k, nr);
        for (int q = 0; q < nr; q++) {
          for (int i = 0; i < k; i++) {
            cr.set(i, q, c[i][rest[q]]);
          }
        }
        DMatrix out = DMatrix.allocateUninitialized(arena, n, nr);
        blas.gemm(false, false, 1.0, vx.view(0, 0, n, k), cr, 0.0, out);
        delta.scatterColumns(out, Arrays.copyOf(rest, nr));
      }
    }
    for (int q = 0; q < nr; q++) {
      err[rest[q]] = id.error(rest[q]);
    }
    return new Applied(err, nd);
  }

  /** Columns {@code cols} of delta ← V·(those columns of x); returns V·x(:, cols). */
  private static DMatrix applyToColumns(Arena arena, EigenBasis v, DMatrix x, int[] cols, DMatrix delta) {
    DMatrix vx = DMatrix.allocateUninitialized(arena, delta.rows(), cols.length);
    v.multiply(x.gatherColumns(cols, arena), vx, arena);
    delta.scatterColumns(vx, cols);
    return vx;
  }

  /**
   * Where a reconstructed column's error could show in E_g, forms it directly. With
   * e = ‖Λ^{1/2}(Δ_j − Δ̂_j)‖ ≤ √λ_max·e_j and s = ‖Λ^{1/2}Δ̂_j‖², the exact Σλ_kΔ_k² lies within
   * e(2√s + e) of s; a time whose bound exceeds {@link Tolerances#SIM_TIME_SKELETON_REL}·s gets V x_j
   * formed directly (one product for all such times). Returns how many were.
   */
  private int redoReconstructed(Arena arena, EigenBasis v, DMatrix x, DMatrix delta, double[] err,
                                 double[] weighted, NullSpace nullSpace) {
    int nt = x.cols();
    int[] redo = new int[nt];
    int count = 0;
    for (int j = 0; j < nt; j++) {
      double e = rootLambdaMax * err[j];
      if (e > 0 && !(e * (2 * Math.sqrt(weighted[j]) + e) <= Tolerances.SIM_TIME_SKELETON_REL * weighted[j])) {
        redo[count++] = j;
      }
    }
    if (count == 0) {
      return 0;
    }
    int[] cols = Arrays.copyOf(redo, count);
    applyToColumns(arena, v, x, cols, delta);
    for (int q = 0; q < count; q++) {
      DVector dj = delta.column(cols[q]);
      if (nullSpace != null) {
        nullSpace.add(dj, times[cols[q]]);
      }
      weighted[cols[q]] = weightedSquares(lambda, dj);
    }
    return count;
  }

  /**
   * The part of Δ(t) in the null space of A (dual route, r &lt; n):
   * Δ_⊥(t) = e^{−γt} (I − VVᵀ) w(0) − (I − VVᵀ) w̄.
   */
  private final class NullSpace {
    private final DVector xPerp;
    private final DVector zPerp;

    NullSpace(Arena arena, DrawGenerator.Data data, EigenBasis v, DVector m0, DVector m) {
      xPerp = DVector.of(arena, data.initialWeights().toArray());
      zPerp = DVector.of(arena, data.target());
      DMatrix vx = v.explicit(arena);
      blas.gemv(false, -1.0, vx, m0, 1.0, xPerp);
      blas.gemv(false, -1.0, vx, m, 1.0, zPerp);
    }

    void add(DVector delta, double t) {
      blas.axpy(Math.exp(-setup.decay() * t), xPerp, delta);
      blas.axpy(-1.0, zPerp, delta);
    }
  }

  /**
   * E_tr(t_j) = ‖ΦΔ_j − ε‖²/P for every time. Φ maps the null space of A to zero and ΦᵀΦ/P = V diag(a) Vᵀ,
   * so with Δ_j = V x_j (+ null-space part) and c̃ = Vᵀ(Φᵀε/P):
   * <pre>
   *   E_tr(t_j) = Σ_i a_i x_ij² − 2 Σ_i c̃_i x_ij + ‖ε‖²/P,
   * </pre>
   * O(r) per time instead of a P×N product per time. Near interpolation the three terms cancel: where
   * the sum falls below {@link Tolerances#SIM_TRAINING_CANCELLATION} times the sum of their magnitudes,
   * this leaves NaN, and {@link #trainingResiduals} forms that time's residual ΦΔ_j − ε instead.
   */
  private double[] trainingIdentity(DrawGenerator.Data data, double[] a, DMatrix x, double[] ct) {
    int p = setup.samples();
    int r = a.length;
    int nt = times.length;
    double[] eps = data.noise().toArray();
    double e0 = 0;
    for (double e : eps) {
      e0 += e * e;
    }
    e0 /= p;
    double[] etr = new double[nt];
    double[] xj = new double[r];
    for (int j = 0; j < nt; j++) {
      MemorySegment.copy(x.segment(), JAVA_DOUBLE, x.index(0, j) * Double.BYTES, xj, 0, r);
      double quad = 0;
      double cross = 0;
      for (int i = 0; i < r; i++) {
        quad += a[i] * xj[i] * xj[i];
        cross += ct[i] * xj[i];
      }
      double e = quad - 2 * cross + e0;
      etr[j] = e >= Tolerances.SIM_TRAINING_CANCELLATION * (quad + 2 * Math.abs(cross) + e0) ? e : Double.NaN;
    }
    return etr;
  }

  /**
   * The times {@link #trainingIdentity} left NaN, whose Δ_j were formed directly: E_tr = ‖ΦΔ_j − ε‖²/P,
   * one product for all of them.
   */
  private void trainingResiduals(Arena arena, DrawGenerator.Data data, DMatrix delta, double[] etr) {
    int nt = etr.length;
    int[] redo = new int[nt];
    int nRedo = 0;
    for (int j = 0; j < nt; j++) {
      if (Double.isNaN(etr[j])) {
        redo[nRedo++] = j;
      }
    }
    if (nRedo == 0) {
      return;
    }
    int p = setup.samples();
    double[] eps = data.noise().toArray();
    DMatrix cols = delta.gatherColumns(Arrays.copyOf(redo, nRedo), arena);
    DMatrix res = DMatrix.allocate(arena, p, nRedo);
    for (int q = 0; q < nRedo; q++) {
      res.column(q).copyFrom(eps);
    }
    blas.gemm(false, false, 1.0, data.phi(), cols, -1.0, res);
    for (int q = 0; q < nRedo; q++) {
      double nr = blas.nrm2(res.column(q));
      etr[redo[q]] = nr * nr / p;
    }
  }
}
