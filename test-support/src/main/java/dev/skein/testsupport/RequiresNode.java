package dev.skein.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that drives Skein's code against the official npm packages with Node 22
 * ({@link NodeInterop}); tagged {@code node} so CI can check that the group ran.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("node")
public @interface RequiresNode {}
