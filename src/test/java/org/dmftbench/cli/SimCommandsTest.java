package org.dmftbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate} and {@code scaling} from the command line: outputs, fits, plots and bad input. */
class SimCommandsTest {

  private record Run(int code, String out, String err) {
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DmftBench.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void simulateWritesMeanAndStandardErrorWithComparison(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("sim.csv");
    Run r = run("simulate", "--N", "60", "--P", "30", "--gamma", "1e-3", "--draws", "12", "--points", "5", "--t-min", "0.1", "--t-max", "1e4",
        "--threads", "2", "--compare", "--quiet", "--out", csv.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(csv);
    assertTrue(lines.get(0).startsWith("# dmftbench simulate power law N=60"), lines.get(0));
    assertEquals("t,eg_mean,eg_se,etr_mean,etr_se,eg_dmft,gap_se,gap_rel,agree", lines.get(1));
    assertEquals(2 + 5 + 1, lines.size());
    String[] first = lines.get(2).split(",");
    assertEquals(0.1, Double.parseDouble(first[0]), 1e-12);
    // E_g(0.1) is close to E_g(0) = Σ c_k (no noise, no init), and the SE is positive.
    assertTrue(Double.parseDouble(first[1]) > 1 && Double.parseDouble(first[2]) > 0);
    assertTrue(r.err().contains("points within"), r.err());
    // Same seed, one thread: identical file.
    Path csv1 = dir.resolve("sim1.csv");
    assertEquals(0, run("simulate", "--N", "60", "--P", "30", "--gamma", "1e-3", "--draws", "12", "--points", "5", "--t-min", "0.1", "--t-max", "1e4",
        "--threads", "1", "--compare", "--quiet", "--out", csv1.toString()).code());
    assertEquals(Files.readString(csv), Files.readString(csv1));
  }

  @Test
  void scalingFitsExponentAndDrawsPlot(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("p.png");
    Path svg = dir.resolve("t.svg");
    Run p = run("scaling", "--vary", "P", "--N", "100000", "--from", "30", "--to", "1000", "--points", "6",
        "--quiet", "--plot", png.toString());
    assertEquals(0, p.code(), p.err());
    assertTrue(p.out().contains("fitted exponent -0.5"), p.out());
    assertTrue(p.out().contains("theoretical exponent -min(beta, 2(1+alpha)) = -0.5000"), p.out());
    assertTrue(Files.size(png) > 1000);
    Run t = run("scaling", "--vary", "t", "--population", "--N", "100000", "--from", "10", "--to", "1000",
        "--points", "5", "--quiet", "--plot", svg.toString());
    assertEquals(0, t.code(), t.err());
    assertTrue(Files.readString(svg).contains("<svg"));
    assertTrue(t.out().contains("-beta/(1+alpha) = -0.3333"), t.out());
  }

  @Test
  void optimalEarlyStoppingUnderLabelNoise() {
    Run r = run("scaling", "--vary", "P", "--optimal-stopping", "--N", "200", "--from", "20", "--to", "80", "--points",
        "3", "--sigma2", "0.5", "--t-min", "0.1", "--t-max", "1e4", "--t-points", "41", "--quiet");
    assertEquals(0, r.code(), r.err());
    String[] rows = r.out().lines().filter(l -> !l.startsWith("#") && !l.startsWith("P,")).toArray(String[]::new);
    assertEquals(3, rows.length, r.out());
    for (String row : rows) {
      String[] f = row.split(",");
      assertEquals("true", f[3], "optimum inside the time range: " + row);
    }
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() {
    for (String[] args : new String[][] {
        {"simulate", "--alpha", "-1"},
        {"simulate", "--N", "0"},
        {"simulate", "--draws", "1"},
        {"simulate", "--route", "sideways"},
        {"simulate", "--t-min", "NaN"},
        {"simulate", "--N", "10", "--P", "20", "--route", "dual"},
        {"scaling", "--vary", "Q", "--from", "1", "--to", "10"},
        {"scaling", "--vary", "P", "--from", "10", "--to", "1", "--quiet"},
        {"scaling", "--vary", "t", "--from", "1", "--to", "10", "--plot", "x.gif", "--population", "--quiet"},
        {"simulate", "--tail-M", "5", "--N", "10"}}) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertTrue(r.err().startsWith("dmftbench: "), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
    }
  }
}
