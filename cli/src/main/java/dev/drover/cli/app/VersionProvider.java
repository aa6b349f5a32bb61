package dev.drover.cli.app;

import picocli.CommandLine.IVersionProvider;

/** {@code drover --version}: the jar's implementation version, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"drover " + (version == null ? "development build" : version)};
    }
}
