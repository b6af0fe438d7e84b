package dev.leverans.http;

import java.io.IOException;
import java.io.InputStream;

/** openapi.yaml as shipped on the classpath: served at /openapi.yaml and read for the request shapes. */
public final class OpenApi {
    private OpenApi() {}

    public static byte[] bytes() {
        try (InputStream in = OpenApi.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) throw new IllegalStateException("openapi.yaml is missing from the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi.yaml", e);
        }
    }
}
