package dev.drover.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link TestDatabase} test parameter resolved by {@link DatabaseExtension}: an isolated,
 * randomly named database of the given kind, shared by the test class and dropped after it.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Database {
    DatabaseKind value();
}
