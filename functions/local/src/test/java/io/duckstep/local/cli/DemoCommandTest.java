package io.duckstep.local.cli;

import io.duckstep.core.testing.ChromiumRendering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest
{
    @Test
    void demo_bundledSample_printsTheReportPathAndThePageRendersFourChartsWithoutErrors(@TempDir Path directory)
            throws Exception
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = DuckStepCommand.execute(new String[] {"demo", "--output", directory.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).as(err.toString()).isZero();
        Path report = Path.of(out.toString().strip());
        assertThat(report).isRegularFile().startsWith(directory.toAbsolutePath());
        assertThat(report.getFileName().toString()).isEqualTo("report.html");
        assertThat(err.toString()).contains("52,516 rows").contains("PrepareUpload done").contains("BuildReport done");
        // the upload is the sample's December 2009 rows: 20,961 (counted with Python's csv module)
        assertThat(Files.readString(report)).contains("(20,961 rows)");
        ChromiumRendering rendering = ChromiumRendering.render(report);
        assertThat(rendering.chartsRendered()).isEqualTo(4);
        assertThat(rendering.errors()).isZero();
        assertThat(rendering.dom()).contains("ROSES ON BLUE TEACUP CANDLE");
    }
}
