package io.duckstep.llm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.deser.impl.PropertyValueBuffer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.openai.core.JsonField;
import com.openai.core.JsonMissing;
import com.openai.core.ObjectMappers;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The JSON mapping openai-java's requests and completions go through, without Kotlin reflection.
 *
 * <p>The SDK's own mapper ({@link ObjectMappers#jsonMapper()}) registers jackson-module-kotlin, which reads every
 * model class's Kotlin metadata through kotlin-reflect the first time the class is written or read: about a second of
 * processor time on a cold JVM, the largest part of an {@code ask} from the command line and of a cold model Lambda.
 * The models need none of it: every creator is annotated, and every parameter is named by {@code @JsonProperty}.
 * The one thing the Kotlin module supplies is a creator parameter's default when the JSON leaves the field out, which
 * for these models is always {@link JsonMissing} (the SDK's "not set", as opposed to an explicit JSON null). This
 * mapper gives that default itself, and otherwise has the SDK mapper's settings: the same modules but Kotlin's, the
 * same inclusion, the same disabled features and the same refused coercions. It leaves out the SDK's serializer for
 * file uploads ({@code InputStream}) and its lenient {@code LocalDateTime} reading: the SDK keeps both package-private,
 * and chat completions, the only endpoint DuckStep calls, carry neither.
 *
 * <p>{@code OpenAiJsonTest} checks that both mappers write the same request bodies and read the same completions and
 * errors, so an SDK upgrade that changes its mapping shows there.
 */
public final class OpenAiJson
{
    /** Which input shapes the SDK's mapper refuses for each logical type (its {@code withCoercionConfig} calls). */
    private static final Map<LogicalType, Set<CoercionInputShape>> REFUSED_COERCIONS = Map.of(
            LogicalType.Boolean, EnumSet.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.Array, CoercionInputShape.Object),
            LogicalType.Integer, EnumSet.of(CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.Array, CoercionInputShape.Object),
            LogicalType.Float, EnumSet.of(CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.Array, CoercionInputShape.Object),
            LogicalType.Textual, EnumSet.of(CoercionInputShape.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Array, CoercionInputShape.Object),
            LogicalType.Array, EnumSet.of(CoercionInputShape.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.Object),
            LogicalType.Collection, EnumSet.of(CoercionInputShape.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.Object),
            LogicalType.Map, EnumSet.of(CoercionInputShape.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.Object),
            LogicalType.POJO, EnumSet.of(CoercionInputShape.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.Array));

    private static final JsonMapper MAPPER = build();

    private OpenAiJson() {}

    /** The mapper to give the client ({@code ClientOptions.Builder.jsonMapper}); shared, thread-safe. */
    public static JsonMapper mapper()
    {
        return MAPPER;
    }

    private static JsonMapper build()
    {
        SimpleModule absentFieldsAreMissing = new SimpleModule("absent-fields-are-missing")
        {
            @Override
            public void setupModule(SetupContext context)
            {
                super.setupModule(context);
                context.addValueInstantiators(new AbsentFieldsAreMissing());
            }
        };
        JsonMapper.Builder builder = JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(absentFieldsAreMissing)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE, SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS, MapperFeature.AUTO_DETECT_CREATORS, MapperFeature.AUTO_DETECT_FIELDS,
                        MapperFeature.AUTO_DETECT_GETTERS, MapperFeature.AUTO_DETECT_IS_GETTERS, MapperFeature.AUTO_DETECT_SETTERS);
        for (Map.Entry<LogicalType, Set<CoercionInputShape>> refused : REFUSED_COERCIONS.entrySet()) {
            builder.withCoercionConfig(refused.getKey(), config -> refused.getValue().forEach(shape -> config.setCoercion(shape, CoercionAction.Fail)));
        }
        return builder.build();
    }

    /** Gives a creator parameter of a {@link JsonField} type that the JSON leaves out {@link JsonMissing}, the Kotlin default. */
    private static final class AbsentFieldsAreMissing
            extends ValueInstantiators.Base
    {
        @Override
        public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription description, ValueInstantiator defaultInstantiator)
        {
            return new ValueInstantiator.Delegating(defaultInstantiator)
            {
                @Override
                public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties, PropertyValueBuffer buffer)
                        throws IOException
                {
                    Object[] arguments = buffer.getParameters(properties);
                    for (int index = 0; index < properties.length; index++) {
                        SettableBeanProperty property = properties[index];
                        if (property != null && !buffer.hasParameter(property) && isJsonField(property.getType().getRawClass())) {
                            arguments[index] = JsonMissing.of();
                        }
                    }
                    return delegate().createFromObjectWith(context, arguments);
                }
            };
        }

        /** {@code JsonField}, {@code JsonValue} or {@code JsonMissing} itself: the types a {@link JsonMissing} is a value of. */
        private static boolean isJsonField(Class<?> type)
        {
            return JsonField.class.isAssignableFrom(type) && type.isAssignableFrom(JsonMissing.class);
        }
    }
}
