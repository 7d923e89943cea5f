package deepdash.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request bodies are read as written or refused naming the field, never guessed at. */
class JsonBodiesTest {

    /** A body with the run settings' fields and types (the run API reads the same way, per model). */
    record Body(String model, Integer epochs, Integer batchSize, Double learningRate, Integer trainLimit,
            String device, String dataset, String target, Integer window, String from, String to,
            String splitDate) {
    }

    @Test
    void readsAWellFormedBody() {
        Body config = JsonBodies.read("{\"model\":\"cnn\",\"epochs\":2,\"learningRate\":1,\"trainLimit\":100}",
                Body.class);

        assertThat(config.model()).isEqualTo("cnn");
        assertThat(config.epochs()).isEqualTo(2);
        assertThat(config.learningRate()).as("a whole number is a number").isEqualTo(1.0);
        assertThat(config.trainLimit()).isEqualTo(100);
    }

    @Test
    void refusesAnUnknownFieldNamingItAndTheFieldsThereAre() {
        assertThatThrownBy(() -> JsonBodies.read("{\"epoch\":1,\"trainlimit\":100}", Body.class))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("epoch");
                    assertThat(e.getMessage()).startsWith("epoch: unknown field; did you mean \"epochs\"?")
                            .contains("The fields are model, epochs, batchSize, learningRate, trainLimit, device,"
                                    + " dataset, target, window, from, to, splitDate.");
                });
        assertThatThrownBy(() -> JsonBodies.read("{\"epochs\":1,\"trainlimit\":100}", Body.class))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("trainlimit");
                    assertThat(e.getMessage()).contains("did you mean \"trainLimit\"?");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"epochs\":1.5}                 | epochs       | expected a whole number, got the fractional number 1.5",
        "{\"epochs\":1.0}                 | epochs       | expected a whole number, got the fractional number 1.0",
        "{\"epochs\":\"1\"}               | epochs       | expected a whole number, got a string (\"1\")",
        "{\"epochs\":\"\"}                | epochs       | expected a whole number, got a string (\"\")",
        "{\"epochs\":true}                | epochs       | expected a whole number, got true",
        "{\"epochs\":[1]}                 | epochs       | expected a whole number, got an array",
        "{\"model\":5}                    | model        | expected a string, got the number 5",
        "{\"model\":false}                | model        | expected a string, got false",
        "{\"model\":{\"name\":\"cnn\"}}   | model        | expected a string, got an object",
        "{\"learningRate\":\"0.001\"}     | learningRate | expected a number, got a string (\"0.001\")",
        "{\"trainLimit\":1e3}             | trainLimit   | expected a whole number, got the fractional number 1e3",
        "[1]                              | body         | expected an object, got an array",
    })
    void refusesAWrongTypeNamingTheFieldWhatWasExpectedAndWhatCame(String body, String field, String message) {
        assertThatThrownBy(() -> JsonBodies.read(body, Body.class))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isEqualTo(field + ": " + message);
                });
    }

    @Test
    void refusesAFieldGivenTwiceAndTrailingContent() {
        assertThatThrownBy(() -> JsonBodies.read("{\"epochs\":1,\"epochs\":10}", Body.class))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("epochs");
                    assertThat(e.getMessage()).isEqualTo("epochs: given twice; give each field once");
                });
        assertThatThrownBy(() -> JsonBodies.read("{\"epochs\":1} {\"epochs\":10}", Body.class))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void refusesEmptyAndNullBodies() {
        assertThatThrownBy(() -> JsonBodies.read(" ", Body.class)).hasMessageContaining("empty body");
        assertThatThrownBy(() -> JsonBodies.read("null", Body.class)).hasMessageContaining("got null");
        assertThatThrownBy(() -> JsonBodies.read("{not json", Body.class))
                .hasMessageStartingWith("body: not valid JSON");
    }
}
