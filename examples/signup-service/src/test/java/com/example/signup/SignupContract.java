package com.example.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.api.DroverException;
import dev.drover.api.Onboarding;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example service against one database: sign-up onboards a tenant and runs the Java data migration. */
abstract class SignupContract {

    private ApplicationContext context;

    abstract String url();

    @BeforeEach
    void start() {
        context = ApplicationContext.run(Map.of("signup.jdbc-url", url()));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void signUpCreatesTheTenantsSchemaAtHeadWithItsWelcomeCredits() throws SQLException {
        SignupService service = context.getBean(SignupService.class);

        Onboarding acme = service.signUp("acme");

        assertThat(acme.created()).isTrue();
        assertThat(acme.report().targets()).singleElement()
                .satisfies(t -> assertThat(t.to()).containsExactly("2a3b4c5d6e7f"));
        assertThat(credits("acme")).isEqualTo("100 welcome acme");
        assertThat(context.getBean(TenantDirectory.class).tenants()).containsExactly("acme");
    }

    @Test
    void theFleetOfSignedUpTenantsIsUpgradedTogether() {
        SignupService service = context.getBean(SignupService.class);
        service.signUp("globex");
        service.signUp("initech");

        assertThat(service.upgradeAll().summary().unchanged()).isEqualTo(2);
    }

    @Test
    void aHostileNameIsRefusedBeforeAnythingIsCreated() throws SQLException {
        SignupService service = context.getBean(SignupService.class);

        assertThatThrownBy(() -> service.signUp("evil\"; DROP SCHEMA public CASCADE; --"))
                .isInstanceOf(DroverException.class).hasMessageContaining("is rejected");
        assertThat(context.getBean(TenantDirectory.class).tenants()).isEmpty();
        assertThat(schemas()).doesNotContain("evil");
    }

    private String credits(String tenant) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT amount, note FROM \"" + tenant + "\".credits")) {
            rs.next();
            return rs.getInt(1) + " " + rs.getString(2);
        }
    }

    private String schemas() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA")) {
            while (rs.next()) {
                all.append(rs.getString(1)).append(' ');
            }
        }
        return all.toString();
    }
}
