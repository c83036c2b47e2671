package io.duckstep.core.query;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseConfigurationTest
{
    @Test
    void fromEnvironment_noProvider_defaultsToDuckDbFileUnderECommerce()
    {
        assertThat(WarehouseConfiguration.fromEnvironment(Map.of("DUCKSTEP_WAREHOUSE_LOCATION", "/data/warehouse.duckdb")))
                .isEqualTo(new WarehouseSpecification.DuckDbFile("/data/warehouse.duckdb"));
    }

    @Test
    void fromEnvironment_motherDuck_namesTheTokenSecretNotTheToken()
    {
        assertThat(WarehouseConfiguration.fromEnvironment(Map.of(
                "DUCKSTEP_WAREHOUSE_PROVIDER", "motherduck",
                "DUCKSTEP_MOTHERDUCK_DATABASE", "analytics",
                "DUCKSTEP_MOTHERDUCK_TOKEN_SECRET", "duckstep/motherduck-token")))
                .isEqualTo(new WarehouseSpecification.MotherDuck("analytics", "e_commerce", "duckstep/motherduck-token"));
    }

    @Test
    void fromEnvironment_readScalingTokenSecret_isNamedForModelQueries()
    {
        assertThat(WarehouseConfiguration.fromEnvironment(Map.of(
                "DUCKSTEP_WAREHOUSE_PROVIDER", "motherduck",
                "DUCKSTEP_MOTHERDUCK_DATABASE", "analytics",
                "DUCKSTEP_MOTHERDUCK_TOKEN_SECRET", "md-token",
                "DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET", "md-read-scaling")))
                .isEqualTo(new WarehouseSpecification.MotherDuck("analytics", "e_commerce", "md-token", java.util.Optional.of("md-read-scaling")));
    }

    @Test
    void fromEnvironment_motherDuckWithOnlyTheReadScalingToken_namesNoFullTokenSecret()
    {
        assertThat(WarehouseConfiguration.fromEnvironment(Map.of(
                "DUCKSTEP_WAREHOUSE_PROVIDER", "motherduck",
                "DUCKSTEP_MOTHERDUCK_DATABASE", "analytics",
                "DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET", "md-read-scaling")))
                .isEqualTo(new WarehouseSpecification.MotherDuck("analytics", "e_commerce", java.util.Optional.empty(), java.util.Optional.of("md-read-scaling")));
    }

    @Test
    void fromEnvironment_none_givesNoWarehouse()
    {
        assertThat(WarehouseConfiguration.fromEnvironment(Map.of("DUCKSTEP_WAREHOUSE_PROVIDER", "none")))
                .isInstanceOf(WarehouseSpecification.None.class);
    }

    @Test
    void fromEnvironment_motherDuckCustomCatalog_isUsed()
    {
        assertThat(WarehouseConfiguration.fromEnvironment(Map.of(
                "DUCKSTEP_WAREHOUSE_PROVIDER", "motherduck",
                "DUCKSTEP_MOTHERDUCK_DATABASE", "analytics",
                "DUCKSTEP_MOTHERDUCK_TOKEN_SECRET", "token",
                "DUCKSTEP_WAREHOUSE_CATALOG", "history")))
                .isEqualTo(new WarehouseSpecification.MotherDuck("analytics", "history", "token"));
    }

    @Test
    void fromEnvironment_unknownProvider_isRefusedWithTheChoices()
    {
        assertThatThrownBy(() -> WarehouseConfiguration.fromEnvironment(Map.of("DUCKSTEP_WAREHOUSE_PROVIDER", "snowflake")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DUCKSTEP_WAREHOUSE_PROVIDER must be duckdb, motherduck or none, was 'snowflake'");
    }

    @Test
    void fromEnvironment_motherDuckWithoutDatabase_namesTheMissingVariable()
    {
        assertThatThrownBy(() -> WarehouseConfiguration.fromEnvironment(Map.of("DUCKSTEP_WAREHOUSE_PROVIDER", "motherduck")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DUCKSTEP_MOTHERDUCK_DATABASE is required when the warehouse provider is motherduck");
    }

    @Test
    void motherDuck_injectionInDatabaseName_isRefused()
    {
        assertThatThrownBy(() -> new WarehouseSpecification.MotherDuck("x' AS y; --", "e_commerce", "secret"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
