package org.dmftbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EigCommandTest {

  private record Run(int code, String out, String err) {
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DmftBench.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private static final double[][] A = {{4, 1, 0.5}, {1, 3, -1}, {0.5, -1, 2}};

  private static Path write(Path dir) throws IOException {
    Path f = dir.resolve("a.mtx");
    Files.writeString(f, "%%MatrixMarket matrix coordinate real symmetric\n3 3 6\n1 1 4\n2 1 1\n3 1 0.5\n2 2 3\n"
        + "3 2 -1\n3 3 2\n");
    return f;
  }

  private static double[] reference() {
    double[] ref = new EigenDecomposition(new Array2DRowRealMatrix(A)).getRealEigenvalues();
    Arrays.sort(ref);
    return ref;
  }

  @Test
  void printsEigenvaluesAndInvariants(@TempDir Path dir) throws IOException {
    Run r = run("eig", write(dir).toString());
    assertEquals(0, r.code(), r.err());
    List<String> values = r.out().lines().filter(l -> !l.startsWith("#")).toList();
    double[] ref = reference();
    assertEquals(3, values.size(), r.out());
    for (int i = 0; i < 3; i++) {
      assertEquals(ref[i], Double.parseDouble(values.get(i)), 1e-14 * 5);
    }
    assertTrue(r.out().contains("# trace ratio"), r.out());
  }

  @Test
  void vectorsReportResidualAndOrthogonality(@TempDir Path dir) throws IOException {
    Run r = run("eig", write(dir).toString(), "--vectors");
    assertEquals(0, r.code(), r.err());
    String res = r.out().lines().filter(l -> l.startsWith("# residual ratio")).findFirst().orElseThrow();
    String orth = r.out().lines().filter(l -> l.startsWith("# orthogonality ratio")).findFirst().orElseThrow();
    assertTrue(Double.parseDouble(res.replaceAll(".*= (\\S+) .*", "$1")) < 30, res);
    assertTrue(Double.parseDouble(orth.replaceAll(".*= (\\S+) .*", "$1")) < 30, orth);
  }

  @Test
  void writesCsv(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("values.csv");
    Run r = run("eig", write(dir).toString(), "--out", csv.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("index,eigenvalue", lines.get(0));
    assertEquals(4, lines.size());
    assertEquals(reference()[2], Double.parseDouble(lines.get(3).split(",")[1]), 1e-13);
  }

  @Test
  void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.mtx");
    Files.writeString(bad, "%%MatrixMarket matrix coordinate real symmetric\n3 3 2\n1 1 1\n4 1 2\n");
    Run r = run("eig", bad.toString());
    assertEquals(2, r.code());
    assertEquals("dmftbench: " + bad + ":4: row index 4 out of range 1..3" + System.lineSeparator(), r.err());

    Run missing = run("eig", dir.resolve("nope.mtx").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().startsWith("dmftbench: ") && missing.err().contains("no such file"), missing.err());

    Path general = dir.resolve("g.mtx");
    Files.writeString(general, "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n2 1 5\n");
    Run asym = run("eig", general.toString());
    assertEquals(2, asym.code());
    assertTrue(asym.err().contains("not symmetric"), asym.err());
    assertEquals(1, asym.err().lines().count(), asym.err());
  }
}
