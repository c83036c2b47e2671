package io.duckstep.local.remote;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * CloudFormation's DescribeStacks in the query protocol (form-encoded POST, XML answer), for one stack
 * with the given outputs; any other stack name gets CloudFormation's ValidationError "does not exist".
 */
final class TestingCloudFormationServer
        extends TestingHttpServer
{
    private final String stackName;
    private final Map<String, String> outputs;

    TestingCloudFormationServer(String stackName, Map<String, String> outputs)
    {
        this.stackName = requireNonNull(stackName, "stackName is null");
        this.outputs = new LinkedHashMap<>(outputs);
    }

    @Override
    void handle(HttpExchange exchange, String body)
            throws IOException
    {
        Map<String, String> form = Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : ""));
        if (!"DescribeStacks".equals(form.get("Action"))) {
            respond(exchange, 400, "text/xml", error("InvalidAction", "Unexpected action " + form.get("Action")));
            return;
        }
        String requested = form.get("StackName");
        if (!stackName.equals(requested)) {
            respond(exchange, 400, "text/xml", error("ValidationError", "Stack with id " + requested + " does not exist"));
            return;
        }
        String members = outputs.entrySet().stream()
                .map(entry -> "          <member>\n            <OutputKey>" + entry.getKey() + "</OutputKey>\n            <OutputValue>" + entry.getValue() + "</OutputValue>\n          </member>\n")
                .collect(Collectors.joining());
        respond(exchange, 200, "text/xml", """
                <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                  <DescribeStacksResult>
                    <Stacks>
                      <member>
                        <StackName>%s</StackName>
                        <StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/%s/1b2c3d4e-0000-11ef-8000-0a1b2c3d4e5f</StackId>
                        <CreationTime>2026-11-30T09:00:00.000Z</CreationTime>
                        <StackStatus>CREATE_COMPLETE</StackStatus>
                        <Outputs>
                %s        </Outputs>
                      </member>
                    </Stacks>
                  </DescribeStacksResult>
                  <ResponseMetadata>
                    <RequestId>5ccc7dcd-744c-11e5-be70-1b08c228efb3</RequestId>
                  </ResponseMetadata>
                </DescribeStacksResponse>
                """.formatted(stackName, stackName, members));
    }

    private static String error(String code, String message)
    {
        return """
                <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                  <Error>
                    <Type>Sender</Type>
                    <Code>%s</Code>
                    <Message>%s</Message>
                  </Error>
                  <RequestId>5ccc7dcd-744c-11e5-be70-1b08c228efb4</RequestId>
                </ErrorResponse>
                """.formatted(code, message);
    }

    private static String decode(String value)
    {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
