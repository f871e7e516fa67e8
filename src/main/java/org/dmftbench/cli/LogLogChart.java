package org.dmftbench.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** A log-log chart of a few series (data with markers, lines without), written as PNG or SVG by extension. */
final class LogLogChart {

  private record Series(String name, double[] x, double[] y, boolean markers, Color color, boolean dashed) {
  }

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();

  LogLogChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  LogLogChart points(String name, double[] x, double[] y, Color color) {
    series.add(new Series(name, x, y, true, color, false));
    return this;
  }

  LogLogChart line(String name, double[] x, double[] y, Color color, boolean dashed) {
    series.add(new Series(name, x, y, false, color, dashed));
    return this;
  }

  void write(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".png") && !name.endsWith(".svg")) {
      throw new IllegalArgumentException("plot file must end in .png or .svg, got " + file);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    int i = 0;
    for (Series s : series) {
      XYSeries xy = new XYSeries(s.name(), false, true);
      for (int k = 0; k < s.x().length; k++) {
        if (s.x()[k] > 0 && s.y()[k] > 0 && Double.isFinite(s.y()[k])) {
          xy.add(s.x()[k], s.y()[k]);
        }
      }
      data.addSeries(xy);
      renderer.setSeriesShapesVisible(i, s.markers());
      renderer.setSeriesLinesVisible(i, true);
      renderer.setSeriesPaint(i, s.color());
      renderer.setSeriesStroke(i, s.dashed()
          ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
          : new BasicStroke(s.markers() ? 1f : 2f));
      i++;
    }
    LogAxis x = new LogAxis(xLabel);
    LogAxis y = new LogAxis(yLabel);
    x.setSmallestValue(1e-300);
    x.setNumberFormatOverride(new java.text.DecimalFormat("0.##E0"));
    y.setNumberFormatOverride(new java.text.DecimalFormat("0.##E0"));
    y.setSmallestValue(1e-300);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    int w = 800;
    int h = 560;
    if (name.endsWith(".png")) {
      ChartUtils.saveChartAsPNG(file.toFile(), chart, w, h);
    } else {
      SVGGraphics2D g = new SVGGraphics2D(w, h);
      chart.draw(g, new Rectangle(0, 0, w, h));
      Files.writeString(file, g.getSVGDocument(), StandardCharsets.UTF_8);
    }
  }
}
