package org.openaims.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.openaims.common.AimsProperties;
import org.openaims.common.ExportFormat;
import org.openaims.common.NotFoundException;
import org.openaims.common.TooBusyException;
import org.openaims.common.UnprocessableException;
import org.openaims.common.csv.CsvFormat;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.reporting.internal.PdfTableWriter;
import org.openaims.reporting.internal.XlsxTableWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * Writes registers as CSV, XLSX or PDF with memory bounded whatever their size (7.5.3): CSV goes out
 * as the rows are read; an Excel workbook of up to {@value #DIRECT_XLSX_ROWS} rows is built while the
 * client waits, a larger one by a background job that the client follows and downloads when it is
 * ready; a PDF holds at most {@value #PDF_ROWS} rows (beyond that, 422 naming CSV and XLSX). Both limits
 * are settings ({@link ReportingProperties}). At most
 * {@value #RUNNING_JOBS} jobs run at once and {@value #WAITING_JOBS} wait; more are refused with 429. Jobs
 * and their files are kept for a day.
 */
@Service
public class Exports {

	/** The most rows a PDF export holds by default: the renderer lays out the whole document in memory. */
	public static final int PDF_ROWS = 10_000;

	/** The most rows an XLSX export is built with while the client waits, by default; larger ones are jobs. */
	public static final int DIRECT_XLSX_ROWS = 10_000;

	private final ReportingProperties limits;

	static final int RUNNING_JOBS = 2;

	static final int WAITING_JOBS = 8;

	private static final Logger log = LoggerFactory.getLogger(Exports.class);

	private final JdbcClient jdbc;

	private final Path directory;

	private final ThreadPoolExecutor jobs = new ThreadPoolExecutor(RUNNING_JOBS, RUNNING_JOBS, 1, TimeUnit.MINUTES,
			new ArrayBlockingQueue<>(WAITING_JOBS), r -> {
				Thread t = new Thread(r, "aims-export");
				t.setDaemon(true);
				return t;
			});

	private final tools.jackson.databind.json.JsonMapper json;

	Exports(JdbcClient jdbc, AimsProperties properties, tools.jackson.databind.json.JsonMapper json, ReportingProperties limits) {
		this.limits = limits;
		this.jdbc = jdbc;
		this.json = json;
		this.directory = properties.dataDir().resolve("exports");
	}

	/** How many rows an export reads at a time. */
	public int batchRows() {
		return limits.batchRows();
	}

	/** Whether the export is built by a background job rather than while the client waits. */
	public boolean needsJob(Table table, ExportFormat format) {
		return format == ExportFormat.XLSX && table.rows() > limits.directXlsxRows();
	}

	/** Refuses, before anything is written, an export that the format is not made for. */
	public void check(Table table, ExportFormat format) {
		if (format == ExportFormat.PDF && table.rows() > limits.pdfRows()) {
			throw new UnprocessableException("a PDF holds at most " + limits.pdfRows() + " rows and this export has " + table.rows()
					+ "; export CSV or XLSX instead (format=csv or format=xlsx), or narrow it with the list's filters");
		}
	}

	/** Writes the table to {@code out} in the format (call {@link #check} first). */
	public void write(Table table, ExportFormat format, OutputStream out) {
		check(table, format);
		switch (format) {
			case CSV -> {
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CsvFormat.RowPrinter printer = CsvFormat.printer(writer, table.header());
				AtomicLong rows = new AtomicLong();
				table.rowsWriter().accept(values -> {
					printer.row(values);
					if (rows.incrementAndGet() % 1000 == 0) {
						printer.flush();
					}
				});
				printer.flush();
			}
			case XLSX -> {
				try (XlsxTableWriter workbook = new XlsxTableWriter(table.stem(), table.title(), table.header())) {
					table.rowsWriter().accept(workbook);
					workbook.writeTo(out);
				}
			}
			case PDF -> {
				PdfTableWriter pdf = new PdfTableWriter(table.title(), table.header());
				AtomicLong rows = new AtomicLong();
				table.rowsWriter().accept(values -> {
					if (rows.incrementAndGet() > limits.pdfRows()) {
						throw new UnprocessableException("the export grew beyond " + limits.pdfRows() + " rows while it was written; export CSV or XLSX");
					}
					pdf.row(values);
				});
				pdf.writeTo(out);
			}
		}
	}

	/**
	 * Starts a background job that builds the export as the signed-in user; the answer names the job,
	 * whose progress and file are read with {@link #job} and {@link #file}.
	 */
	@PreAuthorize("isAuthenticated()")
	public ExportJobView start(Table table, ExportFormat format) {
		check(table, format);
		UUID id = UUID.randomUUID();
		String owner = CurrentUser.username();
		Instant now = Instant.now();
		jdbc.sql("INSERT INTO export_jobs (id, owner, name, format, status, rows_total, rows_done, created_at) "
				+ "VALUES (:id, :owner, :name, :format, 'WAITING', :total, 0, :now)")
			.param("id", id).param("owner", owner).param("name", table.stem()).param("format", format.name())
			.param("total", table.rows()).param("now", Timestamp.from(now))
			.update();
		try {
			jobs.execute(new DelegatingSecurityContextRunnable(() -> run(id, table, format)));
		}
		catch (RejectedExecutionException e) {
			jdbc.sql("DELETE FROM export_jobs WHERE id = :id").param("id", id).update();
			throw new TooBusyException("the server is building " + (RUNNING_JOBS + WAITING_JOBS)
					+ " large exports already; try again in a minute", Duration.ofSeconds(60));
		}
		return job(id);
	}

	/** A job of the signed-in user's (administrators: anyone's). */
	@PreAuthorize("isAuthenticated()")
	public ExportJobView job(UUID id) {
		ExportJobView job = jdbc.sql("SELECT * FROM export_jobs WHERE id = :id").param("id", id)
			.query((rs, n) -> new ExportJobView(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("name"),
					ExportFormat.valueOf(rs.getString("format")), ExportJobView.Status.valueOf(rs.getString("status")),
					rs.getLong("rows_total"), rs.getLong("rows_done"), (Long) rs.getObject("file_size", Long.class), rs.getString("error"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
			.optional()
			.orElseThrow(() -> new NotFoundException("export job", id));
		if (!job.owner().equals(CurrentUser.username()) && !CurrentUser.hasAnyRole(Role.ADMIN)) {
			// Someone else's export is not theirs to see: answered as if it did not exist.
			throw new NotFoundException("export job", id);
		}
		return job;
	}

	/** The finished file of a job of the signed-in user's; 409 while it is not ready. */
	@PreAuthorize("isAuthenticated()")
	public InputStream file(UUID id) {
		ExportJobView job = job(id);
		if (job.status() != ExportJobView.Status.DONE) {
			throw new org.openaims.common.ConflictException("the export is " + job.status().name().toLowerCase(java.util.Locale.ROOT)
					+ (job.status() == ExportJobView.Status.FAILED ? "" : "; " + job.rowsDone() + " of " + job.rowsTotal() + " rows written"));
		}
		try {
			return Files.newInputStream(path(id, job.format()));
		}
		catch (IOException e) {
			throw new NotFoundException("file of export job", id);
		}
	}

	private void run(UUID id, Table table, ExportFormat format) {
		status(id, "RUNNING", null);
		Path target = path(id, format);
		try {
			Files.createDirectories(directory);
			Path partial = Files.createTempFile(directory, id.toString(), ".part");
			AtomicLong done = new AtomicLong();
			try (OutputStream out = Files.newOutputStream(partial)) {
				write(new Table(table.stem(), table.title(), table.header(), table.rows(), writer -> table.rowsWriter().accept(values -> {
					writer.row(values);
					long n = done.incrementAndGet();
					if (n % 10_000 == 0) {
						progress(id, n);
					}
				})), format, out);
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			jdbc.sql("UPDATE export_jobs SET status = 'DONE', rows_done = :done, file_size = :size, finished_at = :now WHERE id = :id")
				.param("done", done.get()).param("size", Files.size(target)).param("now", Timestamp.from(Instant.now())).param("id", id)
				.update();
		}
		catch (IOException | RuntimeException e) {
			log.warn("Export job {} failed", id, e);
			status(id, "FAILED", "the export failed: " + e.getClass().getSimpleName());
		}
	}

	/** How long a finished export's file is kept for its starter to download. */
	static final Duration KEPT = Duration.ofHours(24);

	/**
	 * Drops the jobs started more than a day ago and the files of this node's export directory older
	 * than that (every node runs it: each removes its own files; the delete of rows is idempotent).
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
	public int purge() {
		Instant before = Instant.now().minus(KEPT);
		int rows = jdbc.sql("DELETE FROM export_jobs WHERE created_at < :before").param("before", Timestamp.from(before)).update();
		if (Files.isDirectory(directory)) {
			try (var files = Files.list(directory)) {
				for (Path file : files.toList()) {
					if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
						Files.deleteIfExists(file);
					}
				}
			}
			catch (IOException e) {
				log.warn("Could not clean the export directory {}", directory, e);
			}
		}
		return rows;
	}

	private void progress(UUID id, long done) {
		jdbc.sql("UPDATE export_jobs SET rows_done = :done WHERE id = :id").param("done", done).param("id", id).update();
	}

	private void status(UUID id, String status, String error) {
		jdbc.sql("UPDATE export_jobs SET status = :status, error = :error, finished_at = :now WHERE id = :id")
			.param("status", status).param("error", error)
			.param("now", "RUNNING".equals(status) ? null : Timestamp.from(Instant.now()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("id", id)
			.update();
	}

	private Path path(UUID id, ExportFormat format) {
		return directory.resolve(id + "." + format.extension());
	}

	@PreDestroy
	void stop() {
		jobs.shutdownNow();
	}

	/** The job as the API shows it (JSON). */
	byte[] json(ExportJobView job) {
		return json.writeValueAsBytes(job);
	}

	/** The file name of a download of {@code table} in {@code format}. */
	public static String filename(Table table, ExportFormat format) {
		return table.stem() + "-" + java.time.LocalDate.now() + "." + format.extension();
	}
}
