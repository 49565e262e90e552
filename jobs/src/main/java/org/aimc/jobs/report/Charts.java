package org.aimc.jobs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.chart.ui.TextAnchor;

/** The report's plots, drawn with JFreeChart into PNG bytes (headless AWT). */
final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 540;
    /** Colour-blind-safe palette (Okabe and Ito, "Color Universal Design", 2008). */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x999999)};

    private Charts() {
    }

    /** x, y pairs of one named series. */
    record Series(String name, double[] x, double[] y) {
    }

    static Axis log(String label) {
        return new Axis(label, true);
    }

    static Axis linear(String label) {
        return new Axis(label, false);
    }

    record Axis(String label, boolean log) {
        ValueAxis make() {
            if (log) {
                LogAxis a = new LogAxis(label);
                a.setSmallestValue(1e-300);
                a.setNumberFormatOverride(new java.text.DecimalFormat("0.##E0"));
                return a;
            }
            NumberAxis a = new NumberAxis(label);
            a.setAutoRangeIncludesZero(false);
            return a;
        }
    }

    /**
     * Scatter plot, one colour per series; {@code line} (may be null) is drawn in black through its points
     * in the given order (a 2-D Pareto front as a staircase).
     */
    static byte[] scatter(String title, Axis x, Axis y, List<Series> series, Series line) {
        XYSeriesCollection pts = new XYSeriesCollection();
        for (Series s : series) {
            pts.addSeries(xySeries(s, x, y, false));
        }
        XYPlot plot = new XYPlot(pts, x.make(), y.make(), null);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < series.size(); i++) {
            dots.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            dots.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        plot.setRenderer(0, dots);
        if (line != null && line.x().length > 0) {
            XYSeries f = xySeries(line, x, y, false);
            XYLineAndShapeRenderer stairs = new XYLineAndShapeRenderer(true, true);
            stairs.setSeriesPaint(0, Color.BLACK);
            stairs.setSeriesStroke(0, new BasicStroke(2f));
            stairs.setSeriesShape(0, new java.awt.Rectangle(-4, -4, 8, 8));
            plot.setDataset(1, new XYSeriesCollection(f));
            plot.setRenderer(1, stairs);
        }
        return png(finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true)));
    }

    /** The points of {@code s} that the axes can show (finite; positive on a log axis). */
    private static XYSeries xySeries(Series s, Axis x, Axis y, boolean sortByX) {
        XYSeries xs = new XYSeries(s.name(), sortByX, true);
        for (int i = 0; i < s.x().length; i++) {
            if (usable(s.x()[i], x) && usable(s.y()[i], y)) {
                xs.add(s.x()[i], s.y()[i]);
            }
        }
        return xs;
    }

    private static boolean usable(double v, Axis a) {
        return Double.isFinite(v) && (!a.log() || v > 0);
    }

    /** Points with vertical error bars (y − lo, y + hi) plus the line y = x. */
    static byte[] errorScatter(String title, Axis x, Axis y, String name, double[] xs, double[] ys, double[] lo,
            double[] hi) {
        XYIntervalSeries s = new XYIntervalSeries(name);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            s.add(xs[i], xs[i], xs[i], ys[i], lo[i], hi[i]);
            min = Math.min(min, Math.min(xs[i], lo[i]));
            max = Math.max(max, Math.max(xs[i], hi[i]));
        }
        XYPlot plot = new XYPlot(new XYIntervalSeriesCollection(), x.make(), y.make(), null);
        XYIntervalSeriesCollection c = new XYIntervalSeriesCollection();
        c.addSeries(s);
        plot.setDataset(0, c);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setSeriesPaint(0, PALETTE[0]);
        plot.setRenderer(0, r);
        XYSeries diag = new XYSeries("refined = estimated");
        diag.add(min, min);
        diag.add(max, max);
        XYLineAndShapeRenderer l = new XYLineAndShapeRenderer(true, false);
        l.setSeriesPaint(0, Color.GRAY);
        l.setSeriesStroke(0, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        plot.setDataset(1, new XYSeriesCollection(diag));
        plot.setRenderer(1, l);
        return png(finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true)));
    }

    /** Lines through (x, y) points, one per series, x in ascending order. */
    static byte[] lines(String title, Axis x, Axis y, List<Series> series) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (Series s : series) {
            c.addSeries(xySeries(s, x, y, true));
        }
        XYPlot plot = new XYPlot(c, x.make(), y.make(), null);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(r);
        return png(finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true)));
    }

    /**
     * Heat map of a value per (row, column) cell; null cells are grey and say "none". Values are written in
     * the cells with {@code format}.
     */
    static byte[] heatMap(String title, String rowLabel, String colLabel, List<String> rows, List<String> cols,
            Double[][] values, String format, String legend) {
        int n = rows.size() * cols.size();
        double[][] xyz = new double[3][n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Double[] r : values) {
            for (Double v : r) {
                if (v != null) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            lo = hi - 1; // a single value: the darkest colour
        }
        int k = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                if (values[i][j] != null) { // empty cells show the grey background
                    xyz[0][k] = j;
                    xyz[1][k] = i;
                    xyz[2][k] = values[i][j];
                    k++;
                }
            }
        }
        DefaultXYZDataset ds = new DefaultXYZDataset();
        ds.addSeries(legend, new double[][] {Arrays.copyOf(xyz[0], k), Arrays.copyOf(xyz[1], k),
            Arrays.copyOf(xyz[2], k)});
        LookupPaintScale scale = new LookupPaintScale(lo, hi + (hi - lo) * 1e-9, Color.LIGHT_GRAY);
        int steps = 32;
        for (int s = 0; s < steps; s++) {
            double t = (double) s / (steps - 1);
            scale.add(lo + (hi - lo) * s / steps, blend(new Color(0xDEEBF7), new Color(0x08519C), t));
        }
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        SymbolAxis xa = new SymbolAxis(colLabel, cols.toArray(String[]::new));
        SymbolAxis ya = new SymbolAxis(rowLabel, rows.toArray(String[]::new));
        xa.setGridBandsVisible(false);
        ya.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(ds, xa, ya, r);
        plot.setBackgroundPaint(Color.LIGHT_GRAY);
        k = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                Double v = values[i][j];
                String text = v == null ? "none" : String.format(Locale.ROOT, format, v);
                XYTextAnnotation a = new XYTextAnnotation(text, j, i);
                a.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
                a.setPaint(v != null && (v - lo) / (hi - lo) > 0.55 ? Color.WHITE : Color.BLACK);
                a.setTextAnchor(TextAnchor.CENTER);
                plot.addAnnotation(a);
            }
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return png(finish(chart));
    }

    private static Paint blend(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    /** Stacked bars: one bar per category, one stacked part per key of {@code parts} (in map order). */
    static byte[] stackedBars(String title, String categoryLabel, String valueLabel, List<String> categories,
            Map<String, double[]> parts) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (Map.Entry<String, double[]> e : parts.entrySet()) {
            for (int i = 0; i < categories.size(); i++) {
                ds.addValue(e.getValue()[i], e.getKey(), categories.get(i));
            }
        }
        CategoryAxis ca = new CategoryAxis(categoryLabel);
        ca.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        StackedBarRenderer r = new StackedBarRenderer();
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        for (int i = 0; i < parts.size(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        CategoryPlot plot = new CategoryPlot(ds, ca, new NumberAxis(valueLabel), r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        return png(finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true)));
    }

    private static JFreeChart finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xF7F7F7));
        if (chart.getPlot() instanceof XYPlot p && !(p.getRenderer() instanceof XYBlockRenderer)) {
            p.setDomainGridlinePaint(Color.LIGHT_GRAY);
            p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setPosition(RectangleEdge.RIGHT);
        }
        return chart;
    }

    static byte[] png(JFreeChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
