package io.duckstep.lambda.report;

import io.duckstep.aws.AwsEnvironment;
import io.duckstep.core.task.TaskFactory;

/**
 * The domain tasks of this package, built by the one {@link TaskFactory} from this Lambda environment.
 */
final class ReportTasks
{
    private ReportTasks() {}

    static TaskFactory factory(AwsEnvironment environment)
    {
        return new TaskFactory(environment.duckDb(), environment.layout(), environment.secrets(), environment.warehouse(), environment.uploadsPrefix());
    }
}
