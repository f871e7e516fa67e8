package org.dmftbench.bench;

import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;
import org.dmftbench.Tolerances;
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
 * dgemm (β = 0), one thread, the Vector API kernels against the plain scalar twin:
 * <ul>
 *   <li>{@code multiply}: square C ← A·B, n×n, the packed path; GFLOP/s = 2n³ / (score · 10⁶);</li>
 *   <li>{@code multiplyTransposedNarrow}: C ← Aᵀ·B with B n×4, the unpacked path for at most
 *       {@link org.dmftbench.Tuning#GEMM_NARROW_COLS} columns (as in Zᵀ and Qᵀ on the three or four
 *       projection columns of a draw); GFLOP/s = 8n² / (score · 10⁶).</li>
 * </ul>
 * The answer is checked once per trial against the scalar twin, entry-wise, relative to the bound
 * n·u·Σ_p |op(a)_ip b_pj|.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class GemmBenchmark {

  @Param({"64", "255", "512", "1024"})
  public int n;

  @Param({"panama", "scalar"})
  public String impl;

  private Arena arena;
  private DMatrix a;
  private DMatrix b;
  private DMatrix c;
  private DenseKernels k;
  private DMatrix b4;
  private DMatrix c4;

  private static final int NARROW = 4;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    arena = Arena.ofShared();
    a = KernelData.randomMatrix(arena, n, n, 1);
    b = KernelData.randomMatrix(arena, n, n, 2);
    c = DMatrix.allocate(arena, n, n);
    k = KernelData.kernels(impl);
    if (params.getBenchmark().endsWith(".multiplyTransposedNarrow")) {
      b4 = KernelData.randomMatrix(arena, n, NARROW, 3);
      c4 = DMatrix.allocate(arena, n, NARROW);
      DMatrix at = DMatrix.allocate(arena, n, n);
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < n; i++) {
          at.set(i, j, a.get(j, i));
        }
      }
      DMatrix ref4 = DMatrix.allocate(arena, n, NARROW);
      Kernels.scalarDense().gemm(false, false, n, NARROW, n, 1, at.segment(), 0, at.ld(), b4.segment(), 0, b4.ld(),
          0, ref4.segment(), 0, ref4.ld());
      multiplyTransposedNarrow();
      Accuracy.check(params, "max |C - C_scalar| / (n u sum|a b|)",
          KernelData.productErrorRatio(at, b4, c4, ref4), Tolerances.REDUCTION_C);
      return;
    }
    DMatrix ref = DMatrix.allocate(arena, n, n);
    Kernels.scalarDense().gemm(false, false, n, n, n, 1, a.segment(), 0, a.ld(), b.segment(), 0, b.ld(),
        0, ref.segment(), 0, ref.ld());
    multiply();
    Accuracy.check(params, "max |C - C_scalar| / (n u sum|a b|)",
        KernelData.productErrorRatio(a, b, c, ref), Tolerances.REDUCTION_C);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    arena.close();
  }

  @Benchmark
  public DMatrix multiply() {
    k.gemm(false, false, n, n, n, 1, a.segment(), a.offset(), a.ld(), b.segment(), b.offset(), b.ld(),
        0, c.segment(), c.offset(), c.ld());
    return c;
  }

  @Benchmark
  public DMatrix multiplyTransposedNarrow() {
    k.gemm(true, false, n, NARROW, n, 1, a.segment(), a.offset(), a.ld(), b4.segment(), b4.offset(), b4.ld(),
        0, c4.segment(), c4.offset(), c4.ld());
    return c4;
  }
}
