package io.duckstep.lambda.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.aws.AwsEnvironment;
import io.duckstep.aws.DuckDbPriming;
import io.duckstep.core.report.ReportOutput;
import io.duckstep.core.report.ReportRequest;
import io.duckstep.core.report.ReportTask;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;

import static java.util.Objects.requireNonNull;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * Builds the HTML report: {@link ReportRequest} in, {@link ReportOutput} (location, size, headlines) out.
 */
public final class ReportHandler
        implements RequestStreamHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(ReportHandler.class);

    private final ReportTask task;

    public ReportHandler()
    {
        this(wire(AwsEnvironment.fromSystem()));
    }

    ReportHandler(ReportTask task)
    {
        this.task = requireNonNull(task, "task is null");
    }

    private static ReportTask wire(AwsEnvironment environment)
    {
        DuckDbPriming.register(environment.duckDb());
        return new ReportTask(environment.duckDb(), environment.layout(), environment.warehouse());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        Observability.invocation(context, "BuildReport", () -> {
            ReportRequest request = LambdaJson.read(input, ReportRequest.class);
            Observability.executionName(request.runId());
            ReportOutput report = task.run(request);
            LOG.info("report published", entry("location", report.location()), entry("bytes", report.bytes()));
            LambdaJson.write(output, report);
        });
    }
}
