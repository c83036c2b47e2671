package io.duckstep.local.remote;

import com.sun.net.httpserver.HttpExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The stack's prompt API as API Gateway with IAM authorisation answers it: every request must carry a valid
 * SigV4 signature for service execute-api (checked here independently of the SDK, from the specification),
 * or it gets 403. POST {@code /prod/prompt} answers 202 with the question's id; the first GET of
 * {@code /prod/prompt/<id>} 202 again, the second the recorded answer.
 */
final class TestingPromptApiServer
        extends TestingHttpServer
{
    static final String ANSWER = "{\"answer\":\"The historical data has 4,383 customers and the recent data 1,179.\",\"query\":\"SELECT (SELECT count(DISTINCT \\\"Customer ID\\\") FROM e_commerce.year_09_10) AS historical, (SELECT count(DISTINCT \\\"Customer ID\\\") FROM mydf) AS recent\",\"attempts\":1,\"id\":\"prompt-req-1\"}";

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final List<String> requests = new ArrayList<>();
    private int polls;

    TestingPromptApiServer(String accessKey, String secretKey, String region)
    {
        this.accessKey = requireNonNull(accessKey, "accessKey is null");
        this.secretKey = requireNonNull(secretKey, "secretKey is null");
        this.region = requireNonNull(region, "region is null");
    }

    synchronized List<String> requests()
    {
        return List.copyOf(requests);
    }

    @Override
    synchronized void handle(HttpExchange exchange, String body)
            throws IOException
    {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        requests.add(method + " " + path + (body.isEmpty() ? "" : " " + body));
        String problem = signatureProblem(exchange, body);
        if (problem != null) {
            respond(exchange, 403, "application/json", "{\"message\":\"" + problem + "\"}");
            return;
        }
        if (method.equals("POST") && path.equals("/prod/prompt")) {
            respond(exchange, 202, "application/json", "{\"id\":\"prompt-req-1\",\"status\":\"RUNNING\",\"poll\":\"/prompt/prompt-req-1\"}");
        }
        else if (method.equals("GET") && path.equals("/prod/prompt/prompt-req-1")) {
            polls++;
            if (polls < 2) {
                respond(exchange, 202, "application/json", "{\"id\":\"prompt-req-1\",\"status\":\"RUNNING\",\"poll\":\"/prompt/prompt-req-1\"}");
            }
            else {
                respond(exchange, 200, "application/json", ANSWER);
            }
        }
        else {
            respond(exchange, 404, "application/json", "{\"error\":\"Use POST /prompt with {\\\"prompt\\\": \\\"...\\\"}, or GET /prompt/{id}\"}");
        }
    }

    /** SigV4 (AWS4-HMAC-SHA256) as specified: canonical request, string to sign, derived key; null when valid. */
    private String signatureProblem(HttpExchange exchange, String body)
    {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String date = exchange.getRequestHeaders().getFirst("X-Amz-Date");
        if (authorization == null || date == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            return "Missing Authentication Token";
        }
        String[] parts = authorization.substring("AWS4-HMAC-SHA256 ".length()).split(",\\s*");
        String credential = value(parts, "Credential");
        String signedHeaders = value(parts, "SignedHeaders");
        String signature = value(parts, "Signature");
        String scope = date.substring(0, 8) + "/" + region + "/execute-api/aws4_request";
        if (!(accessKey + "/" + scope).equals(credential)) {
            return "Credential should be scoped to " + scope + " of " + accessKey + ", was " + credential;
        }
        String canonicalHeaders = Arrays.stream(signedHeaders.split(";"))
                .map(header -> header + ":" + String.join(",", exchange.getRequestHeaders().get(header)).strip().replaceAll("\\s+", " ") + "\n")
                .collect(Collectors.joining());
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        String canonicalRequest = exchange.getRequestMethod() + "\n" + exchange.getRequestURI().getRawPath() + "\n" + query + "\n"
                + canonicalHeaders + "\n" + signedHeaders + "\n" + hex(sha256(body.getBytes(StandardCharsets.UTF_8)));
        String stringToSign = "AWS4-HMAC-SHA256\n" + date + "\n" + scope + "\n" + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date.substring(0, 8));
        key = hmac(key, region);
        key = hmac(key, "execute-api");
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        return expected.equals(signature) ? null : "The request signature we calculated does not match the signature you provided";
    }

    private static String value(String[] parts, String name)
    {
        return Arrays.stream(parts).filter(part -> part.startsWith(name + "=")).map(part -> part.substring(name.length() + 1)).findFirst().orElse("");
    }

    private static byte[] sha256(byte[] bytes)
    {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data)
    {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes)
    {
        return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
    }
}
