package io.duckstep.core.duckdb;

import org.duckdb.DuckDBDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * Opens DuckDB databases configured by {@link DuckDbSettings}.
 */
public final class DuckDb
{
    /**
     * The driver itself, not {@code DriverManager}: that one scans every jar for drivers and logs through string
     * concatenations compiled to method handles, a noticeable part of the command line's start.
     */
    private static final Driver DRIVER = newDriver();

    private final DuckDbSettings settings;

    public DuckDb(DuckDbSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public DuckDbSettings settings()
    {
        return settings;
    }

    /** A fresh in-memory database. */
    public Connection openInMemory()
    {
        return open("jdbc:duckdb:", Map.of());
    }

    /** A database file, created if absent (unless read-only). */
    public Connection openFile(Path databaseFile, boolean readOnly)
    {
        return open("jdbc:duckdb:" + databaseFile.toAbsolutePath(), readOnly ? Map.of("duckdb.read_only", "true") : Map.of());
    }

    /**
     * Opens with the settings plus {@code extraProperties}. Extra properties are DuckDB configuration
     * (for example a token); they are never put into the URL, which may be logged.
     */
    public Connection open(String url, Map<String, String> extraProperties)
    {
        createDirectories();
        Properties properties = settings.toProperties();
        extraProperties.forEach(properties::setProperty);
        try {
            return DRIVER.connect(url, properties);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot open DuckDB database " + url + ": " + e.getMessage(), e);
        }
    }

    private void createDirectories()
    {
        try {
            Files.createDirectories(settings.temporaryDirectory());
            Files.createDirectories(settings.homeDirectory());
            Files.createDirectories(settings.extensionDirectory());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create DuckDB work directories under " + settings.workDirectory(), e);
        }
    }

    /** The driver, once its library is known to be loadable (otherwise the reason, not the driver's stack trace). */
    static Driver newDriver()
    {
        DuckDbNativeLibrary.checkLoadable(DuckDb.class.getClassLoader(), System.getProperty("java.library.path"));
        return new DuckDBDriver();
    }
}
