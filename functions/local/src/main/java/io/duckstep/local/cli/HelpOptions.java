package io.duckstep.local.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} and {@code -V/--version}, as picocli's {@code mixinStandardHelpOptions} declares them, inherited by
 * every command instead of mixed in: a mixin is a command model of its own, built by reflection on every start.
 */
abstract class HelpOptions
{
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean helpRequested;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean versionRequested;
}
