package vn.city.indicator.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.input.TextRules;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.indicator.figure.FigureCommand;
import vn.city.indicator.result.FigureVersion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Import jobs: a file is spooled to disk while its SHA-256 is computed (the same file imports once), its rows are
 * streamed into {@link BulkImport}; a large file runs in the background and is followed through its status.
 * Blocking code: called from worker threads only.
 */
@ApplicationScoped
public class ImportJobs {

    static final List<String> REQUIRED = List.of("indicatorCode", "unitCode", "period", "version", "value");

    /** A file as received: where it was spooled, its size and hash. */
    public record Spooled(Path path, long bytes, String hash) {
    }

    /** The status of a job as the API shows it. */
    public record JobStatus(UUID id, String format, String state, int rowsRead, int rowsRejected, int rowsWritten,
                            int percent,
                            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                                    implementation = vn.city.common.problem.Problem.FieldViolation.class,
                                    description = "the errors of a refused file, as a problem's errors")
                            JsonNode errors, String message, OffsetDateTime createdAt,
                            OffsetDateTime finishedAt) {
    }

    private final BulkImport bulk;
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-job");
        t.setDaemon(true);
        return t;
    });

    public ImportJobs(BulkImport bulk, AgroalDataSource dataSource, ObjectMapper mapper) {
        this.bulk = bulk;
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public Spooled spool(InputStream body) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path path = Files.createTempFile("city-import-", ".dat");
        long bytes;
        try (InputStream in = new DigestInputStream(body == null ? InputStream.nullInputStream() : body, sha);
             OutputStream out = Files.newOutputStream(path)) {
            bytes = in.transferTo(out);
        }
        return new Spooled(path, bytes, HexFormat.of().formatHex(sha.digest()));
    }

    public BulkImport.Registration register(Spooled file, String format, CurrentUser user) throws SQLException {
        return bulk.register(format + ":" + file.hash(), format, user.username(), file.bytes());
    }

    /** Runs the import on this thread. */
    public BulkImport.Outcome runNow(UUID id, Spooled file, String format, CurrentUser user, FigureVersion version,
                                     boolean keepFigures) {
        try {
            return run(id, file, format, user, version, keepFigures);
        } finally {
            delete(file);
        }
    }

    /** Runs the import in the background. */
    public void runLater(UUID id, Spooled file, String format, CurrentUser user, FigureVersion version) {
        background.execute(() -> runNow(id, file, format, user, version, false));
    }

    private BulkImport.Outcome run(UUID id, Spooled file, String format, CurrentUser user, FigureVersion version,
                                   boolean keepFigures) {
        try (CountingStream counting = new CountingStream(Files.newInputStream(file.path()))) {
            BulkImport.RowSource source = "CSV".equals(format) ? csvRows(counting) : dhis2Rows(counting, version, file.path());
            return bulk.run(id, source, file.bytes(), user, format, keepFigures);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void delete(Spooled file) {
        try {
            Files.deleteIfExists(file.path());
        } catch (IOException ignored) {
            // a temporary file
        }
    }

    /** Reads the header of a spooled CSV file and refuses a file without the required columns (400). */
    public void checkCsvHeader(Spooled file) throws IOException {
        long notUtf8 = firstNonUtf8Line(file.path());
        if (notUtf8 > 0) {
            throw ProblemException.badRequest("body", "utf-8", "line " + notUtf8
                    + " is not UTF-8 text; save the file as \"CSV UTF-8\"");
        }
        try (BufferedReader r = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
            List<String> header = new CsvReader(r).next();
            if (header == null) {
                throw ProblemException.badRequest("body", "csv-header", "the file is empty; a header line is required");
            }
            List<String> names = header.stream().map(String::trim).toList();
            for (String required : REQUIRED) {
                if (!names.contains(required)) {
                    throw ProblemException.badRequest("header", "csv-header", "column '" + required + "' is missing");
                }
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("body", "csv-syntax", e.getMessage());
        }
    }

    public JobStatus status(UUID id) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                select id, format, state, rows_read, rows_rejected, rows_written, percent, errors, message, created_at,
                       finished_at from import_job where id = ?""")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("import job", id.toString());
                }
                return new JobStatus(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), mapper.readTree(rs.getString(8)), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class));
            }
        }
    }

    /** The line (from 1) of the first byte sequence that is not UTF-8, or 0 when the whole file is UTF-8 text. */
    static long firstNonUtf8Line(Path path) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(65536);
        CharBuffer out = CharBuffer.allocate(65536); // a UTF-8 byte never makes more than one char: no overflow
        long line = 1;
        try (ReadableByteChannel file = Files.newByteChannel(path)) {
            boolean end = false;
            while (!end) {
                end = file.read(in) == -1;
                in.flip();
                int from = in.position();
                CoderResult result = strict.decode(in, out, end);
                for (int i = from; i < in.position(); i++) {
                    if (in.get(i) == '\n') { // never inside a multi-byte sequence
                        line++;
                    }
                }
                if (result.isError()) {
                    return line;
                }
                out.clear();
                in.compact();
            }
        }
        return 0;
    }

    private static BulkImport.RowSource csvRows(CountingStream in) throws IOException {
        CsvReader reader = new CsvReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65536));
        List<String> header = reader.next();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; header != null && i < header.size(); i++) {
            columns.put(header.get(i).trim(), i);
        }
        int width = header == null ? 0 : header.size();
        return new BulkImport.RowSource() {
            int line = 1;

            @Override
            public BulkImport.Row next() throws IOException {
                List<String> r = reader.next();
                if (r == null) {
                    return null;
                }
                line++;
                String prefix = "rows[" + line + "].";
                if (r.size() != width) {
                     throw new RowException("rows[" + line + "]", "column-count", "the line has " + r.size() + " fields, the header " + width);
                }
                for (Map.Entry<String, Integer> c : columns.entrySet()) {
                    String value = r.get(c.getValue());
                    if (TextRules.forbiddenControl(value) >= 0) {
                        throw new RowException(prefix + c.getKey(), TextRules.CONTROL_CHARACTER,
                                prefix + c.getKey() + " " + TextRules.controlMessage(value));
                    }
                }
                String ytd = cell(r, columns, "yearToDate");
                BigDecimal ytdValue = null;
                String versionText = cell(r, columns, "version");
                FigureVersion version = null;
                if (versionText != null) {
                    try {
                        version = FigureVersion.valueOf(versionText.toUpperCase());
                    } catch (IllegalArgumentException e) {
                        throw new RowException(prefix + "version", "one-of", "'" + versionText
                                + "' is not ESTIMATE, PRELIMINARY or OFFICIAL");
                    }
                }
                if (ytd != null) {
                    try {
                        ytdValue = vn.city.indicator.figure.VietnameseNumber.parse(ytd);
                    } catch (IllegalArgumentException e) {
                        String msg = e.getMessage();
                        int colon = msg.indexOf(':');
                        throw new RowException(prefix + "yearToDate", msg.substring(0, colon), msg.substring(colon + 2));
                    }
                }
                return new BulkImport.Row(prefix, new FigureCommand(cell(r, columns, "indicatorCode"),
                        cell(r, columns, "unitCode"), cell(r, columns, "period"), version, null,
                        cell(r, columns, "value"), ytdValue, cell(r, columns, "measureUnit"), cell(r, columns, "note")));
            }

            @Override
            public long position() {
                return in.count;
            }
        };
    }

    private BulkImport.RowSource dhis2Rows(CountingStream in, FigureVersion version, Path file) throws IOException {
        // the set-level period and orgUnit may come after the values: a first streaming pass skips the values
        String setPeriod = null;
        String setOrgUnit = null;
        try (JsonParser scan = mapper.getFactory().createParser(file.toFile())) {
            if (scan.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.badRequest("body", "json", "a dataValueSets document is a JSON object");
            }
            while (scan.nextToken() == JsonToken.FIELD_NAME) {
                String name = scan.currentName();
                scan.nextToken();
                if ("period".equals(name)) {
                    setPeriod = scan.getValueAsString();
                } else if ("orgUnit".equals(name)) {
                    setOrgUnit = scan.getValueAsString();
                } else {
                    scan.skipChildren();
                }
            }
        }
        JsonParser p = mapper.getFactory().createParser(in);
        p.nextToken();
        boolean inValues = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("dataValues".equals(name) && t == JsonToken.START_ARRAY) {
                inValues = true;
                break;
            }
            p.skipChildren();
        }
        boolean values = inValues;
        String period = setPeriod;
        String orgUnit = setOrgUnit;
        FigureVersion v = version == null ? FigureVersion.ESTIMATE : version;
        return new BulkImport.RowSource() {
            int n = -1;

            @Override
            public BulkImport.Row next() throws IOException {
                if (!values || p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                n++;
                JsonNode dv = mapper.readTree(p);
                String prefix = "dataValues[" + n + "].";
                String per = text(dv, "period", period, prefix);
                String dhisPeriod = per == null ? null : Dhis2.period(per);
                String value = text(dv, "value", null, prefix);
                BigDecimal number = null;
                try {
                    number = value == null ? null : new BigDecimal(value.trim());
                } catch (NumberFormatException e) {
                    throw new RowException(prefix + "value", "number-format", "'" + value + "' is not a DHIS2 number (840.5)");
                }
                return new BulkImport.Row(prefix, new FigureCommand(text(dv, "dataElement", null, prefix),
                        text(dv, "orgUnit", orgUnit, prefix), dhisPeriod == null ? per : dhisPeriod, v, number, null,
                        null, null, text(dv, "comment", null, prefix)));
            }

            @Override
            public long position() {
                return in.count;
            }
        };
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    /**
     * A DHIS2 data value's text, refused when it holds a control character (the document is read as a tree, not by
     * StrictJson); the field is the value's own ({@code dataValues[3].comment}) or the set's when it falls back to it.
     */
    private static String text(JsonNode n, String field, String fallback, String prefix) {
        String value = text(n, field, fallback);
        if (TextRules.forbiddenControl(value) >= 0) {
            JsonNode own = n.get(field);
            String where = own == null || own.isNull() ? field : prefix + field;
            throw new RowException(where, TextRules.CONTROL_CHARACTER, where + " " + TextRules.controlMessage(value));
        }
        return value;
    }

    private static String cell(List<String> row, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null) {
            return null;
        }
        String v = row.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    /** A row that cannot even be read as a figure: reported as the row's error, the import goes on reading. */
    public static final class RowException extends IllegalArgumentException {
        private final String field;
        private final String rule;

        RowException(String field, String rule, String message) {
            super(message);
            this.field = field;
            this.rule = rule;
        }

        public String field() {
            return field;
        }

        public String rule() {
            return rule;
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

}
