package io.duckstep.core.error;

import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A data file that cannot be used as it is: missing, empty, wrong header, a value that does not parse.
 * The message always names the file and, when known, the line and the column.
 */
public final class InvalidInputException
        extends DuckStepException
{
    private final String file;
    private final OptionalLong line;
    private final Optional<String> column;

    public InvalidInputException(String file, String problem)
    {
        this(file, OptionalLong.empty(), Optional.empty(), problem, null);
    }

    public InvalidInputException(String file, OptionalLong line, Optional<String> column, String problem, Throwable cause)
    {
        super(format(file, line, column, problem), cause);
        this.file = requireNonNull(file, "file is null");
        this.line = requireNonNull(line, "line is null");
        this.column = requireNonNull(column, "column is null");
    }

    public String file()
    {
        return file;
    }

    public OptionalLong line()
    {
        return line;
    }

    public Optional<String> column()
    {
        return column;
    }

    private static String format(String file, OptionalLong line, Optional<String> column, String problem)
    {
        StringBuilder message = new StringBuilder(file);
        line.ifPresent(value -> message.append(", line ").append(value));
        column.ifPresent(value -> message.append(", column '").append(value).append("'"));
        return message.append(": ").append(problem).toString();
    }
}
