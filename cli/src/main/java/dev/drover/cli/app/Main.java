package dev.drover.cli.app;

import dev.drover.cli.CliEnvironment;
/** Entry point of the runnable jar: runs one command and exits with its exit code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(DroverCli.run(args, CliEnvironment.system()));
    }
}
