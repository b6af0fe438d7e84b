package dev.leverans.server;

import dev.leverans.http.OpenApi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** openapi.yaml as a real OpenAPI parser reads it: no errors, and what looks like a description is one. */
class OpenApiDocumentTest {
    private static final SwaggerParseResult PARSED = new OpenAPIParser().readContents(
            new String(OpenApi.bytes(), StandardCharsets.UTF_8), null, options());

    private static ParseOptions options() {
        ParseOptions o = new ParseOptions();
        o.setResolve(true);
        return o;
    }

    @Test
    void theDocumentParsesWithoutAnyMessage() {
        assertEquals(List.of(), PARSED.getMessages() == null ? List.of() : PARSED.getMessages());
        assertNotNull(PARSED.getOpenAPI());
    }

    @Test
    void everyResponseHasATextDescriptionAndNoStrayKeys() {
        OpenAPI api = PARSED.getOpenAPI();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                op.getResponses().forEach((status, response) -> {
                    if (response.get$ref() != null) return;
                    assertNotNull(response.getDescription(), method + " " + path + " " + status + " has no description");
                    Map<String, Object> extensions = response.getExtensions();
                    assertEquals(null, extensions, method + " " + path + " " + status + " has stray keys " + extensions);
                })));
    }
}
