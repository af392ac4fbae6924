package dev.skein.cli.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code Authorization} value of a PDS administrator: HTTP Basic with the user {@code admin}. */
public final class AdminAuth {
    private AdminAuth() {}

    public static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }
}
