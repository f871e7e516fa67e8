package org.dmftbench.cli;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** A log-log learning-curve chart, written as PNG (JFreeChart) or SVG (JFreeSVG), headless. */
final class LearningCurvePlot {

  private static final int WIDTH = 800;
  private static final int HEIGHT = 560;

  private LearningCurvePlot() {
  }

  static void checkFormat(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".png") && !name.endsWith(".svg")) {
      throw new UserInputException("--plot file must end in .png or .svg, got " + file);
    }
  }

  static void write(Path file, double[] t, double[] y, String label) throws IOException {
    checkFormat(file);
    System.setProperty("java.awt.headless", "true");
    XYSeries series = new XYSeries(label);
    for (int i = 0; i < t.length; i++) {
      if (t[i] > 0 && y[i] > 0) {
        series.add(t[i], y[i]);
      }
    }
    if (series.getItemCount() == 0) {
      throw new UserInputException("nothing to plot: no point with t > 0 and a positive value");
    }
    LogAxis x = new LogAxis("training time t");
    LogAxis yAxis = new LogAxis(label);
    x.setSmallestValue(1e-300);
    yAxis.setSmallestValue(1e-300);
    XYPlot plot = new XYPlot(new XYSeriesCollection(series), x, yAxis, new XYLineAndShapeRenderer(true, false));
    JFreeChart chart = new JFreeChart("dmftbench learning curve", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    } else {
      SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
      chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
      SVGUtils.writeToSVG(file.toFile(), g2.getSVGElement());
    }
  }
}
