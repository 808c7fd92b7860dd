package org.lnconform.wire.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableJsonTest {

    @Test
    void readsTheValuesTheTableUses() throws IOException {
        Object v = TableJson.parse(" {\"a\": [1, -2, 2.5e1, true, false, null], \"s\": \"x\\\"\\u00e9\\n\", \"o\": {}} ");
        assertThat(v).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -2L, 25.0, true, false, null),
                "s", "x\"é\n", "o", Map.of()));
        assertThat(TableJson.parse("[]")).isEqualTo(List.of());
    }

    @Test
    void malformedJsonIsAnIoError() {
        for (String bad : List.of("{", "[1,", "{\"a\" 1}", "\"open", "tru", "[1] x", "{\"a\": -}")) {
            assertThatThrownBy(() -> TableJson.parse(bad)).as(bad).isInstanceOf(IOException.class);
        }
        assertThatThrownBy(() -> FeatureTable.load(new ByteArrayInputStream(
                "{\"features\": [{\"name\": \"x\", \"even_bit\": \"two\"}]}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class);
    }
}
