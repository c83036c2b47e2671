package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * {@code States.Base64Encode}, {@code States.Base64Decode} and {@code States.Hash}.
 */
final class EncodingIntrinsics
{
    static final int MAXIMUM_INPUT_LENGTH = 10_000;
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private EncodingIntrinsics() {}

    static JsonNode base64Encode(IntrinsicArguments arguments)
    {
        String data = limited(arguments, arguments.string(0));
        return TextNode.valueOf(Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode base64Decode(IntrinsicArguments arguments)
    {
        String encoded = limited(arguments, arguments.string(0));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        }
        catch (IllegalArgumentException e) {
            throw arguments.failure("the argument is not valid Base64: " + e.getMessage());
        }
        try {
            return TextNode.valueOf(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        }
        catch (CharacterCodingException e) {
            throw arguments.failure("the decoded bytes are not UTF-8 text");
        }
    }

    /** Hashes a string's UTF-8 bytes; any other value is hashed as its JSON text. Returns lowercase hex. */
    static JsonNode hash(IntrinsicArguments arguments)
    {
        JsonNode data = arguments.value(0);
        String text = limited(arguments, data.isTextual() ? data.textValue() : data.toString());
        String algorithm = arguments.string(1);
        if (!HASH_ALGORITHMS.contains(algorithm)) {
            throw arguments.failure("unknown algorithm '" + algorithm + "'; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return TextNode.valueOf(HexFormat.of().formatHex(digest));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks the required algorithm " + algorithm, e);
        }
    }

    private static String limited(IntrinsicArguments arguments, String value)
    {
        if (value.length() > MAXIMUM_INPUT_LENGTH) {
            throw arguments.failure("the input has " + value.length() + " characters; at most " + MAXIMUM_INPUT_LENGTH + " are allowed");
        }
        return value;
    }
}
