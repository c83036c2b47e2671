package io.duckstep.lambda.query;

import io.duckstep.aws.AwsEnvironment;
import io.duckstep.aws.DuckDbPriming;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.prompt.DescribeDataTask;
import io.duckstep.core.prompt.PromptQueryTask;
import io.duckstep.core.prompt.SandboxLimits;
import io.duckstep.core.prompt.SandboxedQueryRunner;
import io.duckstep.core.prompt.SqlGuard;
import io.duckstep.core.query.InputTables;
import io.duckstep.core.query.QueryTask;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.upload.LatestUploadTask;
import io.duckstep.core.upload.PrepareUploadTask;
import io.duckstep.core.upload.QuarantineTask;


/**
 * The domain tasks of this package, wired once per Lambda environment (and primed for SnapStart).
 */
final class QueryTasks
{
    private static AwsEnvironment environment;

    private QueryTasks() {}

    static synchronized AwsEnvironment environment()
    {
        if (environment == null) {
            environment = AwsEnvironment.fromSystem();
            DuckDbPriming.register(environment.duckDb());
        }
        return environment;
    }

    static QueryTask queryTask(AwsEnvironment environment)
    {
        TransactionsReader reader = new TransactionsReader();
        return new QueryTask(environment.duckDb(), environment.storage(), new InputTables(environment.storage(), reader),
                new WarehouseAttacher(environment.storage(), environment.secrets()), environment.warehouse());
    }

    static PrepareUploadTask prepareUploadTask(AwsEnvironment environment)
    {
        return new PrepareUploadTask(environment.duckDb(), environment.layout(), new TransactionsReader());
    }

    static QuarantineTask quarantineTask(RunLayout layout)
    {
        return new QuarantineTask(layout);
    }

    /** SQL the model writes runs in a worker process under the sandbox's limits ({@link SandboxLimits}). */
    static PromptQueryTask promptQueryTask(AwsEnvironment environment)
    {
        return new PromptQueryTask(environment.storage(), new SqlGuard(environment.duckDb()),
                new SandboxedQueryRunner(environment.duckDb(), environment.storage(), environment.secrets(), environment.warehouse(),
                        SandboxLimits.of(environment.duckDb().settings())));
    }

    static DescribeDataTask describeDataTask(AwsEnvironment environment)
    {
        return new DescribeDataTask(environment.duckDb(), new InputTables(environment.storage(), new TransactionsReader()),
                new WarehouseAttacher(environment.storage(), environment.secrets()), environment.warehouse());
    }

    static LatestUploadTask latestUploadTask(AwsEnvironment environment)
    {
        return new LatestUploadTask(environment.storage(), environment.uploadsPrefix());
    }
}
