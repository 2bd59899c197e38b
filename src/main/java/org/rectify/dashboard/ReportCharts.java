package org.rectify.dashboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The dispatch report's charts, drawn on the server with JFreeChart in the report's own font (so they
 * print Chinese without any system font) as PNG at twice their size in the page, for print. Colours
 * repeat what the tables beside them say in words and figures.
 */
final class ReportCharts {

    /** Width in points (and pixels before the scale) of a chart on an A4 page. */
    static final int WIDTH = 520;

    private static final int SCALE = 2;
    private static final Color NEW = new Color(0x1f, 0x77, 0xb4);
    private static final Color CLOSED = new Color(0x2c, 0xa0, 0x2c);
    private static final Color OPEN = new Color(0x44, 0x44, 0x44);
    private static final Color OVERDUE = new Color(0xc0, 0x1c, 0x28);

    private final ReportText text;
    private final ReportFont font;

    ReportCharts(ReportText text, ReportFont font) {
        this.text = text;
        this.font = font;
    }

    /** The closure rate (整改完成率) of each unit of the breakdown, highest first, as horizontal bars. */
    byte[] closureByUnit(List<Dashboard.Line> units) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = text.text("report.figure.closureRate");
        units.stream()
                .filter(l -> l.figures().closureRate() != null)
                .sorted(Comparator.comparing((Dashboard.Line l) -> -l.figures().closureRate()))
                .forEach(l -> data.addValue(l.figures().closureRate(), series, text.name(l.name())));
        CategoryPlot plot = new CategoryPlot(
                data, new CategoryAxis(), new NumberAxis(text.text("report.chart.percent")), new BarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.getRangeAxis().setRange(0, 100);
        JFreeChart chart = chart(text.text("report.chart.closureByUnit"), plot, false);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setSeriesPaint(0, CLOSED);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        bars.setDefaultItemLabelsVisible(true);
        return png(chart, 80 + 18 * Math.max(data.getColumnCount(), 3));
    }

    /** The weekly trend: problems registered and closed each week as bars, open and overdue at its end as lines. */
    byte[] trend(List<Dashboard.Week> weeks) {
        DefaultCategoryDataset flows = new DefaultCategoryDataset();
        DefaultCategoryDataset stocks = new DefaultCategoryDataset();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("MM-dd");
        String registered = text.text("report.chart.new");
        String closed = text.text("report.chart.closed");
        String open = text.text("report.chart.open");
        String overdue = text.text("report.chart.overdue");
        for (Dashboard.Week w : weeks) {
            String week = day.format(w.end());
            flows.addValue(w.registered(), registered, week);
            flows.addValue(w.closed(), closed, week);
            stocks.addValue(w.open(), open, week);
            stocks.addValue(w.overdue(), overdue, week);
        }
        BarRenderer bars = new BarRenderer();
        NumberAxis counts = new NumberAxis(text.text("report.chart.problems"));
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot =
                new CategoryPlot(flows, new CategoryAxis(text.text("report.chart.weekEnding")), counts, bars);
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        plot.setDataset(1, stocks);
        plot.setRenderer(1, lines);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        JFreeChart chart = chart(text.text("report.chart.trend"), plot, true);
        bars.setSeriesPaint(0, NEW);
        bars.setSeriesPaint(1, CLOSED);
        lines.setSeriesPaint(0, OPEN);
        lines.setSeriesPaint(1, OVERDUE);
        lines.setSeriesStroke(0, new BasicStroke(2f));
        // dashed, so that the overdue line is told from the open one without its colour
        lines.setSeriesStroke(
                1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 3f}, 0f));
        return png(chart, 300);
    }

    /** The chart in the report's font and plain colours; series paints are set after, as the theme resets them. */
    private JFreeChart chart(String title, CategoryPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, font.awt(Font.BOLD, 13f), plot, legend);
        StandardChartTheme theme = new StandardChartTheme("report");
        theme.setExtraLargeFont(font.awt(Font.BOLD, 13f));
        theme.setLargeFont(font.awt(Font.PLAIN, 11f));
        theme.setRegularFont(font.awt(Font.PLAIN, 10f));
        theme.setSmallFont(font.awt(Font.PLAIN, 9f));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(Color.LIGHT_GRAY);
        theme.apply(chart);
        if (legend) {
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    private static byte[] png(JFreeChart chart, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeScaledChartAsPNG(out, chart, WIDTH, height, SCALE, SCALE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
