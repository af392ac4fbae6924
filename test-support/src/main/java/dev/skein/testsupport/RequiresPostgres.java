package dev.skein.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** Marks a test class that needs PostgreSQL with pgvector; tagged {@code postgres} so CI can check the group ran. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@ExtendWith(PostgresExtension.class)
public @interface RequiresPostgres {}
