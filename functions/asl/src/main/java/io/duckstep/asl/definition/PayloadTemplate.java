package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.intrinsic.IntrinsicExpression;
import io.duckstep.asl.path.JsonPath;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A parsed payload template ({@code Parameters}, {@code ResultSelector}): JSON whose object members
 * named {@code something.$} are replaced by the value of a path or an intrinsic function.
 */
public sealed interface PayloadTemplate
        permits PayloadTemplate.Literal, PayloadTemplate.ObjectTemplate, PayloadTemplate.PathValue, PayloadTemplate.IntrinsicValue
{
    /** Calls the visitor's method for this template's kind. */
    <R> R accept(Visitor<R> visitor);

    interface Visitor<R>
    {
        R literal(Literal template);

        R object(ObjectTemplate template);

        R path(PathValue template);

        R intrinsic(IntrinsicValue template);
    }

    /** JSON copied as it is. */
    record Literal(JsonNode value)
            implements PayloadTemplate
    {
        public Literal
        {
            requireNonNull(value, "value is null");
        }

        @Override
        public <R> R accept(Visitor<R> visitor)
        {
            return visitor.literal(this);
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

        @Override
        public <R> R accept(Visitor<R> visitor)
        {
            return visitor.object(this);
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

        @Override
        public <R> R accept(Visitor<R> visitor)
        {
            return visitor.path(this);
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

        @Override
        public <R> R accept(Visitor<R> visitor)
        {
            return visitor.intrinsic(this);
        }
    }
}
