package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.definition.PayloadTemplate;
import io.duckstep.asl.intrinsic.IntrinsicFailureException;

import java.util.Map;

/**
 * Instantiates a payload template against a state's input and context object. A path that matches
 * nothing and an intrinsic function that fails are {@code States.Runtime} errors, as in AWS Step Functions.
 */
final class PayloadTemplateEvaluator
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    JsonNode evaluate(PayloadTemplate template, JsonNode input, JsonNode context)
    {
        return template.accept(new PayloadTemplate.Visitor<>()
        {
            @Override
            public JsonNode literal(PayloadTemplate.Literal literal)
            {
                return literal.value().deepCopy();
            }

            @Override
            public JsonNode object(PayloadTemplate.ObjectTemplate object)
            {
                ObjectNode result = NODES.objectNode();
                for (Map.Entry<String, PayloadTemplate> member : object.members().entrySet()) {
                    result.set(member.getKey(), evaluate(member.getValue(), input, context));
                }
                return result;
            }

            @Override
            public JsonNode path(PayloadTemplate.PathValue path)
            {
                return DataFlow.readField(path.path(), input, context, path.field());
            }

            @Override
            public JsonNode intrinsic(PayloadTemplate.IntrinsicValue intrinsic)
            {
                try {
                    return intrinsic.call().evaluate(input, context);
                }
                catch (IntrinsicFailureException e) {
                    throw StateFailedException.runtime("The function '" + intrinsic.call().text() + "' specified for the field '" + intrinsic.field()
                            + "' failed: " + e.getMessage());
                }
            }
        });
    }
}
