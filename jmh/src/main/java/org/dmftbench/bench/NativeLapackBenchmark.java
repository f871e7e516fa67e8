package org.dmftbench.bench;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dmftbench.Tolerances;
import org.dmftbench.eigen.EigenChecks;
import org.dmftbench.eigen.EigenSolvers;
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
 * Optional native reference: LAPACK {@code dsyevd} (divide and conquer, the routine dmftbench's
 * vectors mode mirrors) called through the FFM API from {@code libopenblas.so.0} (one thread, set
 * with {@code openblas_set_num_threads(1)}) or else {@code liblapack.so.3}. When neither library is
 * installed the trial fails at set-up with one line saying so, and the other benchmarks of the run
 * go on (Debian: {@code apt-get install libopenblas0-pthread} or {@code liblapack3}); nothing in the
 * build or the tests needs the library. Same matrices and checks as {@link EigenBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class NativeLapackBenchmark {

  @Param({"256", "1024", "2048"})
  public int n;

  private Arena arena;
  private MethodHandle dsyevd;
  private String library;
  private MemorySegment input;
  private MemorySegment a;
  private MemorySegment w;
  private MemorySegment args;
  private MemorySegment work;
  private MemorySegment iwork;

  private static final String[] LIBRARIES = {"libopenblas.so.0", "liblapack.so.3"};

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws Throwable {
    arena = Arena.ofShared();
    Linker linker = Linker.nativeLinker();
    SymbolLookup lookup = null;
    for (String lib : LIBRARIES) {
      try {
        lookup = SymbolLookup.libraryLookup(lib, arena);
        library = lib;
        break;
      } catch (IllegalArgumentException notFound) {
        // try the next one
      }
    }
    if (lookup == null) {
      throw new IllegalStateException("native LAPACK reference skipped: neither libopenblas.so.0 nor liblapack.so.3 "
          + "is installed (Debian: apt-get install libopenblas0-pthread or liblapack3)");
    }
    Optional<MemorySegment> threads = lookup.find("openblas_set_num_threads");
    if (threads.isPresent()) {
      linker.downcallHandle(threads.get(), FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(1);
    }
    MemorySegment sym = lookup.find("dsyevd_").orElseThrow(
        () -> new IllegalStateException("native LAPACK reference skipped: " + library + " has no dsyevd_"));
    // dsyevd_(jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork, info, len(jobz), len(uplo))
    dsyevd = linker.downcallHandle(sym, FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
        ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG));
    DMatrix m = EigenInputs.gaussianPlusTranspose(arena, n);
    input = arena.allocate((long) n * n * Double.BYTES, 64);
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        input.setAtIndex(JAVA_DOUBLE, i + (long) j * n, m.get(i, j));
      }
    }
    a = arena.allocate((long) n * n * Double.BYTES, 64);
    w = arena.allocate((long) n * Double.BYTES, 64);
    args = arena.allocate(64, 8);
    // workspace query for the vectors case (the larger one)
    args.setAtIndex(JAVA_INT, 0, n);
    args.setAtIndex(JAVA_INT, 1, -1);
    args.setAtIndex(JAVA_INT, 2, -1);
    MemorySegment wq = arena.allocate(Double.BYTES, 8);
    MemorySegment iq = arena.allocate(Integer.BYTES, 4);
    call('V', wq, iq);
    int lwork = (int) wq.get(JAVA_DOUBLE, 0);
    int liwork = iq.get(JAVA_INT, 0);
    work = arena.allocate((long) Math.max(1, lwork) * Double.BYTES, 64);
    iwork = arena.allocate((long) Math.max(1, liwork) * Integer.BYTES, 64);
    args.setAtIndex(JAVA_INT, 1, lwork);
    args.setAtIndex(JAVA_INT, 2, liwork);

    DenseKernels k = Kernels.dense();
    double[] ref = EigenSolvers.standard(k).values(m);
    boolean vectors = params.getBenchmark().endsWith("dsyevdVectors");
    solve(vectors ? 'V' : 'N');
    double[] got = new double[n];
    for (int i = 0; i < n; i++) {
      got[i] = w.getAtIndex(JAVA_DOUBLE, i);
    }
    double tol = Tolerances.LAPACK_TEST_RATIO;
    Accuracy.check(params, "eigenvalue ratio vs dmftbench", EigenChecks.eigenvalueRatio(k, m, got, ref), tol);
    if (vectors) {
      DMatrix v = DMatrix.wrap(a, 0, n, n, n);
      Accuracy.check(params, "sampled residual ratio", EigenInputs.sampledResidualRatio(k, m, got, v, 16), tol);
      Accuracy.check(params, "sampled orthogonality ratio", EigenInputs.sampledOrthogonalityRatio(k, v, 16), tol);
    }
  }

  private void call(char jobz, MemorySegment wk, MemorySegment iwk) throws Throwable {
    MemorySegment jz = args.asSlice(16, 1);
    MemorySegment ul = args.asSlice(17, 1);
    jz.set(JAVA_BYTE, 0, (byte) jobz);
    ul.set(JAVA_BYTE, 0, (byte) 'L');
    MemorySegment nn = args.asSlice(0, 4);
    MemorySegment lw = args.asSlice(4, 4);
    MemorySegment liw = args.asSlice(8, 4);
    MemorySegment info = args.asSlice(12, 4);
    dsyevd.invokeExact(jz, ul, nn, a, nn, w, wk, lw, iwk, liw, info, 1L, 1L);
    int inf = info.get(JAVA_INT, 0);
    if (inf != 0) {
      throw new IllegalStateException("dsyevd returned info = " + inf);
    }
  }

  private void solve(char jobz) throws Throwable {
    MemorySegment.copy(input, 0, a, 0, input.byteSize());
    call(jobz, work, iwork);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    arena.close();
  }

  @Benchmark
  public MemorySegment dsyevdValues() throws Throwable {
    solve('N');
    return w;
  }

  @Benchmark
  public MemorySegment dsyevdVectors() throws Throwable {
    solve('V');
    return w;
  }
}
