package io.duckstep.local.cli;

public final class DuckStepCommand
{
    public static void main(String[] arguments)
    {
        System.out.println("placeholder");
    }
}
