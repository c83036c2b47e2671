package io.duckstep.asl.path;

import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * One step of a {@link JsonPath}: a field name, an array index, a wildcard or an array slice.
 */
public sealed interface PathSegment
        permits PathSegment.Field, PathSegment.Index, PathSegment.Wildcard, PathSegment.Slice
{
    /** Whether this step selects at most one node. */
    boolean isDefinite();

    /** Selects an object member by name. */
    record Field(String name)
            implements PathSegment
    {
        public Field
        {
            requireNonNull(name, "name is null");
        }

        @Override
        public boolean isDefinite()
        {
            return true;
        }
    }

    /** Selects an array element; a negative index counts from the end. */
    record Index(int index)
            implements PathSegment
    {
        @Override
        public boolean isDefinite()
        {
            return true;
        }
    }

    /** Selects every member of an object or every element of an array. */
    record Wildcard()
            implements PathSegment
    {
        @Override
        public boolean isDefinite()
        {
            return false;
        }
    }

    /** Selects the elements of an array from {@code start} (inclusive) to {@code end} (exclusive). */
    record Slice(OptionalInt start, OptionalInt end)
            implements PathSegment
    {
        public Slice
        {
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
        }

        @Override
        public boolean isDefinite()
        {
            return false;
        }
    }
}
