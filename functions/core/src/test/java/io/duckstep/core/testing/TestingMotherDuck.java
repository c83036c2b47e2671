package io.duckstep.core.testing;

import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.secrets.Secret;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static java.util.Objects.requireNonNull;

/**
 * Stands in for MotherDuck, which tests cannot reach, at {@link WarehouseAttacher.MotherDuckConnector}: it records
 * what it was handed, and either attaches a local DuckDB file under the attachment's catalog, read-only when the attach
 * statement says so (as MotherDuck would attach the database), or fails with the text MotherDuck would send back.
 */
public final class TestingMotherDuck
        implements WarehouseAttacher.MotherDuckConnector
{
    private final Optional<Path> database;
    private final Optional<String> refusal;
    private final List<WarehouseAttacher.MotherDuckAttachment> attachments = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();

    private TestingMotherDuck(Optional<Path> database, Optional<String> refusal)
    {
        this.database = requireNonNull(database, "database is null");
        this.refusal = requireNonNull(refusal, "refusal is null");
    }

    /** MotherDuck serving {@code database} (a DuckDB file whose tables are in schema main, as in a MotherDuck database). */
    public static TestingMotherDuck serving(Path database)
    {
        return new TestingMotherDuck(Optional.of(database), Optional.empty());
    }

    /** MotherDuck refusing every attach with {@code message}; {@code %s} in it stands for the token it was given. */
    public static TestingMotherDuck refusing(String message)
    {
        return new TestingMotherDuck(Optional.empty(), Optional.of(message));
    }

    @Override
    public void load(Connection connection)
    {
        // the extension cannot be loaded here (DuckDB verifies its signature): the stand-in needs none
    }

    @Override
    public void attach(Connection connection, WarehouseAttacher.MotherDuckAttachment attachment, Secret token)
            throws SQLException
    {
        attachments.add(attachment);
        tokens.add(token.reveal());
        if (refusal.isPresent()) {
            throw new SQLException(refusal.get().formatted(token.reveal()));
        }
        boolean readOnly = attachment.attachStatement().endsWith(" (READ_ONLY)");
        String catalog = attachment.attachStatement().replaceFirst("^ATTACH '[^']*' AS (\"[^\"]+\").*$", "$1");
        try (Statement statement = connection.createStatement()) {
            statement.execute("ATTACH " + SqlText.literal(database.orElseThrow().toAbsolutePath().toString()) + " AS " + catalog + (readOnly ? " (READ_ONLY)" : ""));
        }
    }

    public List<WarehouseAttacher.MotherDuckAttachment> attachments()
    {
        return List.copyOf(attachments);
    }

    public List<String> tokens()
    {
        return List.copyOf(tokens);
    }
}
