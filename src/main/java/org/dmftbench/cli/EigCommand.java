package org.dmftbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dmftbench.Tolerances;
import org.dmftbench.eigen.EigenChecks;
import org.dmftbench.eigen.EigenSolvers;
import org.dmftbench.eigen.SymmetricEigenSolver;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.linalg.DMatrix;
import org.dmftbench.linalg.MatrixMarket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dmftbench eig FILE.mtx [--vectors] [--out values.csv]}: eigenvalues of a symmetric matrix
 * read from a Matrix Market file, with the accuracy figures that can be checked.
 *
 * <p>With {@code --vectors}: LAPACK's residual ‖AV − VΛ‖/(n‖A‖u) and orthogonality ‖VᵀV − I‖/(nu)
 * ratios. Values only: the invariants trace and Frobenius norm, |Σλ − tr A| / (n‖A‖u) and
 * |Σλ² − ‖A‖²| / (n‖A‖²u), which any backward-stable solver keeps small (O(1)–O(10)); they are
 * necessary conditions, not a full check.
 */
@Command(name = "eig", mixinStandardHelpOptions = true,
    description = "Eigenvalues (and optionally eigenvectors) of a real symmetric matrix in Matrix Market format "
        + "(coordinate or array, symmetric or general), with LAPACK-style accuracy ratios (< "
        + "30 is good).")
final class EigCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.mtx", description = "Matrix Market file of a real symmetric matrix.")
  Path file;

  @Option(names = "--vectors", description = "Also compute eigenvectors and report residual and orthogonality ratios.")
  boolean vectors;

  @Option(names = "--out", paramLabel = "values.csv",
      description = "Write the eigenvalues as CSV (index,eigenvalue) to this file instead of printing them.")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter pw = spec.commandLine().getOut();
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(file + ": no such file");
    }
    DenseKernels k = Kernels.dense();
    SymmetricEigenSolver solver = EigenSolvers.standard(k);
    try (Arena arena = Arena.ofConfined()) {
      DMatrix a = MatrixMarket.read(file, arena);
      int n = a.rows();
      if (a.cols() != n) {
        throw new UserInputException(file + ": the matrix is " + n + "x" + a.cols() + ", eigenvalues need a square matrix");
      }
      requireSymmetric(a);
      long t0 = System.nanoTime();
      double[] lambda;
      DMatrix v = null;
      if (vectors) {
        v = DMatrix.allocate(arena, n, n);
        lambda = solver.vectors(a, v);
      } else {
        lambda = solver.values(a);
      }
      double seconds = (System.nanoTime() - t0) * 1e-9;
      if (out != null) {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          w.write("index,eigenvalue\n");
          for (int i = 0; i < n; i++) {
            w.write((i + 1) + "," + repr(lambda[i]) + "\n");
          }
        }
        pw.println("wrote " + n + " eigenvalues to " + out);
      } else {
        for (double l : lambda) {
          pw.println(repr(l));
        }
      }
      pw.printf(Locale.ROOT, "# n = %d, solver %s, kernels %s, %.3f s%n", n, solver.name(), k.name(), seconds);
      if (vectors) {
        pw.printf(Locale.ROOT, "# residual ratio ||AV - V diag(l)||/(n ||A|| u) = %.3g (LAPACK threshold %.0f)%n",
            EigenChecks.residualRatio(k, a, lambda, v), Tolerances.LAPACK_TEST_RATIO);
        pw.printf(Locale.ROOT, "# orthogonality ratio ||V'V - I||/(n u) = %.3g (LAPACK threshold %.0f)%n",
            EigenChecks.orthogonalityRatio(k, v), Tolerances.LAPACK_TEST_RATIO);
      } else {
        invariants(pw, a, lambda, k);
      }
      pw.flush();
    }
    return DmftBench.OK;
  }

  /** Shortest text that reads back to the same double. */
  private static String repr(double x) {
    return Double.toString(x);
  }

  private void requireSymmetric(DMatrix a) {
    int n = a.rows();
    for (int j = 0; j < n; j++) {
      for (int i = j + 1; i < n; i++) {
        double l = a.get(i, j);
        double u = a.get(j, i);
        if (l != u) {
          throw new UserInputException(String.format(Locale.ROOT,
              "%s: the matrix is not symmetric: a(%d,%d) = %s but a(%d,%d) = %s", file, i + 1, j + 1, repr(l), j + 1,
              i + 1, repr(u)));
        }
      }
    }
  }

  private static void invariants(PrintWriter pw, DMatrix a, double[] lambda, DenseKernels k) {
    int n = a.rows();
    if (n == 0) {
      return;
    }
    double anorm;
    try (Arena arena = Arena.ofConfined()) {
      anorm = EigenChecks.frobenius(k, EigenChecks.symmetricCopy(a, arena));
    }
    double trace = 0;
    double sum = 0;
    double lmax = 0;
    for (int i = 0; i < n; i++) {
      trace += a.get(i, i);
      sum += lambda[i];
      lmax = Math.max(lmax, Math.abs(lambda[i]));
    }
    double lnorm = 0;
    double scale = Math.max(lmax, Double.MIN_NORMAL);
    for (double l : lambda) {
      lnorm += (l / scale) * (l / scale);
    }
    lnorm = scale * Math.sqrt(lnorm);
    double denom = n * anorm * Tolerances.U;
    pw.printf(Locale.ROOT, "# trace ratio |sum(l) - tr A|/(n ||A|| u) = %.3g%n", anorm == 0 ? 0 : Math.abs(sum - trace) / denom);
    pw.printf(Locale.ROOT, "# norm ratio |(||l|| - ||A||_F)|/(n ||A|| u) = %.3g%n", anorm == 0 ? 0 : Math.abs(lnorm - anorm) / denom);
  }
}
