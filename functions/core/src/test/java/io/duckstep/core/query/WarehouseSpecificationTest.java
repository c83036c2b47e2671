package io.duckstep.core.query;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WarehouseSpecificationTest
{
    @Test
    void toString_eachKind_readsAsARecordsGeneratedOne()
    {
        assertThat(new WarehouseSpecification.None()).hasToString("None[]");
        assertThat(new WarehouseSpecification.DuckDbFile("out/warehouse.duckdb")).hasToString("DuckDbFile[location=out/warehouse.duckdb]");
        assertThat(new WarehouseSpecification.MotherDuck("my_db", "e_commerce", Optional.of("duckstep/motherduck"), Optional.empty()))
                .hasToString("MotherDuck[database=my_db, catalog=e_commerce, tokenSecretName=Optional[duckstep/motherduck], readScalingTokenSecretName=Optional.empty]");
    }
}
