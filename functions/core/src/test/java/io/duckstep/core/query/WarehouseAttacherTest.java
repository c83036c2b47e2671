package io.duckstep.core.query;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.WarehouseUnavailableException;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.testing.TestingSecretStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseAttacherTest
{
    private static final String TOKEN = "md-token-that-must-never-leak-7f3a";

    @Test
    void attach_motherDuckWithoutExtension_failsClearlyBeforeReadingTheToken(@TempDir Path work)
            throws Exception
    {
        TestingSecretStore secrets = new TestingSecretStore(Map.of("motherduck-token", TOKEN));
        WarehouseAttacher attacher = new WarehouseAttacher(new LocalFileStorage(), secrets);

        try (Connection connection = new DuckDb(new DuckDbSettings("200MB", 1, work)).openInMemory()) {
            assertThatThrownBy(() -> attacher.attach(connection, new WarehouseSpecification.MotherDuck("analytics", "e_commerce", "motherduck-token")))
                    .isInstanceOf(WarehouseUnavailableException.class)
                    .hasMessageContaining("MotherDuck extension cannot be loaded")
                    .hasMessageContaining("md:analytics")
                    .hasMessageNotContaining(TOKEN);
        }
        // the extension check comes first: no secret was read for a warehouse that cannot open
        assertThat(secrets.reads()).isEmpty();
    }

    @Test
    void motherDuckAttachment_modelsQueries_useSaasModeAndTheReadScalingToken()
    {
        WarehouseSpecification.MotherDuck motherDuck = new WarehouseSpecification.MotherDuck("analytics", "e_commerce", "md-token", java.util.Optional.of("md-read-scaling-token"));

        WarehouseAttacher.MotherDuckAttachment untrusted = WarehouseAttacher.MotherDuckAttachment.of(motherDuck, WarehouseAttacher.Queries.UNTRUSTED);
        WarehouseAttacher.MotherDuckAttachment trusted = WarehouseAttacher.MotherDuckAttachment.of(motherDuck, WarehouseAttacher.Queries.TRUSTED);

        assertThat(untrusted).isEqualTo(new WarehouseAttacher.MotherDuckAttachment("md-read-scaling-token", true, "ATTACH 'md:analytics' AS \"e_commerce\""));
        assertThat(trusted).isEqualTo(new WarehouseAttacher.MotherDuckAttachment("md-token", false, "ATTACH 'md:analytics' AS \"e_commerce\""));
    }

    @Test
    void motherDuckAttachment_noReadScalingToken_usesTheTokenInSaasMode()
    {
        WarehouseSpecification.MotherDuck motherDuck = new WarehouseSpecification.MotherDuck("analytics", "e_commerce", "md-token");

        assertThat(WarehouseAttacher.MotherDuckAttachment.of(motherDuck, WarehouseAttacher.Queries.UNTRUSTED))
                .isEqualTo(new WarehouseAttacher.MotherDuckAttachment("md-token", true, "ATTACH 'md:analytics' AS \"e_commerce\""));
    }

    @Test
    void attach_none_attachesNothing(@TempDir Path work)
            throws Exception
    {
        WarehouseAttacher attacher = new WarehouseAttacher(new LocalFileStorage(), new TestingSecretStore(Map.of()));

        try (Connection connection = new DuckDb(new DuckDbSettings("200MB", 1, work)).openInMemory()) {
            assertThat(attacher.attach(connection, new WarehouseSpecification.None())).isEqualTo("no warehouse");
            try (var rows = connection.createStatement().executeQuery("SELECT count(*) FROM duckdb_databases() WHERE NOT internal")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1); // only the in-memory database itself
            }
        }
    }
}
