package io.duckstep.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.core.duckdb.DuckDb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Decides whether SQL written by the model may run, on DuckDB's own parse tree ({@code json_serialize_sql}), never
 * by keyword matching. It is an allowlist of what analytics needs, not a list of what is known to be dangerous:
 * <ul>
 * <li>exactly one statement, and a SELECT ({@code json_serialize_sql} serialises nothing else); every query node a
 * SELECT, a set operation or a (non-recursive) CTE, so {@code WITH x AS (DELETE ... RETURNING *)} is refused;</li>
 * <li>every expression of a known kind, and every function, aggregate and window function one of
 * {@code sandbox-functions.txt} (arithmetic, comparison, string, date/time, list, struct, JSON, aggregates, window
 * functions). Settings, catalogs, introspection, file and network readers, sleeping, sequences and anything
 * added by a later DuckDB are refused because they are not listed;</li>
 * <li>table functions only {@code range}, {@code generate_series} and {@code unnest}; table references only plain
 * names (never a file path or URL, so no replacement scan), which the sandbox then matches against its own views
 * ({@link #tableReferences}): the inputs and the warehouse tables, never DuckDB's catalog views;</li>
 * <li>constant size caps on the functions whose result grows with an argument: DuckDB's {@code memory_limit} does
 * not bound lists and strings, so {@code range(1000000000)} or {@code repeat('x', 2000000000)} would take gigabytes
 * before any limit noticed. {@code range}/{@code generate_series} (as lists or as tables) need constant bounds and
 * at most {@value #RANGE_CAP} values; the lengths of {@code repeat}, {@code lpad}, {@code rpad},
 * {@code list_resize}/{@code array_resize} must be constants of at most {@value #LENGTH_CAP}; the "top n" of
 * {@code max}/{@code min}/{@code arg_max}/{@code approx_top_k}... at most {@value #TOP_CAP}.</li>
 * </ul>
 * What the allowlist cannot bound (a list aggregate over a cross join, say) is bounded by the
 * {@link SandboxedQueryRunner}'s separate, killable process. Comments are the parser's business.
 */
public final class SqlGuard
{
    static final Set<String> READ_ONLY_NODES = Set.of("SELECT_NODE", "SET_OPERATION_NODE", "CTE_NODE");
    /** Values a {@code range} or {@code generate_series} may produce, as a list or as table rows. */
    public static final long RANGE_CAP = 1_000_000;
    /** Length a string or list may be padded, repeated or resized to. */
    public static final long LENGTH_CAP = 10_000;
    /** The n of "top n" aggregates. */
    public static final long TOP_CAP = 1_000;

    static final Set<String> EXPRESSION_CLASSES = Set.of(
            "BETWEEN", "CASE", "CAST", "COLLATE", "COLUMN_REF", "COMPARISON", "CONJUNCTION", "CONSTANT", "FUNCTION",
            "LAMBDA", "LAMBDA_REF", "OPERATOR", "POSITIONAL_REFERENCE", "STAR", "SUBQUERY", "WINDOW");
    static final Set<String> TABLE_REFERENCE_TYPES = Set.of("BASE_TABLE", "JOIN", "SUBQUERY", "TABLE_FUNCTION", "EMPTY", "EXPRESSION_LIST", "PIVOT");
    static final Set<String> TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest");
    static final Set<String> FUNCTIONS;
    private static final Set<String> CAPPED;
    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]*");
    private static final Pattern INTERVAL_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]+)");
    private static final Map<String, Long> UNIT_SECONDS = Map.ofEntries(
            Map.entry("microsecond", 0L), Map.entry("millisecond", 0L), Map.entry("second", 1L), Map.entry("minute", 60L),
            Map.entry("hour", 3_600L), Map.entry("day", 86_400L), Map.entry("week", 7 * 86_400L),
            // the shortest month, quarter and year: counts are over-estimated, never under
            Map.entry("month", 28 * 86_400L), Map.entry("quarter", 89 * 86_400L), Map.entry("year", 365 * 86_400L),
            Map.entry("decade", 3_652 * 86_400L), Map.entry("century", 36_524 * 86_400L), Map.entry("millennium", 365_242 * 86_400L));

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        Set<String> functions = new HashSet<>();
        Set<String> capped = new HashSet<>();
        try (InputStream stream = requireNonNull(SqlGuard.class.getResourceAsStream("sandbox-functions.txt"), "sandbox-functions.txt is missing");
                BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                String name = entry.split("\\s+")[0];
                functions.add(name.toLowerCase(Locale.ROOT));
                if (entry.endsWith("[capped]")) {
                    capped.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FUNCTIONS = Set.copyOf(functions);
        CAPPED = Set.copyOf(capped);
    }

    /** A table the query names outside its own CTEs; empty parts were not written. */
    public record TableName(String catalog, String schema, String name) {}

    private final DuckDb duckDb;

    public SqlGuard(DuckDb duckDb)
    {
        this.duckDb = requireNonNull(duckDb, "duckDb is null");
    }

    /**
     * @throws RejectedQueryException when the SQL is not exactly one SELECT made only of what the allowlist allows
     */
    public void check(String sql)
    {
        requireNotBlank(sql);
        try (Connection connection = duckDb.openInMemory()) {
            tableReferences(connection, sql);
        }
        catch (SQLException e) {
            throw new RejectedQueryException("The query cannot be checked: " + e.getMessage());
        }
    }

    /**
     * Checks the SQL as {@link #check} does, parsing it on {@code connection}, and returns the tables it names
     * outside its own CTEs, for the sandbox to match against the views it made.
     *
     * @throws RejectedQueryException when the SQL is not allowed
     */
    public static List<TableName> tableReferences(Connection connection, String sql)
    {
        requireNotBlank(sql);
        JsonNode parsed = parse(connection, sql);
        if (parsed.path("error").asBoolean(false)) {
            String message = parsed.path("error_message").asText("the statement cannot be parsed");
            if (message.contains("Only SELECT statements")) {
                throw new RejectedQueryException("Only a read-only SELECT may run; this statement is not a SELECT.");
            }
            throw new RejectedQueryException("The query does not parse: " + message);
        }
        int statements = parsed.path("statements").size();
        if (statements != 1) {
            throw new RejectedQueryException("Exactly one statement may run; the query holds " + statements + ".");
        }
        Walk walk = new Walk();
        walk.visit(parsed.path("statements"));
        return List.copyOf(walk.tables);
    }

    private static void requireNotBlank(String sql)
    {
        if (sql == null || sql.isBlank()) {
            throw new RejectedQueryException("The query is empty: write one SELECT statement.");
        }
    }

    private static JsonNode parse(Connection connection, String sql)
    {
        try (PreparedStatement statement = connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)::VARCHAR")) {
            statement.setString(1, sql);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return JSON.readTree(result.getString(1));
            }
        }
        catch (SQLException | IOException e) {
            throw new RejectedQueryException("The query cannot be checked: " + e.getMessage());
        }
    }

    private static final class Walk
    {
        /** Tables named outside the CTEs in scope where they are named. */
        private final List<TableName> tables = new ArrayList<>();
        /** The CTE names visible at the point of the walk: a CTE sees the ones before it, the query body all of them. */
        private final Deque<Set<String>> cteScopes = new ArrayDeque<>();

        void visit(JsonNode node)
        {
            if (node.isArray()) {
                node.elements().forEachRemaining(this::visit);
                return;
            }
            if (!node.isObject()) {
                return;
            }
            if (node.has("class")) {
                expression(node);
                return;
            }
            JsonNode type = node.get("type");
            if (type != null && type.isTextual()) {
                String kind = type.asText();
                if (kind.endsWith("_NODE")) {
                    queryNode(node, kind);
                }
                else if (node.has("query_location") && node.has("alias")) {
                    tableReference(node, kind);
                    return;
                }
            }
            if (node.has("cte_map")) {
                Set<String> earlier = new HashSet<>();
                for (JsonNode entry : node.path("cte_map").path("map")) {
                    cteScopes.push(Set.copyOf(earlier));
                    visit(entry.path("value"));
                    cteScopes.pop();
                    earlier.add(entry.path("key").asText().toLowerCase(Locale.ROOT));
                }
                cteScopes.push(Set.copyOf(earlier));
                node.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals("cte_map") && !field.getKey().equals("cast_type")) {
                        visit(field.getValue());
                    }
                });
                cteScopes.pop();
                return;
            }
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("cast_type")) {
                    visit(field.getValue());
                }
            });
        }

        private boolean isCte(TableName table)
        {
            String name = table.name().toLowerCase(Locale.ROOT);
            return table.catalog().isEmpty() && table.schema().isEmpty() && cteScopes.stream().anyMatch(scope -> scope.contains(name));
        }

        private static void queryNode(JsonNode node, String kind)
        {
            if (kind.equals("RECURSIVE_CTE_NODE")) {
                throw new RejectedQueryException("Recursive CTEs are not allowed in the sandbox: use range() or generate_series() with constant bounds, or window functions.");
            }
            if (!READ_ONLY_NODES.contains(kind)) {
                throw new RejectedQueryException("Only reading is allowed; the query contains a " + kind.replace("_QUERY_NODE", "").replace("_NODE", "") + ".");
            }
        }

        private void tableReference(JsonNode node, String kind)
        {
            if (!TABLE_REFERENCE_TYPES.contains(kind)) {
                throw new RejectedQueryException("The sandbox does not allow " + kind.toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " in FROM: select from the tables described (or a subquery, VALUES, unnest, range).");
            }
            switch (kind) {
                case "BASE_TABLE" -> {
                    TableName table = new TableName(node.path("catalog_name").asText(""), node.path("schema_name").asText(""), node.path("table_name").asText(""));
                    for (String part : List.of(table.catalog(), table.schema(), table.name())) {
                        if (!part.isEmpty() && !NAME.matcher(part).matches()) {
                            throw new RejectedQueryException("Only the tables described can be read; '" + part + "' is not a table name (no files, paths or URLs).");
                        }
                    }
                    if (!isCte(table)) {
                        tables.add(table);
                    }
                    if (node.hasNonNull("at_clause")) {
                        throw new RejectedQueryException("Time travel (AT) is not allowed in the sandbox.");
                    }
                    return;
                }
                case "TABLE_FUNCTION" -> {
                    JsonNode function = node.path("function");
                    String name = function.path("function_name").asText("").toLowerCase(Locale.ROOT);
                    if (!TABLE_FUNCTIONS.contains(name) || !function.path("catalog").asText("").isEmpty() || !function.path("schema").asText("").isEmpty()) {
                        throw new RejectedQueryException("The table function " + name + "() is not allowed in the sandbox: in FROM only range(), generate_series() and unnest() may be called.");
                    }
                    capSizes(name, function.path("children"));
                    visit(function.path("children"));
                    return;
                }
                default -> { }
            }
            node.fields().forEachRemaining(field -> visit(field.getValue()));
        }

        private void expression(JsonNode node)
        {
            String expressionClass = node.path("class").asText();
            if (!EXPRESSION_CLASSES.contains(expressionClass)) {
                throw new RejectedQueryException("The sandbox does not allow " + expressionClass.toLowerCase(Locale.ROOT).replace('_', ' ') + " expressions (no parameters, no defaults).");
            }
            if (expressionClass.equals("CONSTANT")) {
                return;
            }
            if (expressionClass.equals("FUNCTION") || expressionClass.equals("WINDOW")) {
                String name = node.path("function_name").asText("").toLowerCase(Locale.ROOT);
                String catalog = node.path("catalog").asText("");
                String schema = node.path("schema").asText("");
                if (!FUNCTIONS.contains(name) || !catalog.isEmpty() || !(schema.isEmpty() || schema.equals("main"))) {
                    throw new RejectedQueryException("The function " + (schema.isEmpty() ? "" : schema + ".") + name
                            + "() is not allowed in the sandbox: use standard SQL aggregates, window, arithmetic, string, date, list and JSON functions on the tables described.");
                }
                if (CAPPED.contains(name)) {
                    capSizes(name, node.path("children"));
                }
                if (node.path("export_state").asBoolean(false)) {
                    throw new RejectedQueryException("EXPORT_STATE is not allowed in the sandbox.");
                }
            }
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("cast_type")) {
                    visit(field.getValue());
                }
            });
        }
    }

    private static void capSizes(String function, JsonNode arguments)
    {
        switch (function) {
            case "range", "generate_series" -> {
                BigDecimal count = rangeCount(function, arguments);
                if (count.compareTo(BigDecimal.valueOf(RANGE_CAP)) > 0) {
                    throw new RejectedQueryException(function + "() may produce at most " + RANGE_CAP + " values in the sandbox; this one would produce about " + count.toBigInteger() + ".");
                }
            }
            case "repeat", "lpad", "rpad", "list_resize", "array_resize" -> capArgument(function, arguments, 1, LENGTH_CAP, "length");
            case "approx_top_k" -> capArgument(function, arguments, 1, TOP_CAP, "k");
            case "max", "min" -> {
                if (arguments.size() > 1) {
                    capArgument(function, arguments, 1, TOP_CAP, "n");
                }
            }
            case "arg_max", "arg_min", "argmax", "argmin", "max_by", "min_by" -> {
                if (arguments.size() > 2) {
                    capArgument(function, arguments, 2, TOP_CAP, "n");
                }
            }
            case "reservoir_quantile" -> {
                if (arguments.size() > 2) {
                    capArgument(function, arguments, 2, RANGE_CAP, "sample size");
                }
            }
            default -> throw new IllegalStateException("no cap defined for " + function);
        }
    }

    private static void capArgument(String function, JsonNode arguments, int index, long cap, String what)
    {
        BigDecimal value = arguments.size() > index ? number(arguments.get(index)) : null;
        if (value == null || value.abs().compareTo(BigDecimal.valueOf(cap)) > 0) {
            throw new RejectedQueryException("In the sandbox the " + what + " of " + function + "() must be a constant number of at most " + cap + ".");
        }
    }

    private static BigDecimal rangeCount(String function, JsonNode arguments)
    {
        int count = arguments.size();
        if (count < 1 || count > 3) {
            throw new RejectedQueryException(function + "() takes one to three arguments.");
        }
        List<BigDecimal> numbers = new ArrayList<>();
        arguments.forEach(argument -> numbers.add(number(argument)));
        if (!numbers.contains(null)) {
            BigDecimal start = count == 1 ? BigDecimal.ZERO : numbers.get(0);
            BigDecimal stop = count == 1 ? numbers.get(0) : numbers.get(1);
            BigDecimal step = count == 3 ? numbers.get(2) : BigDecimal.ONE;
            if (step.signum() == 0) {
                throw new RejectedQueryException(function + "() needs a step other than 0 in the sandbox.");
            }
            BigDecimal values = stop.subtract(start).divide(step, 0, RoundingMode.CEILING).abs();
            return function.equals("generate_series") ? values.add(BigDecimal.ONE) : values;
        }
        if (count == 3) {
            LocalDateTime start = timestamp(arguments.get(0));
            LocalDateTime stop = timestamp(arguments.get(1));
            Long stepSeconds = intervalSeconds(arguments.get(2));
            if (start != null && stop != null && stepSeconds != null && stepSeconds > 0) {
                return BigDecimal.valueOf(Math.abs(ChronoUnit.SECONDS.between(start, stop)) / stepSeconds + 2);
            }
        }
        throw new RejectedQueryException(function + "() needs constant bounds in the sandbox: numbers, or two date or timestamp literals and an interval of a second or more.");
    }

    /** The value of a constant numeric expression, or null when the expression is not one. */
    private static BigDecimal number(JsonNode node)
    {
        String expressionClass = node.path("class").asText();
        if (expressionClass.equals("CONSTANT")) {
            JsonNode value = node.path("value");
            if (value.path("is_null").asBoolean(false)) {
                return null;
            }
            JsonNode raw = value.path("value");
            String type = value.path("type").path("id").asText();
            if (type.equals("DECIMAL") && raw.isIntegralNumber()) {
                int scale = value.path("type").path("type_info").path("scale").asInt(0);
                return new BigDecimal(raw.bigIntegerValue(), scale);
            }
            if (raw.isNumber()) {
                return raw.decimalValue();
            }
            if (raw.isObject() && raw.has("upper") && raw.has("lower")) {
                return new BigDecimal(BigInteger.valueOf(raw.path("upper").asLong()).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(raw.path("lower").asLong()))));
            }
            if (raw.isTextual()) {
                try {
                    return new BigDecimal(raw.asText().strip());
                }
                catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
        if (expressionClass.equals("CAST")) {
            return number(node.path("child"));
        }
        if (expressionClass.equals("FUNCTION") && node.path("children").size() == 1) {
            String name = node.path("function_name").asText();
            BigDecimal value = number(node.path("children").get(0));
            if (value == null) {
                return null;
            }
            return switch (name) {
                case "-" -> value.negate();
                case "+" -> value;
                case "trunc" -> value.setScale(0, RoundingMode.DOWN);
                default -> null;
            };
        }
        return null;
    }

    private static LocalDateTime timestamp(JsonNode node)
    {
        JsonNode constant = node.path("class").asText().equals("CAST") ? node.path("child") : node;
        if (!constant.path("class").asText().equals("CONSTANT") || !constant.path("value").path("value").isTextual()) {
            return null;
        }
        String text = constant.path("value").path("value").asText().strip();
        try {
            if (text.length() <= 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            return LocalDateTime.parse(text.replace(' ', 'T').replaceAll("([+-]\\d\\d(:?\\d\\d)?|Z)$", ""));
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long intervalSeconds(JsonNode node)
    {
        String expressionClass = node.path("class").asText();
        if (expressionClass.equals("FUNCTION") && node.path("children").size() == 1) {
            String name = node.path("function_name").asText();
            BigDecimal amount = number(node.path("children").get(0));
            if (amount == null || !name.startsWith("to_")) {
                return null;
            }
            String unit = name.substring(3).replaceAll("ies$", "y").replaceAll("ia$", "ium").replaceAll("s$", "");
            Long seconds = UNIT_SECONDS.get(unit);
            return seconds == null ? null : amount.multiply(BigDecimal.valueOf(seconds)).longValue();
        }
        if (expressionClass.equals("CAST") && node.path("cast_type").path("id").asText().equals("INTERVAL")) {
            JsonNode constant = node.path("child");
            if (constant.path("class").asText().equals("CONSTANT") && constant.path("value").path("value").isTextual()) {
                Matcher matcher = INTERVAL_PART.matcher(constant.path("value").path("value").asText().toLowerCase(Locale.ROOT));
                long total = 0;
                boolean any = false;
                while (matcher.find()) {
                    String unit = matcher.group(2).replaceAll("s$", "");
                    Long seconds = UNIT_SECONDS.get(unit);
                    if (seconds == null) {
                        return null;
                    }
                    total += new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(seconds)).longValue();
                    any = true;
                }
                return any ? total : null;
            }
        }
        return null;
    }
}
