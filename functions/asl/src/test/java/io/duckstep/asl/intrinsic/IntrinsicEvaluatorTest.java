package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Expected values come from the AWS Step Functions documentation's examples, or were computed
 * independently (sha1sum, base64) where noted.
 */
class IntrinsicEvaluatorTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode CONTEXT = json("{\"Execution\": {\"Name\": \"run-1\"}}");

    @Test
    void format_literalTemplate_fillsPlaceholdersInOrder()
    {
        assertThat(evaluate("States.Format('Hello, my name is {}.', $.name)", "{\"name\": \"Arnav\"}"))
                .isEqualTo(json("\"Hello, my name is Arnav.\""));
    }

    @Test
    void format_templateFromPath_fillsPlaceholders()
    {
        assertThat(evaluate("States.Format($.template, $.name)", "{\"name\": \"Arnav\", \"template\": \"Hello, my name is {}.\"}"))
                .isEqualTo(json("\"Hello, my name is Arnav.\""));
    }

    @Test
    void format_nonStringValues_areInsertedAsJsonText()
    {
        assertThat(evaluate("States.Format('{}|{}|{}|{}', 42, true, null, $.o)", "{\"o\": {\"a\": [1]}}"))
                .isEqualTo(json("\"42|true|null|{\\\"a\\\":[1]}\""));
    }

    @Test
    void format_escapedBraces_areLiteral()
    {
        assertThat(evaluate("States.Format('\\{{}\\}', $$.Execution.Name)", "{}")).isEqualTo(json("\"{run-1}\""));
    }

    @Test
    void stringToJson_escapedJsonString_isParsed()
    {
        assertThat(evaluate("States.StringToJson($.escapedJsonString)", "{\"escapedJsonString\": \"{\\\"foo\\\": \\\"bar\\\"}\"}"))
                .isEqualTo(json("{\"foo\": \"bar\"}"));
    }

    @Test
    void stringToJson_invalidJson_fails()
    {
        assertThatThrownBy(() -> evaluate("States.StringToJson($.s)", "{\"s\": \"{not json\"}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessageStartingWith("States.StringToJson: the argument is not valid JSON text");
    }

    @Test
    void jsonToString_object_isCompactJsonText()
    {
        assertThat(evaluate("States.JsonToString($.unescapedJson)", "{\"unescapedJson\": {\"foo\": \"bar\"}}"))
                .isEqualTo(json("\"{\\\"foo\\\":\\\"bar\\\"}\""));
    }

    @Test
    void array_values_inOrder()
    {
        assertThat(evaluate("States.Array($.Id)", "{\"Id\": 123456}")).isEqualTo(json("[123456]"));
        assertThat(evaluate("States.Array()", "{}")).isEqualTo(json("[]"));
        assertThat(evaluate("States.Array('a', 1, States.Array(2))", "{}")).isEqualTo(json("[\"a\", 1, [2]]"));
    }

    @Test
    void arrayPartition_chunksOfFour_lastIsShorter()
    {
        assertThat(evaluate("States.ArrayPartition($.inputArray, 4)", "{\"inputArray\": [1,2,3,4,5,6,7,8,9]}"))
                .isEqualTo(json("[[1,2,3,4],[5,6,7,8],[9]]"));
    }

    @Test
    void arrayPartition_zeroChunkSize_fails()
    {
        assertThatThrownBy(() -> evaluate("States.ArrayPartition($.a, 0)", "{\"a\": [1]}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessageContaining("positive integer");
    }

    @Test
    void arrayContains_presentAndAbsentValues()
    {
        String input = "{\"inputArray\": [1,2,3,4,5,6,7,8,9], \"lookingFor\": 5, \"missing\": 10}";
        assertThat(evaluate("States.ArrayContains($.inputArray, $.lookingFor)", input)).isEqualTo(json("true"));
        assertThat(evaluate("States.ArrayContains($.inputArray, $.missing)", input)).isEqualTo(json("false"));
        assertThat(evaluate("States.ArrayContains($.objects, $.wanted)", "{\"objects\": [{\"a\": 1}], \"wanted\": {\"a\": 1.0}}")).isEqualTo(json("true"));
    }

    @Test
    void arrayRange_oneToNineByTwo()
    {
        assertThat(evaluate("States.ArrayRange(1, 9, 2)", "{}")).isEqualTo(json("[1,3,5,7,9]"));
        assertThat(evaluate("States.ArrayRange(5, 0, -2)", "{}")).isEqualTo(json("[5,3,1]"));
    }

    @Test
    void arrayRange_tooManyElementsOrZeroStep_fails()
    {
        assertThatThrownBy(() -> evaluate("States.ArrayRange(1, 1001, 1)", "{}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessageContaining("1001 elements");
        assertThatThrownBy(() -> evaluate("States.ArrayRange(1, 3, 0)", "{}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessageContaining("step");
    }

    @Test
    void arrayGetItem_indexFive_isSixthValue()
    {
        assertThat(evaluate("States.ArrayGetItem($.inputArray, $.index)", "{\"inputArray\": [1,2,3,4,5,6,7,8,9], \"index\": 5}"))
                .isEqualTo(json("6"));
    }

    @Test
    void arrayGetItem_indexOutOfBounds_fails()
    {
        assertThatThrownBy(() -> evaluate("States.ArrayGetItem($.a, 3)", "{\"a\": [1, 2, 3]}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessageContaining("out of bounds");
    }

    @Test
    void arrayLength_nineElements()
    {
        assertThat(evaluate("States.ArrayLength($.inputArray)", "{\"inputArray\": [1,2,3,4,5,6,7,8,9]}")).isEqualTo(json("9"));
    }

    @Test
    void arrayUnique_removesDuplicatesKeepingFirstOccurrences()
    {
        assertThat(evaluate("States.ArrayUnique($.inputArray)", "{\"inputArray\": [1,2,3,3,3,3,3,3,4]}")).isEqualTo(json("[1,2,3,4]"));
        assertThat(evaluate("States.ArrayUnique($.a)", "{\"a\": [\"b\", \"a\", \"b\", {\"x\": 1}, {\"x\": 1}]}")).isEqualTo(json("[\"b\", \"a\", {\"x\": 1}]"));
    }

    @Test
    void base64Encode_documentExample()
    {
        assertThat(evaluate("States.Base64Encode($.input)", "{\"input\": \"Data to encode\"}")).isEqualTo(json("\"RGF0YSB0byBlbmNvZGU=\""));
    }

    @Test
    void base64EncodeAndDecode_utf8Text_roundTrips()
    {
        // "aMOpbGxv" is `printf 'héllo' | base64`
        assertThat(evaluate("States.Base64Encode('héllo')", "{}")).isEqualTo(json("\"aMOpbGxv\""));
        assertThat(evaluate("States.Base64Decode('aMOpbGxv')", "{}")).isEqualTo(json("\"héllo\""));
    }

    @Test
    void base64Decode_invalidInput_fails()
    {
        assertThatThrownBy(() -> evaluate("States.Base64Decode('***')", "{}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessageContaining("not valid Base64");
    }

    @Test
    void hash_algorithms_matchIndependentDigests()
    {
        // computed with: printf 'input data' | sha1sum / md5sum / sha256sum
        String input = "{\"Data\": \"input data\", \"Algorithm\": \"SHA-1\"}";
        assertThat(evaluate("States.Hash($.Data, $.Algorithm)", input)).isEqualTo(json("\"aaff4a450a104cd177d28d18d74485e8cae074b7\""));
        assertThat(evaluate("States.Hash($.Data, 'MD5')", input)).isEqualTo(json("\"812f45842bc6d66ee14572ce20db8e86\""));
        assertThat(evaluate("States.Hash($.Data, 'SHA-256')", input)).isEqualTo(json("\"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3\""));
    }

    @Test
    void hash_unknownAlgorithm_fails()
    {
        assertThatThrownBy(() -> evaluate("States.Hash('x', 'SHA-3')", "{}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessageContaining("unknown algorithm 'SHA-3'");
    }

    @Test
    void jsonMerge_shallow_secondObjectWins()
    {
        assertThat(evaluate("States.JsonMerge($.json1, $.json2, false)",
                "{\"json1\": {\"a\": {\"a1\": 1, \"a2\": 2}, \"b\": 2}, \"json2\": {\"a\": {\"a3\": 1, \"a4\": 2}, \"c\": 3}}"))
                .isEqualTo(json("{\"a\": {\"a3\": 1, \"a4\": 2}, \"b\": 2, \"c\": 3}"));
    }

    @Test
    void mathRandom_staysWithinStartInclusiveEndExclusive()
    {
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            JsonNode value = evaluate("States.MathRandom(1, 4)", "{}");
            assertThat(value.isIntegralNumber()).isTrue();
            assertThat(value.longValue()).isBetween(1L, 3L);
            seen.add(value);
        }
        assertThat(seen).containsExactlyInAnyOrder(json("1"), json("2"), json("3"));
    }

    @Test
    void mathRandom_sameSeed_sameNumber()
    {
        JsonNode first = new IntrinsicEvaluator(new Random(1)).evaluate(IntrinsicParser.parse("States.MathRandom(1, 1000000, 42)"), json("{}"), CONTEXT);
        JsonNode second = new IntrinsicEvaluator(new Random(2)).evaluate(IntrinsicParser.parse("States.MathRandom(1, 1000000, 42)"), json("{}"), CONTEXT);
        assertThat(first).isEqualTo(second);
    }

    @Test
    void mathAdd_subtractsOneFrom111()
    {
        assertThat(evaluate("States.MathAdd($.value1, $.step)", "{\"value1\": 111, \"step\": -1}")).isEqualTo(json("110"));
    }

    @Test
    void mathAdd_outOfIntegerRange_fails()
    {
        assertThatThrownBy(() -> evaluate("States.MathAdd(2147483648, 1)", "{}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessageContaining("between -2147483648 and 2147483647");
    }

    @Test
    void stringSplit_singleDelimiter()
    {
        assertThat(evaluate("States.StringSplit($.inputString, $.splitter)", "{\"inputString\": \"1,2,3,4,5\", \"splitter\": \",\"}"))
                .isEqualTo(json("[\"1\",\"2\",\"3\",\"4\",\"5\"]"));
    }

    @Test
    void stringSplit_severalDelimiterCharacters()
    {
        assertThat(evaluate("States.StringSplit($.inputString, $.splitter)", "{\"inputString\": \"This.is+a,test=string\", \"splitter\": \".+,=\"}"))
                .isEqualTo(json("[\"This\",\"is\",\"a\",\"test\",\"string\"]"));
    }

    @Test
    void uuid_isVersionFourUuid()
    {
        JsonNode uuid = evaluate("States.UUID()", "{}");
        assertThat(uuid.textValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(evaluate("States.UUID()", "{}")).isNotEqualTo(uuid);
    }

    @Test
    void nested_nineFunctionsFromTheDocumentation_extractVersion()
    {
        String expression = "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), "
                + "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1), '9')";
        assertThat(evaluate(expression, "{\"ImageRecipe\": {\"Arn\": \"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/recipe/1.2/3\"}}"))
                .isEqualTo(json("\"1.2.9\""));
    }

    @Test
    void pathArgumentMatchingNothing_fails()
    {
        assertThatThrownBy(() -> evaluate("States.ArrayLength($.missing)", "{}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessageContaining("'$.missing' could not be found");
    }

    @Test
    void wrongArgumentType_fails()
    {
        assertThatThrownBy(() -> evaluate("States.ArrayLength($.a)", "{\"a\": \"text\"}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessage("States.ArrayLength: argument 1 must be an array but is string");
    }

    private static JsonNode evaluate(String expression, String input)
    {
        return new IntrinsicEvaluator(new Random()).evaluate(IntrinsicParser.parse(expression), json(input), CONTEXT);
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
