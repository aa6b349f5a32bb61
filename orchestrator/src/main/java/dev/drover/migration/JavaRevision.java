package dev.drover.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a {@link JavaMigration} declares about itself: its version and, for a class without a companion script,
 * its place in the revision graph. Such a class is found through {@link java.util.ServiceLoader} (list it in
 * {@code META-INF/services/dev.drover.migration.JavaMigration}) and joins the lineage that holds its
 * {@link #downRevision()}s; a base revision (no down revision) needs a companion script naming the class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JavaRevision {

    /**
     * The version of what the class does, part of its checksum ({@code v1:java:<class>:<version>}). Raise it when
     * the behaviour changes, so targets that ran the older one show as changed.
     */
    int version() default 1;

    /** The revision id; empty when a companion script names the class and declares it. */
    String revision() default "";

    /** The parent revisions (several for a merge point). */
    String[] downRevision() default {};

    /** The revision's message. */
    String message() default "";

    /** {@code false} runs it outside a transaction, like {@code -- transactional: false}. */
    boolean transactional() default true;
}
