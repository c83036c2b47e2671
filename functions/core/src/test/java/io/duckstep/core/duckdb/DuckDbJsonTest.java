package io.duckstep.core.duckdb;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class DuckDbJsonTest
{
    @Test
    void standard_nanFromDuckDb_becomesValidJsonAndStringsStayIntact()
            throws Exception
    {
        String duckDb;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT to_json({'c': 'NaN'::DOUBLE, 'text': 'says \":NaN\" here'})::VARCHAR")) {
            row.next();
            duckDb = row.getString(1);
        }

        assertThat(duckDb).contains(":NaN,");
        assertThat(DuckDbJson.standard(duckDb)).isEqualTo("{\"c\":\"NaN\",\"text\":\"says \\\":NaN\\\" here\"}");
    }

    @Test
    void standard_plainJson_isReturnedAsItIs()
    {
        assertThat(DuckDbJson.standard("[{\"a\":1.5}]")).isEqualTo("[{\"a\":1.5}]");
    }
}
