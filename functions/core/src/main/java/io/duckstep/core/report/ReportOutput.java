package io.duckstep.core.report;

import java.util.List;

/**
 * A published report: where it is, its size, the headline findings (also in the page), and the task's time.
 */
public record ReportOutput(String location, long bytes, List<String> headlines, long elapsedMilliseconds)
{
    public ReportOutput
    {
        headlines = List.copyOf(headlines);
    }
}
