package io.duckstep.infra;

import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

import java.util.List;

/**
 * The only statements with {@code Resource: *}: actions that have no resource-level permissions. Each is a policy of
 * its own holding nothing else, and its cdk-nag review applies to that policy only, so a {@code *} anywhere else
 * is still a finding.
 */
final class UnscopedActions
{
    /** What a traced function sends to X-Ray. */
    static final List<String> FUNCTION_TRACING = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");
    /** What a traced state machine sends to X-Ray, and the sampling rules it reads. */
    static final List<String> STATE_MACHINE_TRACING = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets");
    /** What Step Functions needs to deliver execution logs to CloudWatch Logs (vended logs). */
    static final List<String> LOG_DELIVERY = List.of("logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups");

    private UnscopedActions() {}

    static Policy tracing(Construct scope, String id, IRole role, List<String> actions)
    {
        Policy policy = policy(scope, id, role, actions);
        ReviewedFindings.actionsWithoutResourceLevelPermissions(policy,
                "X-Ray trace writing (" + String.join(", ", actions) + ") has no resource-level permissions; this policy holds nothing else.");
        return policy;
    }

    static Policy logDelivery(Construct scope, String id, IRole role)
    {
        Policy policy = policy(scope, id, role, LOG_DELIVERY);
        ReviewedFindings.actionsWithoutResourceLevelPermissions(policy,
                "CloudWatch Logs delivery actions, which Step Functions needs on * to log to a log group (they have no resource-level permissions); this policy holds nothing else.");
        return policy;
    }

    private static Policy policy(Construct scope, String id, IRole role, List<String> actions)
    {
        return Policy.Builder.create(scope, id)
                .roles(List.of(role))
                .statements(List.of(PolicyStatement.Builder.create().actions(actions).resources(List.of("*")).build()))
                .build();
    }
}
