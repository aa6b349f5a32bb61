import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of one Drover command: where the samples fall (top frames, the first
 * Drover frame on each stack, library of the top frame), native samples (threads blocked in socket
 * reads, i.e. waiting for PostgreSQL), socket-read totals and GC pauses.
 *
 * <p>{@code java bench/JfrSummary.java FILE.jfr [TOP]}
 */
public final class JfrSummary {

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Map<String, Integer> execTop = new HashMap<>();
        Map<String, Integer> execDrover = new HashMap<>();
        Map<String, Integer> execLibrary = new HashMap<>();
        Map<String, Integer> nativeTop = new HashMap<>();
        Map<String, Integer> execThreads = new HashMap<>();
        int exec = 0;
        int natives = 0;
        long socketReads = 0;
        Duration socketReadTime = Duration.ZERO;
        long gcPauses = 0;
        Duration gcTime = Duration.ZERO;
        Instant first = null;
        Instant last = null;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (first == null || e.getStartTime().isBefore(first)) {
                first = e.getStartTime();
            }
            if (last == null || e.getEndTime().isAfter(last)) {
                last = e.getEndTime();
            }
            switch (e.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    exec++;
                    List<RecordedFrame> frames = frames(e.getStackTrace());
                    if (!frames.isEmpty()) {
                        inc(execTop, name(frames.get(0)));
                        inc(execLibrary, library(frames.get(0)));
                    }
                    inc(execDrover, firstDrover(frames));
                    inc(execThreads, e.getThread("sampledThread") == null ? "?" : threadGroup(e.getThread("sampledThread").getJavaName()));
                }
                case "jdk.NativeMethodSample" -> {
                    natives++;
                    List<RecordedFrame> frames = frames(e.getStackTrace());
                    String where = frames.isEmpty() ? "?" : name(frames.get(0));
                    inc(nativeTop, where + "  <- " + firstDrover(frames));
                }
                case "jdk.SocketRead" -> {
                    socketReads++;
                    socketReadTime = socketReadTime.plus(e.getDuration());
                }
                case "jdk.GarbageCollection" -> {
                    gcPauses++;
                    gcTime = gcTime.plus(e.getDuration("sumOfPauses"));
                }
                default -> { }
            }
        }
        System.out.printf("recording span: %.2f s%n", Duration.between(first, last).toMillis() / 1000.0);
        System.out.printf("execution samples (threads running Java, ~20 ms period per thread): %d%n", exec);
        print("  by thread", execThreads, top);
        print("  by library of the top frame", execLibrary, top);
        print("  by top frame", execTop, top);
        print("  by first dev.drover frame on the stack", execDrover, top);
        System.out.printf("native samples (threads blocked in native code, e.g. socket reads): %d%n", natives);
        print("  by top frame <- first dev.drover frame", nativeTop, top);
        System.out.printf("socket reads recorded: %d, total %.2f s (only reads above the recording threshold)%n",
                socketReads, socketReadTime.toMillis() / 1000.0);
        System.out.printf("GC: %d collections, %.3f s of pauses%n", gcPauses, gcTime.toMillis() / 1000.0);
    }

    static List<RecordedFrame> frames(RecordedStackTrace trace) {
        return trace == null ? List.of() : trace.getFrames();
    }

    static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    static String library(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : type;
    }

    static String firstDrover(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            if (f.getMethod().getType().getName().startsWith("dev.drover.")) {
                return name(f);
            }
        }
        return "(no dev.drover frame)";
    }

    static String threadGroup(String thread) {
        return thread == null ? "?" : thread.replaceAll("-?\\d+$", "");
    }

    static void inc(Map<String, Integer> m, String k) {
        m.merge(k, 1, Integer::sum);
    }

    static void print(String title, Map<String, Integer> m, int top) {
        int total = m.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println(title + ":");
        m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(en -> System.out.printf("    %5d  %5.1f%%  %s%n", en.getValue(),
                        100.0 * en.getValue() / Math.max(1, total), en.getKey()));
    }
}
