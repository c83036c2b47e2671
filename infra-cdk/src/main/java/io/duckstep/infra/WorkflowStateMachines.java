package io.duckstep.infra;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.CfnStateMachine;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.util.List;
import java.util.Map;

/**
 * How every DuckStep state machine is made: Standard, its ASL definition inline with its substitutions, every event
 * logged without execution data to a log group under {@code /aws/vendedlogs/states/} (the prefix CloudWatch Logs
 * expects for vended logs, which keeps its resource policy small), and X-Ray tracing.
 */
final class WorkflowStateMachines
{
    static final String LOG_GROUP_PREFIX = "/aws/vendedlogs/states/";

    private WorkflowStateMachines() {}

    static StateMachine create(Construct scope, String id, String definition, Map<String, String> substitutions, Duration timeout)
    {
        LogGroup logs = LogGroup.Builder.create(scope, id + "Logs")
                .logGroupName(LOG_GROUP_PREFIX + Stack.of(scope).getStackName() + "-" + id)
                .retention(JavaFunctions.LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        StateMachine stateMachine = StateMachine.Builder.create(scope, id)
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromString(definition))
                .definitionSubstitutions(substitutions)
                .timeout(timeout)
                .build();
        // Logging and tracing set on the resource: the construct's options would add their statements on * to the
        // role's default policy, next to the invoke permissions, where their review would cover those too.
        CfnStateMachine resource = (CfnStateMachine) stateMachine.getNode().getDefaultChild();
        resource.setTracingConfiguration(CfnStateMachine.TracingConfigurationProperty.builder().enabled(true).build());
        resource.setLoggingConfiguration(CfnStateMachine.LoggingConfigurationProperty.builder()
                .level("ALL")
                .includeExecutionData(false)
                .destinations(List.of(CfnStateMachine.LogDestinationProperty.builder()
                        .cloudWatchLogsLogGroup(CfnStateMachine.CloudWatchLogsLogGroupProperty.builder().logGroupArn(logs.getLogGroupArn()).build())
                        .build()))
                .build());
        Policy tracing = UnscopedActions.tracing(scope, id + "Tracing", stateMachine.getRole(), UnscopedActions.STATE_MACHINE_TRACING);
        Policy logDelivery = UnscopedActions.logDelivery(scope, id + "LogDelivery", stateMachine.getRole());
        // Step Functions checks the log delivery permissions when it creates the state machine
        resource.getNode().addDependency(tracing, logDelivery);
        return stateMachine;
    }

    /** {@code states:DescribeExecution} on the executions of one state machine (their names are known only at run time). */
    static void grantDescribeExecutions(StateMachine stateMachine, IGrantable grantee)
    {
        String executions = Stack.of(stateMachine).formatArn(ArnComponents.builder()
                .service("states").resource("execution").arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .resourceName(stateMachine.getStateMachineName() + ":*").build());
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create().actions(List.of("states:DescribeExecution")).resources(List.of(executions)).build());
        ReviewedFindings.wildcardResource((IConstruct) grantee.getGrantPrincipal(), executions,
                "The executions of one state machine (" + stateMachine.getNode().getPath() + "), whose names are known only at run time.");
    }
}
