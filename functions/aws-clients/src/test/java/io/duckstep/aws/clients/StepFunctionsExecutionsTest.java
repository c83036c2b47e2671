package io.duckstep.aws.clients;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StepFunctionsExecutionsTest
{
    private static final String STATE_MACHINE = "arn:aws:states:eu-west-1:111122223333:stateMachine:Summary";

    @Test
    void start_sameNameTwice_startsOnce()
    {
        FakeStepFunctions stepFunctions = new FakeStepFunctions();
        StepFunctionsExecutions executions = new StepFunctionsExecutions(stepFunctions, STATE_MACHINE);

        assertThat(executions.start("upload-a-1", "{\"upload\":\"s3://b/uploads/a.csv\"}")).isTrue();
        assertThat(executions.start("upload-a-1", "{\"upload\":\"s3://b/uploads/a.csv\"}")).isFalse();

        assertThat(stepFunctions.started).containsOnlyKeys("arn:aws:states:eu-west-1:111122223333:execution:Summary:upload-a-1");
    }

    @Test
    void describe_byName_findsTheExecutionOrNothing()
    {
        StepFunctionsExecutions executions = new StepFunctionsExecutions(new FakeStepFunctions(), STATE_MACHINE);
        executions.start("prompt-1", "{}");

        assertThat(executions.describe("prompt-1")).get().extracting(DescribeExecutionResponse::status).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(executions.describe("prompt-2")).isEmpty();
    }

    /** Step Functions has no emulator here: a hand-written fake at the SDK boundary. */
    private static final class FakeStepFunctions
            implements SfnClient
    {
        private final Map<String, String> started = new LinkedHashMap<>();

        @Override
        public StartExecutionResponse startExecution(StartExecutionRequest request)
        {
            String executionArn = request.stateMachineArn().replace(":stateMachine:", ":execution:") + ":" + request.name();
            if (started.putIfAbsent(executionArn, request.input()) != null) {
                throw ExecutionAlreadyExistsException.builder().message("Execution Already Exists").build();
            }
            return StartExecutionResponse.builder().executionArn(executionArn).build();
        }

        @Override
        public DescribeExecutionResponse describeExecution(DescribeExecutionRequest request)
        {
            if (!started.containsKey(request.executionArn())) {
                throw ExecutionDoesNotExistException.builder().message("Execution Does Not Exist").build();
            }
            return DescribeExecutionResponse.builder().executionArn(request.executionArn()).status(ExecutionStatus.RUNNING).build();
        }

        @Override
        public String serviceName()
        {
            return "states";
        }

        @Override
        public void close() {}
    }
}
