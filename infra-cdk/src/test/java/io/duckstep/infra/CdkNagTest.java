package io.duckstep.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CdkNagTest
{
    @Test
    void awsSolutions_stack_hasNoUnsuppressedFinding()
    {
        App app = TestingStacks.motherDuckApp();
        DuckStepStack stack = TestingStacks.stack(app, "motherduck", Optional.of("analytics"), Optional.empty());
        assertNoFinding(app, stack);
    }

    @Test
    void awsSolutions_environmentAgnosticStackAsCdkSynthBuildsIt_hasNoUnsuppressedFinding()
    {
        // `npx cdk synth` without an account: region and account are tokens in every ARN the suppressions must match
        App app = TestingStacks.app();
        DuckStepStack stack = new DuckStepStack(app, "DuckStep", new DuckStepStackProps(software.amazon.awscdk.StackProps.builder().build(),
                TestingStacks.repositoryRoot(), TestingStacks.standInPackages(), "duckdb", Optional.empty(), Optional.of("analyst@example.com")));
        assertNoFinding(app, stack);
    }

    private static void assertNoFinding(App app, DuckStepStack stack)
    {
        Aspects.of(app).add(new AwsSolutionsChecks());
        app.synth();

        List<SynthesisMessage> errors = Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        List<SynthesisMessage> warnings = Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));

        assertThat(errors).extracting(message -> message.getId() + " " + message.getEntry().getData()).isEmpty();
        assertThat(warnings).extracting(message -> message.getId() + " " + message.getEntry().getData()).isEmpty();
    }
}
