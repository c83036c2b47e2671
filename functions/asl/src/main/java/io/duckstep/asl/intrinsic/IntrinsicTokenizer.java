package io.duckstep.asl.intrinsic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an intrinsic function invocation into tokens. String literals are single-quoted; inside
 * them a backslash escapes {@code '}, <code>{</code>, <code>}</code> and {@code \}, and any other
 * backslash is an error. Paths run until a top-level comma, closing parenthesis or white space;
 * commas and parentheses inside {@code [...]} belong to the path.
 */
final class IntrinsicTokenizer
{
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final String text;
    private int position;

    private IntrinsicTokenizer(String text)
    {
        this.text = text;
    }

    static List<IntrinsicToken> tokenize(String text)
    {
        return new IntrinsicTokenizer(text).tokenize();
    }

    private List<IntrinsicToken> tokenize()
    {
        List<IntrinsicToken> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (position >= text.length()) {
                tokens.add(new IntrinsicToken(IntrinsicToken.Type.END, "", position));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private IntrinsicToken next()
    {
        int start = position;
        char current = text.charAt(position);
        switch (current) {
            case '(':
                position++;
                return new IntrinsicToken(IntrinsicToken.Type.OPEN_PARENTHESIS, "(", start);
            case ')':
                position++;
                return new IntrinsicToken(IntrinsicToken.Type.CLOSE_PARENTHESIS, ")", start);
            case ',':
                position++;
                return new IntrinsicToken(IntrinsicToken.Type.COMMA, ",", start);
            case '\'':
                return string();
            case '$':
                return path();
            default:
                break;
        }
        if (current == '-' || Character.isDigit(current)) {
            Matcher matcher = NUMBER.matcher(text).region(position, text.length());
            if (!matcher.lookingAt()) {
                throw invalid("malformed number at position " + start);
            }
            position = matcher.end();
            return new IntrinsicToken(IntrinsicToken.Type.NUMBER, matcher.group(), start);
        }
        if (Character.isLetter(current)) {
            while (position < text.length() && isIdentifierPart(text.charAt(position))) {
                position++;
            }
            return new IntrinsicToken(IntrinsicToken.Type.IDENTIFIER, text.substring(start, position), start);
        }
        throw invalid("unexpected character '" + current + "' at position " + start);
    }

    private IntrinsicToken string()
    {
        int start = position;
        position++;
        int contentStart = position;
        while (position < text.length()) {
            char character = text.charAt(position);
            if (character == '\\') {
                if (position + 1 >= text.length() || "'{}\\".indexOf(text.charAt(position + 1)) < 0) {
                    throw invalid("open escape '\\' at position " + position + "; only \\', \\{, \\} and \\\\ are escapes");
                }
                position += 2;
            }
            else if (character == '\'') {
                String content = text.substring(contentStart, position);
                position++;
                return new IntrinsicToken(IntrinsicToken.Type.STRING, content, start);
            }
            else {
                position++;
            }
        }
        throw invalid("unterminated string starting at position " + start);
    }

    private IntrinsicToken path()
    {
        int start = position;
        boolean insideBracket = false;
        char quote = 0;
        while (position < text.length()) {
            char character = text.charAt(position);
            if (quote != 0) {
                if (character == '\\') {
                    position++;
                }
                else if (character == quote) {
                    quote = 0;
                }
            }
            else if (insideBracket) {
                if (character == '\'' || character == '"') {
                    quote = character;
                }
                else if (character == ']') {
                    insideBracket = false;
                }
            }
            else if (character == '[') {
                insideBracket = true;
            }
            else if (character == ',' || character == ')' || character == '(' || Character.isWhitespace(character)) {
                break;
            }
            position++;
        }
        if (insideBracket || quote != 0) {
            throw invalid("unterminated path starting at position " + start);
        }
        return new IntrinsicToken(IntrinsicToken.Type.PATH, text.substring(start, position), start);
    }

    private void skipWhitespace()
    {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private static boolean isIdentifierPart(char character)
    {
        return Character.isLetterOrDigit(character) || character == '.' || character == '_';
    }

    private InvalidIntrinsicException invalid(String problem)
    {
        return new InvalidIntrinsicException(text, problem);
    }
}
