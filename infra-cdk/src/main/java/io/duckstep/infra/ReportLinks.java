package io.duckstep.infra;

import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

import java.util.Map;

import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_BUCKET;

/**
 * A link to a run's report that keeps working: {@code GET /runs/{id}/report} on the (IAM-authorised) API answers
 * 302 to a freshly presigned, short-lived URL of {@code runs/<id>/report.html}, or 404. The function may read only
 * the reports of runs.
 */
public final class ReportLinks
        extends Construct
{
    public static final String HANDLER = "io.duckstep.lambda.api.ReportLinkHandler::handleRequest";

    public record Props(DuckStepStackProps stack, DataStorage storage, RestApi api) {}

    private final Function function;

    public ReportLinks(Construct scope, String id, Props props)
    {
        super(scope, id);
        function = JavaFunctions.create(this, new JavaFunctions.Definition("ReportLink", props.stack().lambdaPackage("api"), HANDLER, 512, 10, false,
                Map.of(DUCKSTEP_BUCKET, props.storage().bucket().getBucketName())));
        props.storage().grantGet(function, DataStorage.RUNS + "*/report.html");
        // so that a run without a report is a 404 from S3 (and so from the API), not a 403
        props.storage().grantList(function, DataStorage.RUNS);

        RequestValidator parameters = RequestValidator.Builder.create(this, "ParameterValidator").restApi(props.api()).validateRequestParameters(true).build();
        props.api().getRoot().addResource("runs").addResource("{id}").addResource("report")
                .addMethod("GET", new LambdaIntegration(function), MethodOptions.builder()
                        .requestValidator(parameters)
                        .requestParameters(Map.of("method.request.path.id", true))
                        .build());
    }

    public Function function()
    {
        return function;
    }
}
