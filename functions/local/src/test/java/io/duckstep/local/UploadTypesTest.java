package io.duckstep.local;

import io.duckstep.core.load.TransactionsReader;
import io.duckstep.lambda.support.UploadRunNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload types are written twice, once on each side of a module boundary that cannot be crossed: the reader's
 * (core, with DuckDB) and the trigger's and {@code watch}'s (lambda-support, without). This module sees both, so
 * the two lists cannot drift apart unnoticed: a file the trigger starts a run for is a file the reader reads.
 */
class UploadTypesTest
{
    @Test
    void acceptedSuffixes_triggerAndReader_areTheSameList()
    {
        assertThat(UploadRunNames.ACCEPTED_SUFFIXES).containsExactlyElementsOf(TransactionsReader.FILE_TYPES);
    }
}
