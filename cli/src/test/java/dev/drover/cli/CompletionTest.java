package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drover completion bash|zsh}: a script that bash sources and that completes commands and options. */
class CompletionTest {

    @TempDir
    Path dir;

    @Test
    void bashCompletesCommandsAndTheirOptions() throws Exception {
        CliRun.Result bash = new CliRun(dir).run("completion", "bash");
        assertThat(bash.exitCode()).as(bash.toString()).isZero();
        Path script = Files.writeString(dir.resolve("drover.bash"), bash.out());

        assertThat(complete(script, "drover", "upg")).isEqualTo("upgrade");
        assertThat(complete(script, "drover", "upgrade", "--report-f")).isEqualTo("--report-format");
        assertThat(complete(script, "drover", "status", "--rep")).contains("--report");
    }

    @Test
    void zshGetsTheSameScriptBehindBashCompletionEmulationAndSourcesIt() {
        CliRun cli = new CliRun(dir);
        CliRun.Result zsh = cli.run("completion", "zsh");
        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n")
                .endsWith(cli.run("completion", "bash").out());

        Path script = dir.resolve("drover.zsh");
        try {
            Files.writeString(script, zsh.out());
            Process process = new ProcessBuilder(List.of("zsh", "-c", "source '" + script + "' && whence -w "
                    + "_complete_drover")).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as(out).isZero();
            assertThat(out).contains("_complete_drover: function");
        } catch (java.io.IOException e) {
            String message = "zsh is not installed ('apt-get install -y zsh'; .ci/run does): " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + " (CI=true turns this skip into a failure)", e);
            }
            org.junit.jupiter.api.Assumptions.abort(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }

        CliRun.Result fish = cli.run("completion", "fish");
        assertThat(fish.exitCode()).isEqualTo(2);
        assertThat(fish.err()).contains("shell 'fish' is not supported").contains("'bash' or 'zsh'");
    }

    /** What bash offers for the last word of {@code words}, as the completion function leaves it. */
    private static String complete(Path script, String... words) throws Exception {
        String array = String.join(" ", words);
        String last = words[words.length - 1];
        String previous = words[words.length - 2];
        String program = "source '" + script + "'; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + array + "'; COMP_POINT=${#COMP_LINE}; _complete_drover drover " + last + " "
                + previous + " 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process process = new ProcessBuilder(List.of("bash", "-c", program)).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        return out;
    }
}
