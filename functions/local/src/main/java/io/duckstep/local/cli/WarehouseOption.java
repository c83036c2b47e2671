package io.duckstep.local.cli;

import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Optional;

/**
 * The value of {@code --warehouse}: a DuckDB file, or {@code md:DATABASE} for a MotherDuck database. MotherDuck's
 * tokens are the local secrets {@value WarehouseAttacher#LOCAL_TOKEN_SECRET} (DuckStep's own queries) and
 * {@value WarehouseAttacher#LOCAL_READ_SCALING_TOKEN_SECRET} (the model's queries).
 */
final class WarehouseOption
        implements ITypeConverter<WarehouseSpecification>
{
    static final String PREFIX = "md:";

    @Override
    public WarehouseSpecification convert(String value)
    {
        return parse(value);
    }

    static WarehouseSpecification parse(String value)
    {
        if (value == null || value.isBlank()) {
            throw new TypeConversionException("the warehouse is a DuckDB file or md:DATABASE, was empty");
        }
        if (!value.startsWith(PREFIX)) {
            return new WarehouseSpecification.DuckDbFile(value);
        }
        String database = value.substring(PREFIX.length());
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new TypeConversionException("a MotherDuck warehouse is md:DATABASE with a database name of letters, digits and underscores, was '" + value + "'");
        }
        return new WarehouseSpecification.MotherDuck(database, WarehouseSpecification.DEFAULT_CATALOG,
                Optional.of(WarehouseAttacher.LOCAL_TOKEN_SECRET), Optional.of(WarehouseAttacher.LOCAL_READ_SCALING_TOKEN_SECRET));
    }
}
