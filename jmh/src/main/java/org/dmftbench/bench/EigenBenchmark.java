package org.dmftbench.bench;

import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;
import org.dmftbench.Tolerances;
import org.dmftbench.Tuning;
import org.dmftbench.eigen.EigenChecks;
import org.dmftbench.eigen.EigenSolvers;
import org.dmftbench.eigen.HouseholderBackTransform;
import org.dmftbench.eigen.HouseholderTridiagonalizer;
import org.dmftbench.eigen.SymmetricEigenSolver;
import org.dmftbench.eigen.TridiagonalDivideAndConquer;
import org.dmftbench.eigen.TridiagonalQL;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.linalg.DMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The dmftbench symmetric eigensolver ({@link EigenSolvers#standard()}) on A = G + Gᵀ, one thread
 * by default ({@code -p threads=2} runs the two-thread variant, which splits the
 * back-transformation over the threads):
 * the full solve in its three modes (values; values and vectors; values and projections VᵀB with
 * k = 3), and its stages alone (Householder reduction, QL values and divide-and-conquer vectors of
 * the tridiagonal matrix, back-transformation), the divide-and-conquer tree applied to the 64
 * columns of one experiment draw instead of forming Z ({@code tridiagonalDcTree}: factor, then Z·X
 * with X n×64), with a copy-only baseline (every timed method that
 * works in place copies its input first). Peers: {@link EigenPeersBenchmark},
 * {@link NativeLapackBenchmark}.
 *
 * <p>Everything the benchmark allocates is confined, like the solver's own scratch: segments of
 * both kinds in one JVM slow the level-2 kernels down (see {@link Tuning}). The back-transformation
 * stage therefore runs on one thread whatever {@code threads} says (it splits its work only over
 * shared memory); {@code values} and {@code vectors} run the solver as users do.
 *
 * <p>Each trial first checks the answer of the method it times (LAPACK ratios, sampled for the
 * O(n³) checks; eigenvalues against the other tridiagonal algorithm; projections by basis-independent
 * invariants) and fails when a ratio exceeds {@link Tolerances#LAPACK_TEST_RATIO}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class EigenBenchmark {

  @Param({"256", "1024", "2048"})
  public int n;

  /** Threads of the solver's back-transformation; report 2 separately. */
  @Param({"1"})
  public int threads;

  private Arena arena;
  private DenseKernels k;
  private SymmetricEigenSolver solver;
  private DMatrix a;
  private DMatrix v;
  private DMatrix b;
  private DMatrix bw;
  private DMatrix work;
  private DMatrix z;
  private DMatrix z0;
  private double[] d0;
  private double[] e0;
  private double[] tau0;
  private double[] dw;
  private double[] ew;
  private double[] tw;
  private HouseholderTridiagonalizer reducer;
  private TridiagonalQL ql;
  private TridiagonalDivideAndConquer dc;
  private HouseholderBackTransform back;
  private DMatrix reduced;
  private DMatrix x64;
  private DMatrix x64Input;
  private static final int TREE_COLUMNS = 64;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    arena = Arena.ofConfined();
    k = Kernels.dense();
    solver = EigenSolvers.standard(k, threads);
    reducer = new HouseholderTridiagonalizer(k);
    ql = new TridiagonalQL();
    dc = new TridiagonalDivideAndConquer(k);
    back = new HouseholderBackTransform(k, Tuning.EIGEN_BACKTRANSFORM_BLOCK, threads);
    a = EigenInputs.gaussianPlusTranspose(arena, n);
    v = DMatrix.allocate(arena, n, n);
    b = EigenInputs.rightHandSides(arena, n, 3);
    bw = DMatrix.allocate(arena, n, 3);
    work = DMatrix.allocate(arena, n, n);
    z = DMatrix.allocate(arena, n, n);
    z0 = DMatrix.allocate(arena, n, n);
    reduced = DMatrix.allocate(arena, n, n);
    d0 = new double[n];
    e0 = new double[n];
    tau0 = new double[n];
    dw = new double[n];
    ew = new double[n];
    tw = new double[n];
    reduced.copyFrom(a);
    try (Arena scratch = Arena.ofConfined()) {
      reducer.reduce(reduced, d0, e0, tau0, scratch);
    }
    // tridiagonal eigenvalues by both algorithms: each is the other's reference
    double[] dq = d0.clone();
    ql.values(dq, e0.clone());
    double[] dd = d0.clone();
    dc.vectors(dd, e0.clone(), z0);
    String m = params.getBenchmark();
    double tol = Tolerances.LAPACK_TEST_RATIO;
    Accuracy.check(params, "eigenvalue ratio ql vs dc", EigenChecks.eigenvalueRatio(k, a, dq, dd), tol);
    if (m.endsWith(".vectors") || m.endsWith(".backTransform")) {
      double[] lambda = solver.vectors(a, v);
      Accuracy.check(params, "sampled residual ratio", EigenInputs.sampledResidualRatio(k, a, lambda, v, 16), tol);
      Accuracy.check(params, "sampled orthogonality ratio", EigenInputs.sampledOrthogonalityRatio(k, v, 16), tol);
    } else if (m.endsWith(".values")) {
      Accuracy.check(params, "eigenvalue ratio vs dc", EigenChecks.eigenvalueRatio(k, a, solver.values(a), dd), tol);
    } else if (m.endsWith(".projections")) {
      bw.copyFrom(b);
      double[] mu = solver.projections(a, bw);
      Accuracy.check(params, "eigenvalue ratio vs dc", EigenChecks.eigenvalueRatio(k, a, mu, dd), tol);
      Accuracy.check(params, "projection invariant ratio", EigenInputs.projectionRatio(k, a, b, mu, bw), tol);
    } else if (m.endsWith(".tridiagonalDcVectors")) {
      Accuracy.check(params, "tridiagonal orthogonality ratio", EigenInputs.sampledOrthogonalityRatio(k, z0, 16), tol);
    } else if (m.endsWith(".tridiagonalDcTree")) {
      x64Input = EigenInputs.rightHandSides(arena, n, TREE_COLUMNS);
      x64 = DMatrix.allocate(arena, n, TREE_COLUMNS);
      tridiagonalDcTree();
      Accuracy.check(params, "eigenvalue ratio tree vs dc", EigenChecks.eigenvalueRatio(k, a, dw, dd), tol);
      // Z·X through the tree against the formed Z times X, per column relative to n u ‖x_j‖₂
      DMatrix ref = DMatrix.allocate(arena, n, TREE_COLUMNS);
      k.gemm(false, false, n, TREE_COLUMNS, n, 1.0, z0.segment(), z0.offset(), z0.ld(), x64Input.segment(),
          x64Input.offset(), x64Input.ld(), 0.0, ref.segment(), ref.offset(), ref.ld());
      double worst = 0;
      for (int j = 0; j < TREE_COLUMNS; j++) {
        double norm = k.nrm2(n, x64Input.segment(), x64Input.index(0, j));
        for (int i = 0; i < n; i++) {
          worst = Math.max(worst, Math.abs(x64.get(i, j) - ref.get(i, j)) / (n * Tolerances.U * norm));
        }
      }
      Accuracy.check(params, "max |Z x (tree) - Z x (formed)| / (n u |x|)", worst, tol);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    arena.close();
  }

  @Benchmark
  public double[] values() {
    return solver.values(a);
  }

  @Benchmark
  public double[] vectors() {
    return solver.vectors(a, v);
  }

  @Benchmark
  public double[] projections() {
    bw.copyFrom(b);
    return solver.projections(a, bw);
  }

  /** Baseline of the in-place stages: copying A. */
  @Benchmark
  public DMatrix copyOnly() {
    work.copyFrom(a);
    return work;
  }

  @Benchmark
  public double[] reduction() {
    work.copyFrom(a);
    try (Arena scratch = Arena.ofConfined()) {
      reducer.reduce(work, dw, ew, tw, scratch);
    }
    return dw;
  }

  @Benchmark
  public double[] tridiagonalQlValues() {
    System.arraycopy(d0, 0, dw, 0, n);
    System.arraycopy(e0, 0, ew, 0, n);
    ql.values(dw, ew);
    return dw;
  }

  @Benchmark
  public double[] tridiagonalDcVectors() {
    System.arraycopy(d0, 0, dw, 0, n);
    System.arraycopy(e0, 0, ew, 0, n);
    dc.vectors(dw, ew, z);
    return dw;
  }

  /** Divide and conquer kept as its tree of merges, applied to the n×64 matrix of one experiment draw. */
  @Benchmark
  public DMatrix tridiagonalDcTree() {
    System.arraycopy(d0, 0, dw, 0, n);
    System.arraycopy(e0, 0, ew, 0, n);
    x64.copyFrom(x64Input);
    try (Arena scratch = Arena.ofConfined()) {
      dc.factor(dw, ew, scratch).multiply(x64);
    }
    return x64;
  }

  @Benchmark
  public DMatrix backTransform() {
    z.copyFrom(z0);
    try (Arena scratch = Arena.ofConfined()) {
      back.apply(reduced, tau0, z, false, scratch);
    }
    return z;
  }
}
