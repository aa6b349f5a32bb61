package dev.drover.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What a {@link JavaMigration} declares about itself. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JavaRevision {

    /**
     * The version of what the class does, part of its checksum ({@code v1:java:<class>:<version>}). Raise it when
     * the behaviour changes, so targets that ran the older one show as changed.
     */
    int version() default 1;
}
