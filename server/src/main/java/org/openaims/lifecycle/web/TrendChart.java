package org.openaims.lifecycle.web;

import java.util.ArrayList;
import java.util.List;

import org.openaims.lifecycle.MetricThreshold;
import org.openaims.lifecycle.MetricTrend;

/**
 * A metric's trend as a small SVG line chart the template draws: the points' coordinates (numbers
 * only, so nothing a user wrote reaches an attribute unescaped), the bound's line, and the axis range.
 */
public record TrendChart(String metric, String where, MetricThreshold threshold, List<Point> points, String polyline, Double boundY, String min,
		String max) {

	static final int WIDTH = 320;

	static final int HEIGHT = 100;

	static final int PAD = 8;

	/** A point: its coordinates, version and value, and whether it passes the bound. */
	public record Point(double x, double y, String version, String value, boolean passes) {
	}

	static List<TrendChart> of(MetricTrend trend) {
		List<TrendChart> charts = new ArrayList<>();
		for (MetricTrend.Series s : trend.series()) {
			double min = s.min();
			double max = s.max();
			if (max - min < 1e-12) {
				min -= 0.5;
				max += 0.5;
			}
			double span = max - min;
			int n = s.points().size();
			List<Point> points = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < n; i++) {
				MetricTrend.Point p = s.points().get(i);
				double x = PAD + (n == 1 ? (WIDTH - 2 * PAD) / 2.0 : i * (WIDTH - 2.0 * PAD) / (n - 1));
				double y = PAD + (max - p.value()) / span * (HEIGHT - 2.0 * PAD);
				boolean passes = s.threshold() == null || s.threshold().direction().passes(p.value(), s.threshold().bound());
				points.add(new Point(round(x), round(y), p.systemVersion(), MetricThreshold.number(p.value()), passes));
				line.append(line.length() == 0 ? "" : " ").append(round(x)).append(',').append(round(y));
			}
			Double bound = s.threshold() == null ? null : round(PAD + (max - s.threshold().bound()) / span * (HEIGHT - 2.0 * PAD));
			String where = s.dataset() == null && s.slice() == null ? "" : (s.dataset() == null ? "" : s.dataset()) + (s.slice() == null ? "" : " / " + s.slice());
			charts.add(new TrendChart(s.metric(), where, s.threshold(), points, line.toString(), bound, MetricThreshold.number(min), MetricThreshold.number(max)));
		}
		return charts;
	}

	private static double round(double v) {
		return Math.round(v * 10) / 10.0;
	}
}
