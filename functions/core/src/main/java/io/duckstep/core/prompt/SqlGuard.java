package io.duckstep.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.core.duckdb.DuckDb;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Decides whether SQL written by the model may run, using DuckDB's own parser and never keyword matching:
 * {@code json_serialize_sql} serialises only SELECT statements (anything else is an error), the statements
 * are counted (exactly one), and every query node of the parse tree, CTEs included, must be a read-only kind
 * (a DELETE ... RETURNING inside a CTE parses as a SELECT at the top). Comments are the parser's business, so
 * comment tricks change nothing. What passes still runs only in the {@link SandboxedQueryRunner}.
 */
public final class SqlGuard
{
    static final Set<String> READ_ONLY_NODES = Set.of("SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DuckDb duckDb;

    public SqlGuard(DuckDb duckDb)
    {
        this.duckDb = requireNonNull(duckDb, "duckDb is null");
    }

    /**
     * @throws RejectedQueryException when the SQL is not exactly one read-only SELECT
     */
    public void check(String sql)
    {
        if (sql == null || sql.isBlank()) {
            throw new RejectedQueryException("The query is empty: write one SELECT statement.");
        }
        JsonNode parsed = parse(sql);
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
        requireReadOnly(parsed.path("statements"));
    }

    private JsonNode parse(String sql)
    {
        try (Connection connection = duckDb.openInMemory();
                PreparedStatement statement = connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)::VARCHAR")) {
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

    private static void requireReadOnly(JsonNode node)
    {
        if (node.isObject()) {
            for (String field : new String[] {"node", "query_node"}) {
                JsonNode queryNode = node.get(field);
                if (queryNode != null && queryNode.isObject() && queryNode.has("type") && !READ_ONLY_NODES.contains(queryNode.path("type").asText())) {
                    throw new RejectedQueryException("Only reading is allowed; the query contains a " + queryNode.path("type").asText().replace("_QUERY_NODE", "").replace("_NODE", "") + ".");
                }
            }
            node.elements().forEachRemaining(SqlGuard::requireReadOnly);
        }
        else if (node.isArray()) {
            node.elements().forEachRemaining(SqlGuard::requireReadOnly);
        }
    }
}
