package io.duckstep.local.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * {@code duckstep ask --remote}: the stack's IAM-authorised prompt API, called with requests signed
 * (SigV4, service {@code execute-api}) by the SDK's signer; a 202 is polled at {@code <api>/<id>}.
 */
public final class RemotePrompt
{
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RemoteConnection connection;
    private final Consumer<String> progress;
    private final Pause pause;
    private final Duration interval;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public RemotePrompt(RemoteConnection connection, Consumer<String> progress, Pause pause, Duration interval)
    {
        this.connection = requireNonNull(connection, "connection is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.pause = requireNonNull(pause, "pause is null");
        this.interval = requireNonNull(interval, "interval is null");
    }

    /** @return the answer: {answer, query, attempts, id} */
    public JsonNode ask(String question, boolean summary)
            throws InterruptedException
    {
        String api = connection.stack().promptApiUrl();
        ObjectNode body = JSON.createObjectNode().put("prompt", question);
        if (summary) {
            body.put("summary", true);
        }
        Response response = send(SdkHttpMethod.POST, URI.create(api), body.toString());
        while (response.status() == 202) {
            String id = response.body().path("id").asText();
            if (!id.matches("[A-Za-z0-9_-]{1,80}")) {
                throw new RemoteFailureException("the prompt API answered 202 without a question id: " + response.body());
            }
            progress.accept("question " + id + " is still running ...");
            pause.pause(interval);
            response = send(SdkHttpMethod.GET, URI.create(api.replaceAll("/+$", "") + "/" + id), null);
        }
        if (response.status() != 200) {
            String error = response.body().path("error").asText(response.body().path("message").asText(response.body().toString()));
            throw new RemoteFailureException("the prompt API answered " + response.status() + ": " + error
                    + (response.status() == 403 ? " (the caller needs execute-api:Invoke on the API)" : ""));
        }
        return response.body();
    }

    private record Response(int status, JsonNode body) {}

    private Response send(SdkHttpMethod method, URI uri, String body)
    {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().uri(uri).method(method).putHeader("Accept", "application/json");
        if (body != null) {
            request.putHeader("Content-Type", "application/json");
        }
        SignedRequest signed = signer.sign(signing -> signing
                .identity(connection.credentials())
                .request(request.build())
                .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, connection.region().id()));
        try {
            HttpExecuteResponse response = connection.http().prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            String text;
            try (InputStream input = response.responseBody().map(stream -> (InputStream) stream).orElse(InputStream.nullInputStream())) {
                text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
            }
            JsonNode json;
            try {
                json = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            }
            catch (IOException e) {
                json = JSON.createObjectNode().put("error", text.strip());
            }
            return new Response(response.httpResponse().statusCode(), json);
        }
        catch (IOException e) {
            throw new RemoteFailureException("cannot reach the prompt API " + uri + ": " + e.getMessage(), e);
        }
    }
}
