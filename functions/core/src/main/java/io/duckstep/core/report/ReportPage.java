package io.duckstep.core.report;

import io.duckstep.core.query.QueryOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Properties;

/**
 * Renders the report page from its template ({@code report.html}): Chart.js is inlined from its Maven
 * webjar, the data goes in as JSON, and every piece of text is escaped. The page needs no network.
 */
final class ReportPage
{
    private static final String CHART_JS_PROPERTIES = "/META-INF/maven/org.webjars/chartjs/pom.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");

    private ReportPage() {}

    record Content(
            ReportRequest request,
            List<QueryOutput> results,
            List<String> headlines,
            String dataJson,
            String warehouse,
            long warehouseBytes,
            long elapsedMillisecondsSoFar) {}

    /** Writes the page to a temporary file and returns it. */
    static Path render(Content content)
    {
        String chartJsVersion = chartJsVersion();
        Map<String, String> values = new HashMap<>();
        values.put("CHART_JS", resource("/META-INF/resources/webjars/chartjs/" + chartJsVersion + "/dist/chart.umd.js").replace("</script", "<\\/script"));
        values.put("CHART_JS_VERSION", Html.escape(chartJsVersion));
        values.put("RUN_ID", Html.escape(content.request().runId()));
        values.put("UPLOAD", Html.escape(content.request().upload().source()));
        values.put("UPLOAD_ROWS", String.format(Locale.ROOT, "%,d", content.request().upload().rowCount()));
        values.put("BUILT_AT", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        values.put("HEADLINES", headlines(content.headlines()));
        values.put("INPUTS", inputs(content));
        values.put("TASKS", tasks(content));
        values.put("QUERIES", queries(content.results()));
        values.put("DATA", Html.scriptJson(content.dataJson()));
        String page = fill(resource("/io/duckstep/core/report/report.html"), values);
        try {
            Path file = Files.createTempFile("duckstep-report-", ".html");
            Files.writeString(file, page, StandardCharsets.UTF_8);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report page", e);
        }
    }

    /**
     * Replaces each {@code {{NAME}}} of the template in one pass, so a value is never itself searched for
     * placeholders (a product description reading "{{DATA}}" stays text).
     */
    static String fill(String template, Map<String, String> values)
    {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder page = new StringBuilder(template.length() + values.values().stream().mapToInt(String::length).sum());
        int copied = 0;
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("Report template placeholder without a value: " + placeholder.group());
            }
            // copied as they are (appendReplacement would read every character of Chart.js and the data, looking for $ and \)
            page.append(template, copied, placeholder.start()).append(value);
            copied = placeholder.end();
        }
        return page.append(template, copied, template.length()).toString();
    }

    private static String headlines(List<String> headlines)
    {
        if (headlines.isEmpty()) {
            return "<li class=\"muted\">No findings: the results are empty.</li>";
        }
        StringBuilder items = new StringBuilder();
        headlines.forEach(headline -> items.append("<li>").append(Html.escape(headline)).append("</li>"));
        return items.toString();
    }

    private static String inputs(Content content)
    {
        var upload = content.request().upload();
        return row("mydf (recent upload)", upload.source(), bytes(upload.sourceBytes()), String.format(Locale.ROOT, "%,d", upload.rowCount()))
                + row("e_commerce.year_09_10 (warehouse)", content.warehouse(), content.warehouseBytes() < 0 ? "—" : bytes(content.warehouseBytes()), "—");
    }

    private static String tasks(Content content)
    {
        StringBuilder rows = new StringBuilder(row("PrepareUpload", milliseconds(content.request().upload().elapsedMilliseconds()), content.request().upload().location()));
        for (QueryOutput result : content.results()) {
            rows.append(row(result.name(), milliseconds(result.elapsedMilliseconds()), String.format(Locale.ROOT, "%,d rows · %s", result.rowCount(), result.location())));
        }
        rows.append(row("BuildReport", "≥ " + milliseconds(content.elapsedMillisecondsSoFar()), "this page"));
        return rows.toString();
    }

    private static String queries(List<QueryOutput> results)
    {
        StringBuilder sections = new StringBuilder();
        for (QueryOutput result : results) {
            sections.append("<h3>").append(Html.escape(result.name())).append("</h3><pre>").append(Html.escape(result.sql())).append("</pre>");
        }
        return sections.toString();
    }

    private static String row(String... cells)
    {
        StringBuilder row = new StringBuilder("<tr>");
        for (String cell : cells) {
            row.append("<td>").append(Html.escape(cell)).append("</td>");
        }
        return row.append("</tr>").toString();
    }

    static String bytes(long bytes)
    {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%,d bytes)", value, units[unit], bytes);
    }

    private static String milliseconds(long milliseconds)
    {
        return milliseconds < 1000 ? milliseconds + " ms" : String.format(Locale.ROOT, "%.2f s", milliseconds / 1000.0);
    }

    private static String chartJsVersion()
    {
        Properties properties = new Properties();
        try (InputStream stream = ReportPage.class.getResourceAsStream(CHART_JS_PROPERTIES)) {
            if (stream == null) {
                throw new IllegalStateException("Chart.js webjar is not on the classpath");
            }
            properties.load(stream);
            return properties.getProperty("version");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name)
    {
        try (InputStream stream = ReportPage.class.getResourceAsStream(name)) {
            if (stream == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
