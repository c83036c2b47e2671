package io.duckstep.core.secrets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTest
{
    @Test
    void redactFrom_textQuotingTheValue_replacesEveryOccurrence()
    {
        Secret secret = new Secret("tok-123");

        assertThat(secret.redactFrom("bad token tok-123 (was: tok-123)")).isEqualTo("bad token [redacted] (was: [redacted])");
    }

    @Test
    void redactFrom_textWithoutTheValue_isUnchanged()
    {
        assertThat(new Secret("tok-123").redactFrom("no such database")).isEqualTo("no such database");
        assertThat(new Secret("tok-123").redactFrom(null)).isNull();
    }

    @Test
    void toString_neverShowsTheValue()
    {
        assertThat(new Secret("tok-123").toString()).isEqualTo("Secret[redacted]");
    }
}
