package io.duckstep.asl.path;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the JSONPath subset the Amazon States Language needs: {@code $}, {@code $$}, dot members
 * ({@code $.a.b}), bracket members ({@code $['a b']}, {@code $.a.['b']}) and indexes ({@code $.a[0]},
 * {@code $.a[-1]}). Wildcards, slices, filters, unions and deep scans select several nodes, which the
 * project's workflows never do: they are refused with an {@link UnsupportedPathException}.
 */
final class JsonPathParser
{
    private static final String FORBIDDEN_IN_MEMBER_NAMES = ".[]()'\",*?@";

    private final String text;
    private int position;

    private JsonPathParser(String text)
    {
        this.text = text;
    }

    static JsonPath parse(String text)
    {
        return new JsonPathParser(text).parse();
    }

    private JsonPath parse()
    {
        if (!text.startsWith("$")) {
            throw new InvalidPathException(text, "a path must start with '$' or '$$'");
        }
        JsonPath.Root root = JsonPath.Root.INPUT;
        position = 1;
        if (text.startsWith("$$")) {
            root = JsonPath.Root.CONTEXT;
            position = 2;
        }
        List<PathSegment> segments = new ArrayList<>();
        while (position < text.length()) {
            char current = text.charAt(position);
            if (current == '.') {
                position++;
                segments.add(parseAfterDot());
            }
            else if (current == '[') {
                segments.add(parseBracket());
            }
            else {
                throw invalid("unexpected character '" + current + "' at position " + position);
            }
        }
        return new JsonPath(text, root, segments);
    }

    private PathSegment parseAfterDot()
    {
        if (position >= text.length()) {
            throw invalid("a path must not end with '.'");
        }
        char current = text.charAt(position);
        if (current == '.') {
            throw new UnsupportedPathException(text, "a deep scan '..'");
        }
        if (current == '*') {
            throw new UnsupportedPathException(text, "a wildcard '*'");
        }
        if (current == '[') {
            return parseBracket();
        }
        int start = position;
        while (position < text.length()) {
            char character = text.charAt(position);
            if (character == '.' || character == '[') {
                break;
            }
            if (FORBIDDEN_IN_MEMBER_NAMES.indexOf(character) >= 0 || Character.isWhitespace(character)) {
                throw invalid("character '" + character + "' at position " + position + " is not allowed in a member name; use the bracket notation ['...']");
            }
            position++;
        }
        return new PathSegment.Field(text.substring(start, position));
    }

    private PathSegment parseBracket()
    {
        int open = position;
        position++;
        if (position >= text.length()) {
            throw invalid("unclosed '[' at position " + open);
        }
        char current = text.charAt(position);
        if (current == '\'' || current == '"') {
            String name = parseQuotedName(current);
            expectClosingBracket(open);
            return new PathSegment.Field(name);
        }
        int close = text.indexOf(']', position);
        if (close < 0) {
            throw invalid("unclosed '[' at position " + open);
        }
        String content = text.substring(position, close).strip();
        position = close + 1;
        if (content.equals("*")) {
            throw new UnsupportedPathException(text, "a wildcard '[*]'");
        }
        if (content.startsWith("?")) {
            throw new UnsupportedPathException(text, "a filter expression '[" + content + "]'");
        }
        if (content.startsWith("(")) {
            throw new UnsupportedPathException(text, "a script expression '[" + content + "]'");
        }
        if (content.contains(",")) {
            throw new UnsupportedPathException(text, "a union '[" + content + "]'");
        }
        if (content.contains(":")) {
            throw new UnsupportedPathException(text, "a slice '[" + content + "]'");
        }
        return new PathSegment.Index(parseInteger(content));
    }

    private int parseInteger(String value)
    {
        if (!value.matches("-?[0-9]+")) {
            throw invalid("'[" + value + "]' is neither a quoted member name nor an index");
        }
        try {
            return Integer.parseInt(value);
        }
        catch (NumberFormatException e) {
            throw invalid("index " + value + " is out of range");
        }
    }

    private String parseQuotedName(char quote)
    {
        int start = position;
        position++;
        StringBuilder name = new StringBuilder();
        while (position < text.length()) {
            char character = text.charAt(position);
            if (character == '\\') {
                if (position + 1 >= text.length()) {
                    break;
                }
                char escaped = text.charAt(position + 1);
                if (escaped != '\'' && escaped != '"' && escaped != '\\') {
                    throw invalid("unknown escape '\\" + escaped + "' at position " + position);
                }
                name.append(escaped);
                position += 2;
            }
            else if (character == quote) {
                position++;
                return name.toString();
            }
            else {
                name.append(character);
                position++;
            }
        }
        throw invalid("unclosed quote at position " + start);
    }

    private void expectClosingBracket(int open)
    {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        if (position >= text.length()) {
            throw invalid("unclosed '[' at position " + open);
        }
        char current = text.charAt(position);
        if (current == ',') {
            throw new UnsupportedPathException(text, "a union of member names");
        }
        if (current != ']') {
            throw invalid("expected ']' at position " + position + " but found '" + current + "'");
        }
        position++;
    }

    private InvalidPathException invalid(String problem)
    {
        return new InvalidPathException(text, problem);
    }
}
