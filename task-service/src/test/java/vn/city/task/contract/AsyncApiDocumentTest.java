package vn.city.task.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.city.task.conclusion.event.MeetingEventsConsumer;
import vn.city.common.testing.AsyncApiContract;
import vn.city.task.support.Fixtures;
import vn.city.task.task.event.TaskEventPayloads;
import vn.city.task.task.event.TaskEvents;
import vn.city.task.task.event.TaskSnapshot;
import vn.city.task.unit.event.IndicatorEventsConsumer;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document against the code: every event type produced and consumed is declared, and each payload
 * record has every field the document requires. (Events read back from the broker are checked in the flow tests.)
 */
class AsyncApiDocumentTest {

    @Test
    void everyProducedEventIsDeclaredOnTheTaskChannel() throws Exception {
        JsonNode doc = AsyncApiContract.of("task-service").document();
        assertThat(doc.path("asyncapi").asText()).startsWith("3.");
        Set<String> onChannel = new java.util.HashSet<>();
        doc.path("channels").path("taskEvents").path("messages").forEach(m -> onChannel.add(m.path("$ref").asText()));
        for (String name : producedEventNames()) {
            String type = "city.task." + name + ".v1";
            assertThat(AsyncApiContract.of("task-service").messagesByType()).as(type).containsKey(type);
        }
        assertThat(onChannel).hasSize(producedEventNames().size());
    }

    @Test
    void consumedEventsAreDeclared() {
        assertThat(AsyncApiContract.of("task-service").messagesByType()).containsKeys(MeetingEventsConsumer.MEETING_CONCLUDED,
                IndicatorEventsConsumer.UNIT_CHANGED, IndicatorEventsConsumer.INDICATOR_OFF_TRACK);
    }

    @Test
    void payloadRecordsCarryEveryRequiredField() {
        JsonNode schemas = AsyncApiContract.of("task-service").document().path("components").path("schemas");
        for (Class<?> payload : TaskEventPayloads.class.getDeclaredClasses()) {
            JsonNode schema = schemas.path(payload.getSimpleName());
            assertThat(schema.isMissingNode()).as(payload.getSimpleName() + " has a schema").isFalse();
            assertThat(components(payload)).as(payload.getSimpleName()).containsAll(required(schema));
        }
        assertThat(components(TaskSnapshot.class)).containsAll(required(schemas.path("TaskSnapshot")));
        assertThat(components(TaskSnapshot.Source.class)).containsAll(required(schemas.path("TaskSource")));
    }

    @Test
    void theCheckerCatchesAMissingFieldAndOurTestFixturesConform() {
        ObjectNode concluded = Fixtures.concluded(UUID.randomUUID().toString(), 1, List.of(Fixtures.directive(
                UUID.randomUUID().toString(), "Vệ sinh môi trường", "ENV", List.of("C-NONGTHUONG"), null, true,
                "NORMAL", List.of())));
        JsonNode envelope = read(Fixtures.envelope("/city/meeting-service", MeetingEventsConsumer.MEETING_CONCLUDED,
                "m", concluded));
        assertThat(AsyncApiContract.of("task-service").violations(envelope)).isEmpty();
        concluded.remove("directives");
        JsonNode broken = read(Fixtures.envelope("/city/meeting-service", MeetingEventsConsumer.MEETING_CONCLUDED,
                "m", concluded));
        assertThat(AsyncApiContract.of("task-service").violations(broken)).anyMatch(v -> v.contains("directives"));
    }

    private static JsonNode read(String json) {
        try {
            return Fixtures.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> producedEventNames() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field f : TaskEvents.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && Modifier.isPublic(f.getModifiers())) {
                names.add((String) f.get(null));
            }
        }
        return names;
    }

    private static Set<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }

    private static List<String> required(JsonNode schema) {
        List<String> out = new ArrayList<>();
        schema.path("required").forEach(r -> out.add(r.asText()));
        return out;
    }
}
