package io.duckstep.asl;

/**
 * The naming rules AWS Step Functions applies to state machine and execution names: 1 to 80
 * characters, without white space, brackets, wildcards, control characters or the special
 * characters {@code " # % \ ^ | ~ ` $ & , ; : /}.
 */
final class ExecutionNames
{
    static final int MAXIMUM_LENGTH = 80;
    private static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

    private ExecutionNames() {}

    static void check(String what, String name)
    {
        if (name == null || name.isEmpty() || name.length() > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("The " + what + " must have 1 to " + MAXIMUM_LENGTH + " characters: '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char character = name.charAt(i);
            if (Character.isWhitespace(character) || Character.isISOControl(character) || FORBIDDEN.indexOf(character) >= 0) {
                throw new IllegalArgumentException("The " + what + " '" + name + "' contains the forbidden character '" + character + "'");
            }
        }
    }
}
