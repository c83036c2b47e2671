package io.duckstep.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.JsonSchema;
import software.amazon.awscdk.services.apigateway.JsonSchemaType;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.Model;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_MODEL_TIMEOUT_SECONDS;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_UPLOADS_PREFIX;
import static io.duckstep.contract.EnvironmentVariables.OPENAI_KEY_SECRET;
import static io.duckstep.contract.EnvironmentVariables.PROMPT_STATE_MACHINE_ARN;

/**
 * Questions in plain English on AWS: the prompt state machine from {@code state-machines/prompt.asl.json} (its
 * DuckDB tasks, the model task, and the summary's upload tasks reused), and the IAM-authorised, throttled,
 * validated API: {@code POST /prompt} and {@code GET /prompt/{id}}.
 */
public final class PromptWorkflow
        extends Construct
{
    public record Props(DuckStepStackProps stack, DataStorage storage, DuckStepSecrets secrets, SummaryWorkflow summary) {}

    private final StateMachine stateMachine;
    private final RestApi api;

    public PromptWorkflow(Construct scope, String id, Props props)
    {
        super(scope, id);
        DataStorage storage = props.storage();
        Map<String, String> environment = JavaFunctions.duckDbEnvironment(props.stack(), storage);
        Path query = props.stack().lambdaPackage("query");
        Function describe = JavaFunctions.create(this, new JavaFunctions.Definition("DescribeData", query, "io.duckstep.lambda.query.DescribeDataHandler::handleRequest", 3008, 300, true, environment));
        Function promptQuery = JavaFunctions.create(this, new JavaFunctions.Definition("PromptQuery", query, "io.duckstep.lambda.query.PromptQueryHandler::handleRequest", 3008, 120, true, environment));
        Function model = JavaFunctions.create(this, new JavaFunctions.Definition("Model", props.stack().lambdaPackage("llm"), "io.duckstep.lambda.llm.ModelHandler::handleRequest", 1024, 150, true,
                Map.of(OPENAI_KEY_SECRET, props.secrets().openAiKey().getSecretArn(), DUCKSTEP_MODEL_TIMEOUT_SECONDS, "30")));
        for (Function duckDb : List.of(describe, promptQuery)) {
            storage.grantRead(duckDb, DataStorage.RUNS);
            storage.grantRead(duckDb, DataStorage.WAREHOUSE);
            if (props.stack().warehouse().equals("motherduck")) {
                // the model's queries (and the description offered to the model) get only the read-scaling token, in SaaS mode
                MotherDuckExtensionLayer.of(this, props.stack().repositoryRoot())
                        .attach(duckDb, props.secrets().motherDuckReadScalingToken(), DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET);
            }
        }
        props.secrets().openAiKey().grantRead(model);

        Map<String, String> substitutions = new LinkedHashMap<>();
        substitutions.put("LatestUploadFunctionArn", props.summary().substitutions().get("LatestUploadFunctionArn"));
        substitutions.put("PrepareUploadFunctionArn", props.summary().substitutions().get("PrepareUploadFunctionArn"));
        substitutions.put("DescribeDataFunctionArn", JavaFunctions.invocable(this, describe).getFunctionArn());
        substitutions.put("PromptQueryFunctionArn", JavaFunctions.invocable(this, promptQuery).getFunctionArn());
        substitutions.put("ModelFunctionArn", JavaFunctions.invocable(this, model).getFunctionArn());
        substitutions.put("SummaryStateMachineArn", props.summary().stateMachine().getStateMachineArn());
        String definition = StateMachineDefinitions.read(props.stack().repositoryRoot(), "prompt");
        StateMachineDefinitions.checkSubstitutions("prompt", definition, substitutions);
        stateMachine = WorkflowStateMachines.create(this, "Prompt", definition, substitutions, Duration.minutes(15));
        substitutions.forEach((placeholder, arn) -> {
            if (placeholder.endsWith("FunctionArn")) {
                stateMachine.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("lambda:InvokeFunction")).resources(List.of(arn)).build());
            }
        });
        props.summary().stateMachine().grantStartExecution(stateMachine);

        Function apiFunction = JavaFunctions.create(this, new JavaFunctions.Definition("ApiHandler", props.stack().lambdaPackage("api"), "io.duckstep.lambda.api.PromptApiHandler::handleRequest", 512, 29, false,
                Map.of(PROMPT_STATE_MACHINE_ARN, stateMachine.getStateMachineArn(), DUCKSTEP_UPLOADS_PREFIX, storage.location(DataStorage.UPLOADS))));
        stateMachine.grantStartExecution(apiFunction);
        WorkflowStateMachines.grantDescribeExecutions(stateMachine, apiFunction);

        LogGroup accessLogs = LogGroup.Builder.create(this, "ApiAccessLogs").retention(JavaFunctions.LOG_RETENTION).removalPolicy(RemovalPolicy.DESTROY).build();
        api = RestApi.Builder.create(this, "Api")
                .description("DuckStep: questions in plain English, and links to reports")
                .cloudWatchRole(true)
                .defaultMethodOptions(MethodOptions.builder().authorizationType(AuthorizationType.IAM).build())
                .deployOptions(StageOptions.builder()
                        .stageName("prod")
                        .throttlingRateLimit(5)
                        .throttlingBurstLimit(10)
                        .tracingEnabled(true)
                        .loggingLevel(MethodLoggingLevel.ERROR)
                        .dataTraceEnabled(false)
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.jsonWithStandardFields())
                        .build())
                .build();
        Model question = api.addModel("Question", software.amazon.awscdk.services.apigateway.ModelOptions.builder()
                .contentType("application/json")
                .schema(JsonSchema.builder()
                        .type(JsonSchemaType.OBJECT)
                        .required(List.of("prompt"))
                        .properties(Map.of(
                                "prompt", JsonSchema.builder().type(JsonSchemaType.STRING).minLength(1).maxLength(2000).build(),
                                // an object under uploads/ (the handler also checks that it is this stack's bucket, and the key's segments)
                                "upload", JsonSchema.builder().type(JsonSchemaType.STRING).maxLength(1100).pattern("^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/uploads/[^\\u0000-\\u001f]+$").build(),
                                "summary", JsonSchema.builder().type(JsonSchemaType.BOOLEAN).build()))
                        .build())
                .build());
        // API Gateway's own refusal of a body that fails the model says what is wrong, in the same shape as the handler's.
        api.addGatewayResponse("BadBody", software.amazon.awscdk.services.apigateway.GatewayResponseOptions.builder()
                .type(software.amazon.awscdk.services.apigateway.ResponseType.BAD_REQUEST_BODY)
                .statusCode("400")
                .templates(Map.of("application/json", "{\"error\": \"$context.error.validationErrorString\"}"))
                .build());
        RequestValidator bodyValidator = api.addRequestValidator("BodyValidator", software.amazon.awscdk.services.apigateway.RequestValidatorOptions.builder()
                .validateRequestBody(true).validateRequestParameters(true).build());
        LambdaIntegration integration = new LambdaIntegration(apiFunction);
        Resource prompt = api.getRoot().addResource("prompt");
        prompt.addMethod("POST", integration, MethodOptions.builder().requestValidator(bodyValidator).requestModels(Map.of("application/json", question)).build());
        prompt.addResource("{id}").addMethod("GET", integration, MethodOptions.builder().requestValidator(bodyValidator)
                .requestParameters(Map.of("method.request.path.id", true)).build());
    }

    public StateMachine stateMachine()
    {
        return stateMachine;
    }

    public RestApi api()
    {
        return api;
    }
}
