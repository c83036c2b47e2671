package io.duckstep.local.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What a command printed and its exit code.
 */
record CommandResult(int code, String out, String err)
{
    static CommandResult run(String... arguments)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DuckStepCommand.execute(arguments, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandResult(code, out.toString(), err.toString());
    }
}
