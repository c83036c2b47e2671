package io.duckstep.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * cdk-nag findings reviewed and accepted, each on the resource it is about and naming exactly what it accepts
 * (never the whole stack, never a pattern broader than the resource): everything else must pass.
 */
final class ReviewedFindings
{
    private ReviewedFindings() {}

    /**
     * Accepts IAM5 for one wildcard resource of the policies of {@code role} (and only of its policies).
     *
     * @param resource the resource as the statement names it (tokens allowed); cdk-nag compares its rendering
     */
    static void wildcardResource(IConstruct role, String resource, String reason)
    {
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(reason)
                .appliesTo(List.of("Resource::" + rendered(role, resource)))
                .build()), true);
    }

    /** Accepts IAM5 for {@code Resource::*} on one policy that holds only actions without resource-level permissions. */
    static void actionsWithoutResourceLevelPermissions(IConstruct policy, String reason)
    {
        NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(reason)
                .appliesTo(List.of("Resource::*"))
                .build()), false);
    }

    /** Accepts one rule on one resource, for a reason. */
    static void accept(IConstruct resource, String rule, String reason, boolean applyToChildren)
    {
        NagSuppressions.addResourceSuppressions(resource, List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), applyToChildren);
    }

    /** A value as cdk-nag renders it in findings: {@code <LogicalId.Attribute>} for GetAtt, {@code <LogicalId>} for Ref, joins concatenated. */
    static String rendered(IConstruct scope, String value)
    {
        return flatten(Stack.of(scope).resolve(value));
    }

    private static String flatten(Object node)
    {
        if (node == null) {
            return "";
        }
        if (node instanceof String text) {
            return text.replace("${", "<").replace("}", ">");
        }
        if (node instanceof Map<?, ?> map) {
            if (map.get("Fn::Join") instanceof List<?> join) {
                String delimiter = (String) join.get(0);
                return ((List<?>) join.get(1)).stream().map(ReviewedFindings::flatten).collect(Collectors.joining(delimiter));
            }
            if (map.get("Fn::GetAtt") instanceof List<?> attribute) {
                return "<" + flatten(attribute.get(0)) + "." + flatten(attribute.get(1)) + ">";
            }
            if (map.containsKey("Ref")) {
                return "<" + flatten(map.get("Ref")) + ">";
            }
        }
        throw new IllegalArgumentException("Cannot render " + node + " as cdk-nag does");
    }
}
