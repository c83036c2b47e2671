package io.duckstep.asl.path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPathTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode INPUT = json("""
            {"a": {"b": 1, "c d": "spaced", "list": [10, 20, 30, 40]},
             "items": [{"b": "x"}, {"c": "no b"}, {"b": "y"}],
             "nothing": null}
            """);
    private static final JsonNode CONTEXT = json("""
            {"Execution": {"Name": "run-1"}}
            """);

    @Test
    void read_dollar_selectsWholeInput()
    {
        assertThat(read("$")).contains(INPUT);
    }

    @Test
    void read_dotMembers_selectsNestedValue()
    {
        assertThat(read("$.a.b")).contains(json("1"));
    }

    @Test
    void read_quotedBracketMember_selectsMemberWithSpace()
    {
        assertThat(read("$.a['c d']")).contains(json("\"spaced\""));
        assertThat(read("$['a'][\"c d\"]")).contains(json("\"spaced\""));
        assertThat(read("$.a.['c d']")).contains(json("\"spaced\""));
    }

    @Test
    void read_index_selectsElement()
    {
        assertThat(read("$.a.list[0]")).contains(json("10"));
        assertThat(read("$.a.list[-1]")).contains(json("40"));
    }

    @Test
    void read_missingMember_isEmpty()
    {
        assertThat(read("$.a.missing")).isEmpty();
        assertThat(read("$.a.b.c")).isEmpty();
        assertThat(read("$.a.list[4]")).isEmpty();
    }

    @Test
    void read_memberHoldingNull_isPresentNull()
    {
        assertThat(read("$.nothing")).contains(json("null"));
    }

    @Test
    void read_doubleDollar_readsContextObject()
    {
        assertThat(read("$$.Execution.Name")).contains(json("\"run-1\""));
    }

    @Test
    void parse_hyphenInMemberName_isAccepted()
    {
        assertThat(JsonPath.parse("$.error-info").read(json("{\"error-info\": 3}"), CONTEXT)).contains(json("3"));
    }

    @Test
    void parse_malformedPaths_areInvalid()
    {
        assertThatThrownBy(() -> JsonPath.parse("a.b")).isInstanceOf(InvalidPathException.class).hasMessageContaining("must start with '$'");
        assertThatThrownBy(() -> JsonPath.parse("$.a[")).isInstanceOf(InvalidPathException.class).hasMessageContaining("unclosed '['");
        assertThatThrownBy(() -> JsonPath.parse("$.")).isInstanceOf(InvalidPathException.class);
        assertThatThrownBy(() -> JsonPath.parse("$.a b")).isInstanceOf(InvalidPathException.class).hasMessageContaining("not allowed in a member name");
        assertThatThrownBy(() -> JsonPath.parse("$['a")).isInstanceOf(InvalidPathException.class).hasMessageContaining("unclosed quote");
    }

    @Test
    void parse_filterUnionDeepScanSliceAndWildcard_areUnsupported()
    {
        assertThatThrownBy(() -> JsonPath.parse("$.a[?(@.b == 1)]")).isInstanceOf(UnsupportedPathException.class).hasMessageContaining("filter");
        assertThatThrownBy(() -> JsonPath.parse("$.a[0,1]")).isInstanceOf(UnsupportedPathException.class).hasMessageContaining("union");
        assertThatThrownBy(() -> JsonPath.parse("$..b")).isInstanceOf(UnsupportedPathException.class).hasMessageContaining("deep scan");
        assertThatThrownBy(() -> JsonPath.parse("$.a[1:3]")).isInstanceOf(UnsupportedPathException.class).hasMessageContaining("slice");
        assertThatThrownBy(() -> JsonPath.parse("$.items[*].b")).isInstanceOf(UnsupportedPathException.class).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> JsonPath.parse("$.items[0].*")).isInstanceOf(UnsupportedPathException.class).hasMessageContaining("wildcard");
    }

    @Test
    void isReferencePath_distinguishesSingleNodePaths()
    {
        assertThat(JsonPath.parse("$.a.b[0]").isReferencePath()).isTrue();
        assertThat(JsonPath.parse("$").isReferencePath()).isTrue();
        assertThat(JsonPath.parse("$$.Execution").isReferencePath()).isFalse();
        assertThat(JsonPath.parse("$.a[-1]").isReferencePath()).isFalse();
    }

    @Test
    void write_missingParents_createsObjectsAndLeavesOriginalUntouched()
    {
        JsonNode original = json("{\"keep\": true}");
        JsonNode written = JsonPath.parse("$.x.y.z").write(original, json("5"));
        assertThat(written).isEqualTo(json("{\"keep\": true, \"x\": {\"y\": {\"z\": 5}}}"));
        assertThat(original).isEqualTo(json("{\"keep\": true}"));
    }

    @Test
    void write_existingMember_replacesIt()
    {
        assertThat(JsonPath.parse("$.a").write(json("{\"a\": 1, \"b\": 2}"), json("[3]"))).isEqualTo(json("{\"a\": [3], \"b\": 2}"));
    }

    @Test
    void write_arrayIndex_replacesElement()
    {
        assertThat(JsonPath.parse("$.list[1]").write(json("{\"list\": [1, 2, 3]}"), json("\"two\""))).isEqualTo(json("{\"list\": [1, \"two\", 3]}"));
    }

    @Test
    void write_dollar_replacesDocument()
    {
        assertThat(JsonPath.parse("$").write(json("{\"a\": 1}"), json("7"))).isEqualTo(json("7"));
    }

    @Test
    void write_belowString_fails()
    {
        assertThatThrownBy(() -> JsonPath.parse("$.a.b").write(json("{\"a\": \"text\"}"), json("1")))
                .isInstanceOf(PathWriteException.class)
                .hasMessageContaining("$.a.b");
        assertThatThrownBy(() -> JsonPath.parse("$.a").write(json("\"text\""), json("1")))
                .isInstanceOf(PathWriteException.class);
    }

    private static Optional<JsonNode> read(String path)
    {
        return JsonPath.parse(path).read(INPUT, CONTEXT);
    }

    private static JsonNode json(String text)
    {
        try {
            return MAPPER.readTree(text);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
