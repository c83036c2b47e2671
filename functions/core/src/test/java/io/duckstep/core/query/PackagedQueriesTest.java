package io.duckstep.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.core.testing.TestingProject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackagedQueriesTest
{
    /**
     * The seam a new summary query crosses: its {@code .sql} file, its name in {@link PackagedQueries#SUMMARY} (which
     * the report, the manifest and the benchmarks follow) and its branch of the summary workflow's RunQueries.
     */
    @Test
    void summary_queriesTheSummaryWorkflowRuns_areThePackagedSummaryQueries()
            throws Exception
    {
        JsonNode definition = new ObjectMapper().readTree(TestingProject.root().resolve("state-machines/summary.asl.json").toFile());
        List<String> queries = new ArrayList<>();
        definition.path("States").path("RunQueries").path("Branches").forEach(branch -> branch.path("States").forEach(state -> {
            if (state.path("Resource").asText().equals("${QueryFunctionArn}")) {
                queries.add(state.path("Parameters").path("query").asText());
            }
        }));

        assertThat(queries).containsExactlyElementsOf(PackagedQueries.SUMMARY);
        assertThat(PackagedQueries.SUMMARY).allSatisfy(name -> assertThat(PackagedQueries.sql(name)).containsIgnoringCase("SELECT"));
    }
}
