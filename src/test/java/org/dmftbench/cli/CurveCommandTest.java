package org.dmftbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dmftbench.dmft.ContourSolver;
import org.dmftbench.dmft.CurvePoint;
import org.dmftbench.dmft.StaticLimits;
import org.dmftbench.model.Problem;
import org.dmftbench.model.Spectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurveCommandTest {

  @TempDir
  Path dir;

  record Run(int code, String out, String err) {
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = DmftBench.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void curveCsvMatchesTheSolverWithHonestDigits() {
    Run r = run("curve", "--N", "300", "--P", "150", "--sigma2", "0.05", "--points", "5", "--t-max", "1e4");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().filter(l -> !l.startsWith("#")).toList();
    assertEquals("t,E_g,E_tr,error", lines.get(0));
    assertEquals(6, lines.size());
    try (Spectrum s = Spectrum.powerLaw(300, 0.5, 0.5, 1, 1, 300)) {
      List<CurvePoint> pts = new ContourSolver(new Problem(s, 150, 0, 0.05, 0, 0))
          .curve(new double[] {1e-2, 1e-1, 1, 10, 1e2, 1e3, 1e4});
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",");
        double t = Double.parseDouble(f[0]);
        CurvePoint p = new ContourSolver(new Problem(s, 150, 0, 0.05, 0, 0)).point(t);
        double printed = Double.parseDouble(f[1]);
        double err = Double.parseDouble(f[3]);
        int mantissaDigits = f[1].substring(0, f[1].indexOf('e')).replace("-", "").replace(".", "").length();
        double lastDigit = Math.pow(10, Math.floor(Math.log10(Math.abs(printed))) - (mantissaDigits - 1));
        assertTrue(Math.abs(printed - p.eg()) <= err + 0.5 * lastDigit * (1 + 1e-9),
            "printed " + printed + " vs " + p.eg() + " error " + err);
        assertTrue(Math.pow(10, -mantissaDigits) * Math.abs(printed) * 10 >= err * 0.999,
            "digits beyond the estimate: " + f[1] + " with error " + f[3]);
      }
      assertTrue(pts.size() == 7);
    }
  }

  @Test
  void staticPrintsClosedFormsAndEarlyStopping() {
    Run r = run("static", "--N", "300", "--P", "150", "--sigma2", "0.5", "--gamma", "0");
    assertEquals(0, r.code(), r.err());
    try (Spectrum s = Spectrum.powerLaw(300, 0.5, 0.5, 1, 1, 300)) {
      StaticLimits.Result st = StaticLimits.solve(new Problem(s, 150, 0, 0.5, 0, 0));
      String line = r.out().lines().filter(l -> l.startsWith("E_g(inf)")).findFirst().orElseThrow();
      assertEquals(st.eg(), Double.parseDouble(line.split("\\s+")[1]), 1e-11 * st.eg());
    }
    assertTrue(r.out().contains("t*"), r.out());
    assertTrue(r.out().contains("E_g(t*)"), r.out());
  }

  @Test
  void timeMethodAndPlots() throws Exception {
    Path png = dir.resolve("c.png"), svg = dir.resolve("c.svg"), csv = dir.resolve("c.csv");
    Run r = run("curve", "--method", "time", "--N", "200", "--P", "100", "--t-min", "0.5", "--t-max", "10",
        "--points", "4", "--steps", "400", "--plot", png.toString(), "--out", csv.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(csv).contains("t,R_Delta,bias,T_term,sigma0_term,error"));
    assertTrue(Files.size(png) > 1000);
    Run r2 = run("curve", "--N", "200", "--P", "inf", "--points", "4", "--plot", svg.toString());
    assertEquals(0, r2.code(), r2.err());
    assertTrue(Files.readString(svg).startsWith("<svg") || Files.readString(svg).contains("<svg"));
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() {
    String[][] bad = {
        {"curve", "--alpha", "0"},
        {"curve", "--P", "-3"},
        {"curve", "--P", "abc"},
        {"curve", "--T", "1"},
        {"curve", "--sigma2", "NaN"},
        {"curve", "--method", "magic"},
        {"curve", "--t-min", "0"},
        {"curve", "--plot", "x.gif"},
        {"curve", "--spectrum", "/nonexistent/spectrum.txt"},
        {"static", "--N", "100", "--P", "100"},
        {"curve", "--N", "0"},
    };
    for (String[] args : bad) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      List<String> lines = r.err().lines().toList();
      assertEquals(1, lines.size(), String.join(" ", args) + ": " + r.err());
      assertTrue(lines.get(0).startsWith("dmftbench: "), r.err());
    }
  }
}
