package io.duckstep.lambda.trigger;

import io.duckstep.lambda.support.UploadRunNames;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadRunNamesTest
{
    @Test
    void forObject_knownObject_isUploadStemAndTheFirst24HexDigitsOfSha256()
    {
        // printf 'my-bucket\nuploads/december.csv\nv1' | sha256sum
        assertThat(UploadRunNames.forObject("my-bucket", "uploads/december.csv", "v1")).isEqualTo("upload-december-" + "dc602a6b4f8dd5a348f0d1e8");
    }

    @Test
    void forFile_sameNameAndContent_isTheSameNameAndNewContentANewOne()
    {
        String hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        assertThat(UploadRunNames.forFile("a.csv", hash)).isEqualTo(UploadRunNames.forFile("a.csv", hash));
        assertThat(UploadRunNames.forFile("a.csv", hash)).isNotEqualTo(UploadRunNames.forFile("a.csv", "0".repeat(64)));
        assertThat(UploadRunNames.forFile("a.csv", hash)).isNotEqualTo(UploadRunNames.forFile("b.csv", hash));
    }

    @Test
    void accepted_uploadTypes_areAcceptedAndOthersNot()
    {
        assertThat(UploadRunNames.accepted("x.CSV")).isTrue();
        assertThat(UploadRunNames.accepted("x.csv.gz")).isTrue();
        assertThat(UploadRunNames.accepted("x.parquet")).isTrue();
        assertThat(UploadRunNames.accepted("x.xlsx")).isTrue();
        assertThat(UploadRunNames.accepted("notes.txt")).isFalse();
        assertThat(UploadRunNames.accepted("x.gz")).isFalse();
        assertThat(UploadRunNames.accepted("x.csv.part")).isFalse();
    }
}
