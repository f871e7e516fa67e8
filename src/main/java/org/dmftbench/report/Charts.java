package org.dmftbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Headless charts of a result bundle, PNG and SVG: per benchmark family, time per operation and
 * (where {@link Flops} knows the count) GFLOP/s against problem size, log-log, with JMH's error as
 * error bars and each implementation or peer as its own line.
 */
public final class Charts {

  static final int WIDTH = 900;
  static final int HEIGHT = 560;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {
  }

  /** Writes the charts of {@code results} into {@code dir}; returns the files written. */
  public static List<Path> write(JmhResults results, Path dir, String subtitle) throws IOException {
    Files.createDirectories(dir);
    Map<String, List<JmhRow>> families = new TreeMap<>();
    for (JmhRow r : results.rows()) {
      if (!Double.isNaN(Params.size(r.key().params()))) {
        families.computeIfAbsent(Peers.family(r.key()), f -> new ArrayList<>()).add(r);
      }
    }
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, List<JmhRow>> e : families.entrySet()) {
      String family = e.getKey();
      List<JmhRow> rows = e.getValue();
      String sizeKey = Params.sizeKey(rows.get(0).key().params());
      String base = family.replaceAll("[^A-Za-z0-9._-]", "_");
      double[] secs = rows.stream().mapToDouble(r -> r.unit().secondsPerOp(r.score())).sorted().toArray();
      double median = secs[secs.length / 2];
      int u = median < 1e-6 ? 0 : median < 1e-3 ? 1 : median < 1 ? 2 : 3;
      double scale = new double[] {1e9, 1e6, 1e3, 1}[u];
      String unit = new String[] {"ns", "µs", "ms", "s"}[u];
      YIntervalSeriesCollection time = series(rows, false, scale);
      files.addAll(save(chart(family + ": time per operation", subtitle, sizeKey, unit + " per operation", time),
          dir, base + "-time"));
      YIntervalSeriesCollection gf = series(rows, true, 1);
      if (gf.getSeriesCount() > 0) {
        files.addAll(save(chart(family + ": GFLOP/s", subtitle, sizeKey, "GFLOP/s", gf), dir, base + "-gflops"));
      }
    }
    return files;
  }

  /** One series per line label; y is time per op × scale (with error bars) or GFLOP/s. */
  private static YIntervalSeriesCollection series(List<JmhRow> rows, boolean gflops, double scale) {
    Map<String, YIntervalSeries> lines = new LinkedHashMap<>();
    for (JmhRow r : rows) {
      double x = Params.size(r.key().params());
      double s = r.unit().secondsPerOp(r.score());
      double err = Double.isFinite(r.error()) ? r.error() : 0;
      double a = r.unit().secondsPerOp(r.score() - err);
      double b = r.unit().secondsPerOp(r.score() + err);
      double lo = Math.min(a, b);
      double hi = Math.max(a, b);
      if (!(lo > 0)) {
        lo = s;
      }
      double y = s;
      if (gflops) {
        var f = Flops.of(r.key());
        if (f.isEmpty()) {
          continue;
        }
        double fl = f.getAsDouble() / 1e9;
        y = fl / s;
        double ylo = fl / hi;
        double yhi = fl / lo;
        lo = ylo;
        hi = yhi;
      }
      if (!gflops) {
        y *= scale;
        lo *= scale;
        hi *= scale;
      }
      if (!(y > 0) || !(x > 0)) {
        continue;
      }
      String label = Peers.lineLabel(r.key()) + (rows.stream().map(q -> q.key().mode()).distinct().count() > 1
          ? " " + r.key().mode() : "");
      lines.computeIfAbsent(label, l -> new YIntervalSeries(l, true, true)).add(x, y, lo, hi);
    }
    YIntervalSeriesCollection c = new YIntervalSeriesCollection();
    lines.values().forEach(c::addSeries);
    return c;
  }

  private static JFreeChart chart(String title, String subtitle, String xLabel, String yLabel, YIntervalSeriesCollection data) {
    LogAxis x = new LogAxis(xLabel == null ? "size" : xLabel);
    x.setBase(2);
    x.setSmallestValue(1e-300);
    x.setNumberFormatOverride(new DecimalFormat("0"));
    org.jfree.data.Range xr = org.jfree.data.general.DatasetUtils.findDomainBounds(data, false);
    if (xr != null && xr.getLowerBound() > 0) {
      x.setRange(xr.getLowerBound() / 1.4, xr.getUpperBound() * 1.4);
      double span = Math.log(xr.getUpperBound() / xr.getLowerBound()) / Math.log(2);
      x.setTickUnit(new NumberTickUnit(span <= 14 ? 1 : 2), false, true);
    }
    LogAxis y = new LogAxis(yLabel);
    y.setSmallestValue(1e-300);
    y.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
    org.jfree.data.Range yr = org.jfree.data.general.DatasetUtils.findRangeBounds(data, true);
    if (yr != null && yr.getLowerBound() > 0) {
      y.setRange(yr.getLowerBound() / 1.5, yr.getUpperBound() * 1.5);
      double decades = Math.log10(yr.getUpperBound() * 2.25 / yr.getLowerBound());
      y.setTickUnit(new NumberTickUnit(decades >= 6 ? 1 : decades >= 3 ? 0.5 : decades >= 1.5 ? 0.25 : 0.1), false, true);
    }
    return finish(title, subtitle, new XYPlot(data, x, y, renderer()));
  }

  static XYErrorRenderer renderer() {
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDefaultLinesVisible(true);
    r.setDefaultShapesVisible(true);
    r.setDrawXError(false);
    r.setErrorStroke(new BasicStroke(1.2f));
    r.setCapLength(6);
    return r;
  }

  static JFreeChart finish(String title, String subtitle, XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    if (subtitle != null && !subtitle.isBlank()) {
      chart.addSubtitle(new TextTitle(subtitle));
    }
    return chart;
  }

  /**
   * A chart of ratios to a reference (1 = same): one point per row label on the x axis, one series
   * per configuration, with interval bars; a dashed line at 1.
   */
  public static List<Path> ratioChart(String title, String subtitle, List<String> rowLabels,
      Map<String, double[][]> seriesRatioLoHi, Path dir, String base) throws IOException {
    YIntervalSeriesCollection c = new YIntervalSeriesCollection();
    for (Map.Entry<String, double[][]> e : seriesRatioLoHi.entrySet()) {
      YIntervalSeries s = new YIntervalSeries(e.getKey(), false, true);
      double[][] v = e.getValue();
      for (int i = 0; i < v.length; i++) {
        if (v[i] != null && v[i][0] > 0) {
          double lo = Double.isFinite(v[i][1]) ? v[i][1] : v[i][0];
          double hi = Double.isFinite(v[i][2]) ? v[i][2] : v[i][0];
          s.add(i, v[i][0], lo, hi);
        }
      }
      c.addSeries(s);
    }
    SymbolAxis x = new SymbolAxis("", rowLabels.toArray(new String[0]));
    x.setVerticalTickLabels(true);
    LogAxis y = new LogAxis("time ratio to the reference (< 1: faster)");
    y.setSmallestValue(1e-6);
    y.setNumberFormatOverride(new DecimalFormat("0.###"));
    org.jfree.data.Range yr = org.jfree.data.general.DatasetUtils.findRangeBounds(c, true);
    if (yr != null && yr.getLowerBound() > 0) {
      y.setRange(Math.min(yr.getLowerBound(), 1) / 1.15, Math.max(yr.getUpperBound(), 1) * 1.15);
    }
    XYErrorRenderer r = renderer();
    r.setDefaultLinesVisible(false);
    XYPlot plot = new XYPlot(c, x, y, r);
    plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(1.0, Color.DARK_GRAY,
        new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)));
    Files.createDirectories(dir);
    return save(finish(title, subtitle, plot), dir, base);
  }

  static List<Path> save(JFreeChart chart, Path dir, String base) throws IOException {
    Path png = dir.resolve(base + ".png");
    Path svg = dir.resolve(base + ".svg");
    ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    Files.writeString(svg, g.getSVGDocument(), StandardCharsets.UTF_8);
    return List.of(png, svg);
  }
}
