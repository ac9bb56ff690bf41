package org.openaims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's threads spend a workload's time, for benchmarks: the JDK Flight Recorder samples
 * running threads every millisecond while the workload runs; each sample is charged to the first frame
 * from the top of its stack that falls in a named part (the database driver, JSON, the ledger, …), or
 * to "other". Prints nothing itself: {@link #lines()} are the parts, their share of the samples, and
 * the top frames of the application's own code.
 */
final class SampledProfile {

	/** Parts by class-name prefix, tried in this order for each frame from the top of the stack. */
	private static final Map<String, String> PARTS = new LinkedHashMap<>();

	static {
		PARTS.put("org.postgresql.", "PostgreSQL driver (sending, reading rows)");
		PARTS.put("org.h2.", "H2 database");
		PARTS.put("net.ttddyy.dsproxy.", "statement recording (benchmark only)");
		PARTS.put("com.zaxxer.hikari.", "connection pool");
		PARTS.put("org.openaims.ledger.", "ledger (canonical JSON, hashes, append)");
		PARTS.put("org.erdtman.", "ledger (canonical JSON, hashes, append)");
		PARTS.put("java.security.", "hashing and signatures");
		PARTS.put("sun.security.", "hashing and signatures");
		PARTS.put("org.springframework.modulith.", "event publication registry");
		PARTS.put("tools.jackson.", "JSON (Jackson)");
		PARTS.put("com.fasterxml.jackson.", "JSON (Jackson)");
		PARTS.put("org.hibernate.validator.", "bean validation");
		PARTS.put("org.springframework.data.", "Spring Data JDBC (mapping, aggregates)");
		PARTS.put("org.springframework.jdbc.", "Spring JDBC (JdbcClient, templates)");
		PARTS.put("org.springframework.security.", "Spring Security (filters, authorization)");
		PARTS.put("org.springframework.transaction.", "transactions");
		PARTS.put("org.springframework.aop.", "proxies (transactions, method security)");
		PARTS.put("org.springframework.web.", "Spring MVC");
		PARTS.put("org.apache.catalina.", "Tomcat");
		PARTS.put("org.apache.coyote.", "Tomcat");
		PARTS.put("org.apache.tomcat.", "Tomcat");
		PARTS.put("org.openaims.", "application code");
	}

	private final Map<String, Integer> parts = new TreeMap<>();

	private final Map<String, Integer> ownFrames = new TreeMap<>();

	private final Map<String, Integer> partFrames = new TreeMap<>();

	private int samples;

	private final Duration wall;

	private SampledProfile(Duration wall) {
		this.wall = wall;
	}

	/** Runs the workload with the server's threads sampled; only the threads whose names {@code threads} accepts count. */
	static <T> SampledProfile of(java.util.function.Predicate<String> threads, Callable<T> workload) throws Exception {
		Path file = Files.createTempFile("aims-profile", ".jfr");
		long t;
		try (Recording recording = new Recording()) {
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
			recording.start();
			t = System.nanoTime();
			workload.call();
			t = System.nanoTime() - t;
			recording.stop();
			recording.dump(file);
		}
		SampledProfile profile = new SampledProfile(Duration.ofNanos(t));
		try {
			for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
				if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
					continue;
				}
				var thread = event.getThread("sampledThread");
				if (thread == null || thread.getJavaName() == null || !threads.test(thread.getJavaName())) {
					continue;
				}
				profile.add(event.getStackTrace());
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
		return profile;
	}

	private void add(RecordedStackTrace stack) {
		if (stack == null) {
			return;
		}
		samples++;
		String part = "other (JDK, logging, …)";
		String own = null;
		for (RecordedFrame frame : stack.getFrames()) {
			String type = frame.getMethod().getType().getName();
			if (own == null && type.startsWith("org.openaims.")) {
				own = type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
			}
			if (part.startsWith("other")) {
				for (var p : PARTS.entrySet()) {
					if (type.startsWith(p.getKey())) {
						part = p.getValue();
						partFrames.merge(type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName(), 1, Integer::sum);
						break;
					}
				}
			}
		}
		parts.merge(part, 1, Integer::sum);
		if (own != null) {
			ownFrames.merge(own, 1, Integer::sum);
		}
	}

	/** The parts by share of the samples, then the application's own frames nearest the top. */
	List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add(String.format("%d samples of running server threads in %.1f s (1 ms period)", samples, wall.toMillis() / 1000.0));
		parts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(e -> lines.add(String.format("  %5.1f %%  %s", 100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
		lines.add("  the frame that named the part (top 12):");
		partFrames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
			.forEach(e -> lines.add(String.format("  %5.1f %%  %s", 100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
		lines.add("  nearest application frame (top 12):");
		ownFrames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
			.forEach(e -> lines.add(String.format("  %5.1f %%  %s", 100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
		return lines;
	}
}
