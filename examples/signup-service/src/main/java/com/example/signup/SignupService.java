package com.example.signup;

import dev.drover.api.Drover;
import dev.drover.api.FleetReport;
import dev.drover.api.Onboarding;
import jakarta.inject.Singleton;

/** Signs a customer up: their tenant schema is created and brought to head before the first request. */
@Singleton
public class SignupService {

    private final Drover drover;
    private final TenantDirectory directory;

    public SignupService(Drover drover, TenantDirectory directory) {
        this.drover = drover;
        this.directory = directory;
    }

    /**
     * Onboards {@code tenant}: all or nothing, so a failed sign-up leaves no half-made schema behind.
     *
     * @throws IllegalStateException when the migration failed (its report says where)
     * @throws dev.drover.api.DroverException for a name Drover refuses (e.g. one that is not an identifier)
     */
    public Onboarding signUp(String tenant) {
        Onboarding onboarding = drover.onboard("app", tenant);
        if (!onboarding.succeeded()) {
            throw new IllegalStateException("sign-up of '" + tenant + "' failed and was undone: "
                    + onboarding.report().toJson());
        }
        directory.add(tenant);
        return onboarding;
    }

    /** Brings every signed-up tenant to head, e.g. at deployment. */
    public FleetReport upgradeAll() {
        return drover.upgrade("head");
    }
}
