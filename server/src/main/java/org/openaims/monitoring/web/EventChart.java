package org.openaims.monitoring.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openaims.monitoring.EventQueries;

/**
 * A system's events per hour as stacked SVG bars the template draws: numbers and fixed type names only,
 * so nothing a client sent reaches an attribute.
 */
public record EventChart(int width, int height, List<Bar> bars, List<Legend> legend, long max, long total, long late, Instant from, Instant to) {

	static final int HEIGHT = 140;

	static final int PAD = 6;

	/** One stacked piece of an hour's bar. */
	public record Bar(double x, double y, double width, double height, String colour, String title) {
	}

	public record Legend(String type, String colour, long count) {
	}

	private static final String[] COLOURS = { "#0d6efd", "#dc3545", "#198754", "#fd7e14", "#6f42c1", "#20c997", "#6c757d", "#d63384", "#ffc107" };

	static EventChart of(EventQueries.Series series) {
		int hours = series.hours().size();
		double slot = Math.max(3, Math.min(16, 720.0 / hours));
		int width = (int) Math.ceil(PAD * 2 + slot * hours);
		long max = 1;
		long[] totals = new long[hours];
		for (long[] counts : series.counts().values()) {
			for (int i = 0; i < hours; i++) {
				totals[i] += counts[i];
			}
		}
		for (long t : totals) {
			max = Math.max(max, t);
		}
		List<Bar> bars = new ArrayList<>();
		List<Legend> legend = new ArrayList<>();
		double[] base = new double[hours];
		int c = 0;
		for (Map.Entry<String, long[]> e : series.counts().entrySet()) {
			String colour = COLOURS[c++ % COLOURS.length];
			long sum = 0;
			for (int i = 0; i < hours; i++) {
				long n = e.getValue()[i];
				sum += n;
				if (n == 0) {
					continue;
				}
				double h = (HEIGHT - 2.0 * PAD) * n / max;
				double y = HEIGHT - PAD - base[i] - h;
				base[i] += h;
				bars.add(new Bar(round(PAD + i * slot), round(y), round(Math.max(1, slot - 1)), round(h), colour,
						series.hours().get(i) + " " + e.getKey() + ": " + n));
			}
			legend.add(new Legend(e.getKey(), colour, sum));
		}
		return new EventChart(width, HEIGHT, bars, legend, max, series.total(), series.late(), series.from(), series.to());
	}

	private static double round(double v) {
		return Math.round(v * 10) / 10.0;
	}
}
