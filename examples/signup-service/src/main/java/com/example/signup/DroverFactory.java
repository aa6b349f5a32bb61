package com.example.signup;

import dev.drover.api.Drover;
import dev.drover.api.Section;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Wires Drover over the application's own data source; tenants come from the {@link TenantDirectory}. */
@Factory
public class DroverFactory {

    @Singleton
    DataSource dataSource(@Value("${signup.jdbc-url}") String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        return h2;
    }

    @Singleton
    @Bean(preDestroy = "close")
    Drover drover(DataSource dataSource, TenantDirectory directory,
            @Value("${signup.migrations:src/main/resources/db/versions}") String migrations) {
        // README "Using Drover from Java" quotes this block: keep them in step (SignupServiceTest checks it).
        return Drover.configure()
                .section(Section.named("app")
                        .dataSource(dataSource)                  // the application's own pool
                        .tenants(directory::tenants)             // asked again on every run
                        .createSchema(true)                      // onboarding creates the tenant's schema
                        .versionLocations(Path.of(migrations)))
                .placeholder("plan", "trial")
                .load();
    }
}
