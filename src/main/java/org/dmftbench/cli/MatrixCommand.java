package org.dmftbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dmftbench.report.Comparison;
import org.dmftbench.report.Matrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmftbench matrix DIR1 DIR2 …}: every JVM configuration against the first. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
    description = {"Compare result bundles of the same benchmarks run on several JDKs or JVM configurations "
        + "(scripts/compare-jdks.sh makes them): time ratio of each to the first with bootstrap intervals, "
        + "geometric means, and a chart. Writes matrix.md, matrix.json, matrix.png and matrix.svg.",
        "Exit codes: 0 ok, 2 bad input."})
final class MatrixCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "2..*", paramLabel = "DIR", description = "Result bundles; the first is the reference.")
  List<Path> bundles;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the matrix report.")
  Path out;

  @Mixin
  ComparisonOptions stats;

  @Override
  public Integer call() throws Exception {
    Comparison.Settings s = stats.settings();
    Matrix m = Matrix.read(bundles, s);
    PrintWriter pw = spec.commandLine().getOut();
    for (int i = 0; i < m.comparisons().size(); i++) {
      pw.println("== " + bundles.get(i + 1) + " against " + bundles.get(0));
      pw.print(m.comparisons().get(i).toText());
      pw.println();
    }
    for (Path f : m.write(out)) {
      pw.println("wrote " + f);
    }
    pw.flush();
    return DmftBench.OK;
  }
}
