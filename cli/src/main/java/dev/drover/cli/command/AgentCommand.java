package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code drover agent}: a long-running cluster node that runs the targets of its zones it is given. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Join the [cluster] of drover.ini and run the targets a coordinator ('--cluster') hands to"
            + " this node, with the credentials of this node's drover.ini. Runs until stopped (SIGTERM, Ctrl-C)."})
public final class AgentCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Option(names = "--port", paramLabel = "N", description = "This node's Hazelcast port. Default: [cluster] port (5701).")
    Integer port;

    @Option(names = "--zones", paramLabel = "Z", split = ",", description = "The zones this agent serves."
            + " Default: [cluster] zones (every zone).")
    List<String> zones;

    @Option(names = "--node-name", paramLabel = "NAME", description = "The name reports show for this node."
            + " Default: HOST:PORT.")
    String nodeName;

    @Override
    public Integer call() throws InterruptedException {
        return dev.drover.cli.cluster.AgentRun.run(drover, port, zones, nodeName);
    }
}
