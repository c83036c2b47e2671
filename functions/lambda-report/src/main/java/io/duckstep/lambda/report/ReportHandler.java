package io.duckstep.lambda.report;

import io.duckstep.aws.AwsEnvironment;
import io.duckstep.aws.DuckDbPriming;
import io.duckstep.core.report.ReportOutput;
import io.duckstep.core.report.ReportRequest;
import io.duckstep.core.report.ReportTask;
import io.duckstep.lambda.support.JsonTaskHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * Builds the HTML report: {@link ReportRequest} in, {@link ReportOutput} (location, size, headlines) out.
 */
public final class ReportHandler
        extends JsonTaskHandler<ReportRequest, ReportOutput>
{
    private static final Logger LOG = LoggerFactory.getLogger(ReportHandler.class);

    public ReportHandler()
    {
        this(wire(AwsEnvironment.fromSystem()));
    }

    ReportHandler(ReportTask task)
    {
        super("BuildReport", ReportRequest.class, task::run);
    }

    private static ReportTask wire(AwsEnvironment environment)
    {
        DuckDbPriming.register(environment.duckDb());
        return ReportTasks.factory(environment).report();
    }

    @Override
    protected void succeeded(ReportRequest request, ReportOutput report)
    {
        LOG.info("report published", entry("location", report.location()), entry("bytes", report.bytes()));
    }
}
