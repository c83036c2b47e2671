package io.duckstep.core.report;

/**
 * Escaping for text placed into the page.
 */
final class Html
{
    private Html() {}

    /** Text content or an attribute value: {@code & < > " '} escaped. */
    static String escape(String text)
    {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(character);
            }
        }
        return escaped.toString();
    }

    /**
     * JSON placed inside {@code <script type="application/json">}: {@code <}, {@code >} and {@code &} become
     * JSON unicode escapes, so no value (a description holding {@code </script>}, say) can end the element.
     * The JSON means the same after escaping.
     */
    static String scriptJson(String json)
    {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
