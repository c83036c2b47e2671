package io.duckstep.core.prompt;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.error.QueryFailedException;
import io.duckstep.core.query.InputTables;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.task.DescribeDataInput;
import io.duckstep.core.task.Task;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static java.util.Objects.requireNonNull;

/**
 * Reads the schema of the inputs and of the warehouse from DuckDB at run time, for the model's context.
 */
public final class DescribeDataTask
        implements Task<DescribeDataInput, DataDescription>
{
    private final DuckDb duckDb;
    private final InputTables inputTables;
    private final WarehouseAttacher attacher;
    private final WarehouseSpecification warehouse;

    public DescribeDataTask(DuckDb duckDb, InputTables inputTables, WarehouseAttacher attacher, WarehouseSpecification warehouse)
    {
        this.duckDb = requireNonNull(duckDb, "duckDb is null");
        this.inputTables = requireNonNull(inputTables, "inputTables is null");
        this.attacher = requireNonNull(attacher, "attacher is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    @Override
    public DataDescription run(DescribeDataInput input)
    {
        try (Connection connection = duckDb.openInMemory()) {
            input.inputs().forEach((table, location) -> inputTables.register(connection, table, location));
            attacher.attach(connection, warehouse, WarehouseAttacher.Queries.UNTRUSTED);
            // the inputs by their own name; a warehouse file's tables as schema.table; a MotherDuck database's as catalog.table
            String sql = "SELECT coalesce(string_agg(reference || '(' || columns || ')', chr(10) ORDER BY reference), '') FROM ("
                    + "SELECT CASE WHEN database_name = 'memory' THEN table_name "
                    + "WHEN database_name = 'warehouse' THEN schema_name || '.' || table_name "
                    + "ELSE database_name || '.' || table_name END AS reference, "
                    + "string_agg('\"' || column_name || '\" ' || data_type, ', ' ORDER BY column_index) AS columns "
                    + "FROM duckdb_columns() WHERE NOT internal AND database_name NOT IN ('system', 'temp') GROUP BY ALL)";
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(sql)) {
                result.next();
                return new DataDescription(result.getString(1));
            }
        }
        catch (SQLException e) {
            throw new QueryFailedException("Cannot describe the data: " + e.getMessage(), e);
        }
    }
}
