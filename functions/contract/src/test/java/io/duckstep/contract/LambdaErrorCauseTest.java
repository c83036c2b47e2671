package io.duckstep.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaErrorCauseTest
{
    @Test
    void parse_lambdaCause_givesMessageAndType()
    {
        assertThat(LambdaErrorCause.parse("{\"errorMessage\":\"Binder Error: no column x\",\"errorType\":\"io.duckstep.core.error.QueryFailedException\"}"))
                .contains(new LambdaErrorCause("Binder Error: no column x", "io.duckstep.core.error.QueryFailedException"));
        assertThat(LambdaErrorCause.parse("{\"errorMessage\":\"m\"}")).contains(new LambdaErrorCause("m", null));
    }

    @Test
    void message_notALambdaCause_isTheCauseAsItIs()
    {
        assertThat(LambdaErrorCause.message("plain text")).isEqualTo("plain text");
        assertThat(LambdaErrorCause.message("{\"other\":1}")).isEqualTo("{\"other\":1}");
        assertThat(LambdaErrorCause.message("{\"errorMessage\":5}")).isEqualTo("{\"errorMessage\":5}");
        assertThat(LambdaErrorCause.message("[1]")).isEqualTo("[1]");
        assertThat(LambdaErrorCause.message("{broken")).isEqualTo("{broken");
        assertThat(LambdaErrorCause.message(null)).isNull();
        assertThat(LambdaErrorCause.message("{\"errorMessage\":\"m\"}")).isEqualTo("m");
    }
}
