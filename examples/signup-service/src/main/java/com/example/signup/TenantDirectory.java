package com.example.signup;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The application's own list of signed-up tenants; Drover asks it for the fleet on every run. */
@Singleton
public class TenantDirectory {

    private final CopyOnWriteArrayList<String> tenants = new CopyOnWriteArrayList<>();

    public List<String> tenants() {
        return List.copyOf(tenants);
    }

    void add(String tenant) {
        tenants.addIfAbsent(tenant);
    }
}
