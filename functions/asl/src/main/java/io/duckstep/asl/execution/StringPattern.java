package io.duckstep.asl.execution;

import java.util.regex.Pattern;

/**
 * The pattern of a {@code StringMatches} rule: {@code *} matches any run of characters (also none),
 * {@code \*} a literal star and {@code \\} a literal backslash; everything else matches itself.
 */
final class StringPattern
{
    private StringPattern() {}

    static boolean matches(String pattern, String text)
    {
        return toRegularExpression(pattern).matcher(text).matches();
    }

    private static Pattern toRegularExpression(String pattern)
    {
        StringBuilder expression = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int position = 0;
        while (position < pattern.length()) {
            char character = pattern.charAt(position);
            if (character == '\\' && position + 1 < pattern.length()) {
                literal.append(pattern.charAt(position + 1));
                position += 2;
            }
            else if (character == '*') {
                expression.append(Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
                position++;
            }
            else {
                literal.append(character);
                position++;
            }
        }
        expression.append(Pattern.quote(literal.toString()));
        return Pattern.compile(expression.toString(), Pattern.DOTALL);
    }
}
