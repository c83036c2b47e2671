package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.intrinsic.IntrinsicParser;
import io.duckstep.asl.intrinsic.InvalidIntrinsicException;
import io.duckstep.asl.intrinsic.UnsupportedIntrinsicException;
import io.duckstep.asl.path.InvalidPathException;
import io.duckstep.asl.path.JsonPath;
import io.duckstep.asl.path.UnsupportedPathException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses payload templates: every object member whose name ends in {@code .$}, however deeply nested
 * in objects, must hold a path ({@code $...}, {@code $$...}) or an intrinsic function call. Such members
 * inside arrays are refused: the workflows do not use them.
 */
final class PayloadTemplateParser
{
    private static final String DYNAMIC_SUFFIX = ".$";

    private PayloadTemplateParser() {}

    static PayloadTemplate parse(DefinitionObject owner, String field)
    {
        return parseValue(owner, field, owner.get(field));
    }

    private static PayloadTemplate parseDynamicValue(DefinitionObject owner, String field, JsonNode value)
    {
        if (!value.isTextual()) {
            throw owner.invalid(field, "must be a string holding a path or an intrinsic function");
        }
        String text = value.textValue();
        try {
            if (text.startsWith("$")) {
                return new PayloadTemplate.PathValue(JsonPath.parse(text), owner.qualify(field));
            }
            return new PayloadTemplate.IntrinsicValue(IntrinsicParser.parse(text), owner.qualify(field));
        }
        catch (InvalidPathException | InvalidIntrinsicException e) {
            throw owner.invalid(field, e.getMessage(), e);
        }
        catch (UnsupportedPathException | UnsupportedIntrinsicException e) {
            throw owner.unsupported(field, e.getMessage(), e);
        }
    }

    private static PayloadTemplate parseValue(DefinitionObject owner, String field, JsonNode value)
    {
        if (value.isObject()) {
            Map<String, PayloadTemplate> members = new LinkedHashMap<>();
            boolean dynamic = false;
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                String name = member.getKey();
                String memberField = field + "." + name;
                PayloadTemplate template;
                String key;
                if (name.endsWith(DYNAMIC_SUFFIX)) {
                    key = name.substring(0, name.length() - DYNAMIC_SUFFIX.length());
                    template = parseDynamicValue(owner, memberField, member.getValue());
                }
                else {
                    key = name;
                    template = parseValue(owner, memberField, member.getValue());
                }
                if (members.put(key, template) != null) {
                    throw owner.invalid(memberField, "the member '" + key + "' is given both with and without the .$ suffix");
                }
                dynamic |= !(template instanceof PayloadTemplate.Literal);
            }
            return dynamic ? new PayloadTemplate.ObjectTemplate(members) : new PayloadTemplate.Literal(value);
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                String elementField = field + "[" + i + "]";
                if (!(parseValue(owner, elementField, value.get(i)) instanceof PayloadTemplate.Literal)) {
                    throw owner.unsupported(elementField, "paths and intrinsic functions (.$ members) inside arrays are not supported by the local runner");
                }
            }
        }
        return new PayloadTemplate.Literal(value);
    }
}
