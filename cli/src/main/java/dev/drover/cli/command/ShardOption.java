package dev.drover.cli.command;

import picocli.CommandLine.Option;

/** {@code --shard I/N} for the read-only fleet commands ({@code targets}, {@code status}, {@code check}). */
final class ShardOption {

    @Option(names = "--shard", paramLabel = "I/N", description = "Only the I-th of N deterministic partitions of the targets.")
    String shard;
}
