package io.duckstep.core.prompt;

import io.duckstep.core.secrets.Secret;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxMessagesTest
{
    private final SandboxMessages messages = new SandboxMessages(
            Map.of("/srv/duckstep/runs/r1/mydf.parquet", "mydf", "/srv/duckstep/work", "<work directory>", "/srv/cache/warehouse.duckdb", "<warehouse>"),
            Optional.of(new Secret("stand-in-token-9f2c")));

    @Test
    void scrub_errorQuotingAnInput_namesTheTableInstead()
    {
        assertThat(messages.scrub("IO Error: No files found that match the pattern \"/srv/duckstep/runs/r1/mydf.parquet\""))
                .isEqualTo("IO Error: No files found that match the pattern \"mydf\"");
    }

    @Test
    void scrub_errorQuotingTheWarehouseAndTheWorkDirectory_namesNeither()
    {
        assertThat(messages.scrub("Catalog Error: database \"/srv/cache/warehouse.duckdb\" cannot be written; spill file /srv/duckstep/work/tmp/duckdb_temp_1.block"))
                .isEqualTo("Catalog Error: database \"<warehouse>\" cannot be written; spill file <work directory>/tmp/duckdb_temp_1.block");
    }

    @Test
    void scrub_anyOtherAbsolutePathOrUrl_isHidden()
    {
        assertThat(messages.scrub("Permission Error: Cannot access file \"/etc/passwd\" - file system operations are disabled by configuration"))
                .isEqualTo("Permission Error: Cannot access file \"<path>\" - file system operations are disabled by configuration");
        assertThat(messages.scrub("HTTP Error: Unable to connect to URL s3://private-bucket/runs/r2/result.parquet: 403"))
                .isEqualTo("HTTP Error: Unable to connect to URL <location>: 403");
        assertThat(messages.scrub("IO Error: Cannot open ~/secrets/file.csv")).isEqualTo("IO Error: Cannot open <path>");
    }

    @Test
    void scrub_token_isRemoved()
    {
        assertThat(messages.scrub("Invalid token 'stand-in-token-9f2c' for md:analytics")).doesNotContain("stand-in-token-9f2c").contains("[redacted]");
        assertThat(messages.scrubResult("[{\"t\":\"stand-in-token-9f2c\"}]")).isEqualTo("[{\"t\":\"[redacted]\"}]");
        assertThat(messages.redactSecret("MotherDuck refused md:analytics: token stand-in-token-9f2c expired (/srv/cache)"))
                .isEqualTo("MotherDuck refused md:analytics: token [redacted] expired (/srv/cache)");
    }

    @Test
    void scrub_divisionAndRelativeNames_stayAsTheyAre()
    {
        String binderError = "Binder Error: No function matches the given name and argument types '/(VARCHAR, INTEGER)'. Price/Quantity is VARCHAR/INTEGER";

        assertThat(messages.scrub(binderError)).isEqualTo(binderError);
    }

    @Test
    void scrubResult_dataThatOnlyLooksLikeAPath_isKept()
    {
        assertThat(messages.scrubResult("[{\"StockCode\":\"/usr/share/x\",\"f\":\"/srv/duckstep/runs/r1/mydf.parquet\"}]"))
                .isEqualTo("[{\"StockCode\":\"/usr/share/x\",\"f\":\"mydf\"}]");
    }
}
