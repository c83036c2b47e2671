package io.duckstep.local.cli;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.WarehouseUnavailableException;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.local.EnvironmentSecretStore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Defaults shared by the commands: the environment they read (the process's; a test passes its own to
 * {@link DuckStepCommand#execute(String[], java.io.PrintWriter, java.io.PrintWriter, Map)}), DuckDB settings and
 * secrets from it, and the check a MotherDuck warehouse passes before a command starts.
 */
final class CommandDefaults
{
    private static volatile Map<String, String> environment = System.getenv();

    private CommandDefaults() {}

    static Map<String, String> environment()
    {
        return environment;
    }

    /** The command line runs one command at a time; this sets the environment it reads until {@link #reset()}. */
    static void use(Map<String, String> environment)
    {
        CommandDefaults.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    static void reset()
    {
        environment = System.getenv();
    }

    /** DuckDB settings from the environment ({@code DUCKSTEP_MEMORY_LIMIT}, {@code DUCKSTEP_THREADS}, {@code DUCKSTEP_WORK_DIRECTORY}, {@code DUCKSTEP_EXTENSION_DIRECTORY}). */
    static DuckDbSettings duckDbSettings()
    {
        return DuckDbSettings.fromEnvironment(environment);
    }

    /** Local secrets: the MotherDuck token from MOTHERDUCK_TOKEN, motherduck_token or DUCKSTEP_SECRET_DUCKSTEP_MOTHERDUCK_TOKEN. */
    static SecretStore secrets()
    {
        return new EnvironmentSecretStore(environment);
    }

    /**
     * Fails at once, before anything runs, when a MotherDuck warehouse cannot work: a token the command needs is
     * missing (one line naming where it can come from), or the extension is not installed (naming the command that
     * installs it). Nothing is installed here.
     *
     * @param uses whose queries the command runs: {@code TRUSTED} needs the full token, {@code UNTRUSTED} (the model's) the read-scaling one
     */
    static WarehouseSpecification ready(WarehouseSpecification warehouse, Set<WarehouseAttacher.Queries> uses)
    {
        if (!(warehouse instanceof WarehouseSpecification.MotherDuck motherDuck)) {
            return warehouse;
        }
        SecretStore secrets = secrets();
        if (uses.contains(WarehouseAttacher.Queries.TRUSTED)) {
            secrets.get(motherDuck.tokenSecretName().orElseThrow());
        }
        if (uses.contains(WarehouseAttacher.Queries.UNTRUSTED)) {
            secrets.get(motherDuck.readScalingTokenSecretName().orElseThrow());
        }
        DuckDbSettings settings = duckDbSettings();
        try (Connection connection = new DuckDb(settings).openInMemory();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT installed FROM duckdb_extensions() WHERE extension_name = 'motherduck'")) {
            if (!row.next() || !row.getBoolean(1)) {
                throw new WarehouseUnavailableException("The MotherDuck extension is not installed in " + settings.extensionDirectory()
                        + ", so md:" + motherDuck.database() + " cannot be opened: run `duckstep extensions install motherduck` once"
                        + " (DuckStep never installs extensions by itself)");
            }
        }
        catch (SQLException e) {
            throw new WarehouseUnavailableException("Cannot check the DuckDB extensions in " + settings.extensionDirectory() + ": " + e.getMessage(), e);
        }
        return warehouse;
    }
}
