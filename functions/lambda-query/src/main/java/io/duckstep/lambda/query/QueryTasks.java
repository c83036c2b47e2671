package io.duckstep.lambda.query;

import io.duckstep.aws.AwsEnvironment;
import io.duckstep.aws.DuckDbPriming;
import io.duckstep.core.task.TaskFactory;

/**
 * The domain tasks of this package, built by the one {@link TaskFactory} from this Lambda environment, wired once
 * (and primed for SnapStart).
 */
final class QueryTasks
{
    private static TaskFactory factory;

    private QueryTasks() {}

    static synchronized TaskFactory factory()
    {
        if (factory == null) {
            AwsEnvironment environment = AwsEnvironment.fromSystem();
            DuckDbPriming.register(environment.duckDb());
            factory = new TaskFactory(environment.duckDb(), environment.layout(), environment.secrets(), environment.warehouse(), environment.uploadsPrefix());
        }
        return factory;
    }
}
