package io.duckstep.asl.intrinsic;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The first argument of {@code States.Format}: literal text with <code>{}</code> placeholders.
 * A backslash escapes {@code '}, <code>{</code>, <code>}</code> and {@code \}.
 *
 * @param parts the literal pieces; a placeholder sits between each two consecutive pieces
 */
record FormatTemplate(List<String> parts)
{
    FormatTemplate
    {
        parts = List.copyOf(requireNonNull(parts, "parts is null"));
    }

    static FormatTemplate parse(String escapedText)
    {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int position = 0;
        while (position < escapedText.length()) {
            char character = escapedText.charAt(position);
            if (character == '\\' && position + 1 < escapedText.length()) {
                current.append(escapedText.charAt(position + 1));
                position += 2;
            }
            else if (character == '{' && position + 1 < escapedText.length() && escapedText.charAt(position + 1) == '}') {
                parts.add(current.toString());
                current.setLength(0);
                position += 2;
            }
            else {
                current.append(character);
                position++;
            }
        }
        parts.add(current.toString());
        return new FormatTemplate(parts);
    }

    /** Resolves the escapes of a string literal, as every function except {@code States.Format}'s template sees it. */
    static String unescape(String escapedText)
    {
        StringBuilder value = new StringBuilder(escapedText.length());
        int position = 0;
        while (position < escapedText.length()) {
            char character = escapedText.charAt(position);
            if (character == '\\' && position + 1 < escapedText.length()) {
                value.append(escapedText.charAt(position + 1));
                position += 2;
            }
            else {
                value.append(character);
                position++;
            }
        }
        return value.toString();
    }

    int placeholderCount()
    {
        return parts.size() - 1;
    }

    String fill(List<String> values)
    {
        if (values.size() != placeholderCount()) {
            throw new IllegalArgumentException("the template has " + placeholderCount() + " {} placeholders but " + values.size() + " values were given");
        }
        StringBuilder result = new StringBuilder(parts.get(0));
        for (int i = 0; i < values.size(); i++) {
            result.append(values.get(i)).append(parts.get(i + 1));
        }
        return result.toString();
    }
}
