package io.duckstep.core.report;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPageTest
{
    @Test
    void fill_valuesWithReplacementSyntax_copiedAsWritten()
    {
        String page = ReportPage.fill("<p>{{TITLE}}</p><script>{{DATA}}</script>", Map.of(
                "TITLE", "$1 and \\ and {{DATA}}",
                "DATA", "x.replace(/a/, '$&')"));

        assertThat(page).isEqualTo("<p>$1 and \\ and {{DATA}}</p><script>x.replace(/a/, '$&')</script>");
    }

    @Test
    void fill_placeholderWithoutValue_isRefused()
    {
        assertThatThrownBy(() -> ReportPage.fill("<p>{{TITLE}}</p>", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{{TITLE}}");
    }
}
