package org.dmftbench.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.dmftbench.Tolerances;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.kernels.PackedLower;
import org.dmftbench.linalg.DMatrix;
import org.dmftbench.linalg.DVector;
import org.dmftbench.linalg.OffHeap;
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
 * Matrix-vector products y ← A·x and y ← Aᵀ·x (β = 0) and the fused lower symv, n×n, SIMD against
 * the scalar twin; the same symv over the tiled copy of {@link PackedLower} (as the tridiagonal
 * reduction runs it, the copy made once in the set-up), and the packing itself. Score in µs/op;
 * GFLOP/s = 2n² / (score · 10³). n = 255 fits L2, 2047 does not.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class GemvBenchmark {

  @Param({"255", "2047"})
  public int n;

  @Param({"panama", "scalar"})
  public String impl;

  private Arena arena;
  private DMatrix a;
  private DVector x;
  private DVector y;
  private MemorySegment packed;
  private DenseKernels k;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    arena = Arena.ofShared();
    a = KernelData.randomMatrix(arena, n, n, 3);
    x = KernelData.randomVector(arena, n, 4);
    y = DVector.allocate(arena, n);
    k = KernelData.kernels(impl);
    packed = OffHeap.doubles(arena, PackedLower.size(n), "packed matrix");
    packLower();
    DenseKernels twin = Kernels.scalarDense();
    DVector ref = DVector.allocate(arena, n);
    double worst = 0;
    for (int variant = 0; variant < 4; variant++) {
      run(twin, Math.min(variant, 2), ref);
      run(k, variant, y);
      for (int i = 0; i < n; i++) {
        double scale = 0;
        for (int j = 0; j < n; j++) {
          double aij = switch (variant) {
            case 0 -> a.get(i, j);
            case 1 -> a.get(j, i);
            default -> i >= j ? a.get(i, j) : a.get(j, i);
          };
          scale += Math.abs(aij * x.get(j));
        }
        worst = Math.max(worst, Math.abs(y.get(i) - ref.get(i)) / (n * Tolerances.U * scale));
      }
    }
    Accuracy.check(params, "max |y - y_scalar| / (n u sum|a x|)", worst, Tolerances.REDUCTION_C);
  }

  private void run(DenseKernels kk, int variant, DVector out) {
    switch (variant) {
      case 0 -> kk.gemvN(n, n, 1, a.segment(), 0, a.ld(), x.segment(), 0, 0, out.segment(), 0);
      case 1 -> kk.gemvT(n, n, 1, a.segment(), 0, a.ld(), x.segment(), 0, 0, out.segment(), 0);
      case 2 -> kk.symvLower(n, 1, a.segment(), 0, a.ld(), x.segment(), 0, 0, out.segment(), 0);
      default -> kk.symvLowerPacked(n, 0, 1, packed, 0, x.segment(), 0, 0, out.segment(), 0);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    arena.close();
  }

  @Benchmark
  public DVector gemvN() {
    k.gemvN(n, n, 1, a.segment(), a.offset(), a.ld(), x.segment(), x.offset(), 0, y.segment(), y.offset());
    return y;
  }

  @Benchmark
  public DVector gemvT() {
    k.gemvT(n, n, 1, a.segment(), a.offset(), a.ld(), x.segment(), x.offset(), 0, y.segment(), y.offset());
    return y;
  }

  @Benchmark
  public DVector symvLower() {
    k.symvLower(n, 1, a.segment(), a.offset(), a.ld(), x.segment(), x.offset(), 0, y.segment(), y.offset());
    return y;
  }

  @Benchmark
  public DVector symvLowerPacked() {
    k.symvLowerPacked(n, 0, 1, packed, 0, x.segment(), x.offset(), 0, y.segment(), y.offset());
    return y;
  }

  @Benchmark
  public MemorySegment packLower() {
    k.packLower(n, a.segment(), a.offset(), a.ld(), packed, 0);
    return packed;
  }
}
