package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.intrinsic.IntrinsicExpression;
import io.duckstep.asl.path.JsonPath;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A parsed payload template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector}): JSON
 * whose members named {@code something.$} are replaced by the value of a path or an intrinsic function.
 */
public sealed interface PayloadTemplate
        permits PayloadTemplate.Literal, PayloadTemplate.ObjectTemplate, PayloadTemplate.ArrayTemplate, PayloadTemplate.PathValue, PayloadTemplate.IntrinsicValue
{
    /** JSON copied as it is. */
    record Literal(JsonNode value)
            implements PayloadTemplate
    {
        public Literal
        {
            requireNonNull(value, "value is null");
        }
    }

    /** An object; member names are given without their {@code .$} suffix. */
    record ObjectTemplate(Map<String, PayloadTemplate> members)
            implements PayloadTemplate
    {
        public ObjectTemplate
        {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(members, "members is null")));
        }
    }

    record ArrayTemplate(List<PayloadTemplate> elements)
            implements PayloadTemplate
    {
        public ArrayTemplate
        {
            elements = List.copyOf(requireNonNull(elements, "elements is null"));
        }
    }

    /**
     * The value a path selects.
     *
     * @param field the field as written in the definition, for example {@code Parameters.payload.id.$}
     */
    record PathValue(JsonPath path, String field)
            implements PayloadTemplate
    {
        public PathValue
        {
            requireNonNull(path, "path is null");
            requireNonNull(field, "field is null");
        }
    }

    /**
     * The result of an intrinsic function.
     *
     * @param field the field as written in the definition
     */
    record IntrinsicValue(IntrinsicExpression.FunctionCall call, String field)
            implements PayloadTemplate
    {
        public IntrinsicValue
        {
            requireNonNull(call, "call is null");
            requireNonNull(field, "field is null");
        }
    }
}
