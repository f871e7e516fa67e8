package org.dmftbench.bench;

import java.lang.foreign.Arena;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.dmftbench.Tolerances;
import org.dmftbench.eigen.EigenChecks;
import org.dmftbench.eigen.EigenSolvers;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.linalg.DMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
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
 * Pure-Java peers of {@link EigenBenchmark} on the same matrices: EJML 0.43.1
 * ({@code DecompositionFactory_DDRM.eig(n, needVectors, true)}, values and vectors) and Apache
 * Commons Math 3.6.1 ({@code EigenDecomposition}, which always computes vectors). Each trial checks
 * the peer's eigenvalues against dmftbench's (ratio max|λ − μ|/(n‖A‖u)). Commons Math at n = 2048
 * takes minutes per solve: not in the default parameters (pass {@code -p n=2048} to run it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class EigenPeersBenchmark {

  @Param({"256", "1024"})
  public int n;

  private Arena arena;
  private double[][] rows;
  private DMatrixRMaj ejmlInput;
  private DMatrixRMaj ejmlWork;
  private EigenDecomposition_F64<DMatrixRMaj> ejmlValues;
  private EigenDecomposition_F64<DMatrixRMaj> ejmlVectors;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    arena = Arena.ofConfined();
    DenseKernels k = Kernels.dense();
    DMatrix a = EigenInputs.gaussianPlusTranspose(arena, n);
    rows = a.toArray();
    ejmlInput = new DMatrixRMaj(rows);
    ejmlWork = new DMatrixRMaj(n, n);
    ejmlValues = DecompositionFactory_DDRM.eig(n, false, true);
    ejmlVectors = DecompositionFactory_DDRM.eig(n, true, true);
    double[] ref = EigenSolvers.standard(k).values(a);
    String m = params.getBenchmark();
    double[] got;
    if (m.endsWith("commonsMathVectors")) {
      got = new EigenDecomposition(new Array2DRowRealMatrix(rows, false)).getRealEigenvalues();
    } else {
      got = ejmlEigenvalues(m.endsWith("ejmlVectors") ? ejmlVectors : ejmlValues);
    }
    Arrays.sort(got);
    Accuracy.check(params, "eigenvalue ratio vs dmftbench", EigenChecks.eigenvalueRatio(k, a, got, ref),
        Tolerances.LAPACK_TEST_RATIO);
  }

  private double[] ejmlEigenvalues(EigenDecomposition_F64<DMatrixRMaj> eig) {
    ejmlWork.setTo(ejmlInput);
    if (!eig.decompose(ejmlWork)) {
      throw new IllegalStateException("EJML eigen-decomposition failed");
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = eig.getEigenvalue(i).real;
    }
    return out;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    arena.close();
  }

  @Benchmark
  public Object ejmlValues() {
    ejmlWork.setTo(ejmlInput);
    ejmlValues.decompose(ejmlWork);
    return ejmlValues.getEigenvalue(0);
  }

  @Benchmark
  public Object ejmlVectors() {
    ejmlWork.setTo(ejmlInput);
    ejmlVectors.decompose(ejmlWork);
    return ejmlVectors.getEigenVector(0);
  }

  @Benchmark
  public double[] commonsMathVectors() {
    return new EigenDecomposition(new Array2DRowRealMatrix(rows, false)).getRealEigenvalues();
  }
}
