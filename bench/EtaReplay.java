import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Replays recorded fleet runs through candidate ETA estimators, offline and deterministically, so every
 * candidate is judged on the same runs (issue 13, item 3).
 *
 * <pre>
 * java bench/EtaReplay.java extract REPORT.json END_EPOCH_NS OUT.tsv.gz
 *     one run's per-target start and finish times (ms after the fleet run started), from the JSON run
 *     report ({@code upgrade --report FILE}), and when the process ended (date +%s%N after it exited)
 * java -cp orchestrator/target/classes bench/EtaReplay.java compare RUN.tsv.gz...
 *     every estimator over every run: the ETA error |ETA - time actually left| / time left, from the
 *     first 10% of the targets done until 5 s before the end (the 'big' scenario's rule), evaluated
 *     every 100 ms ("dense") and at the 5-s progress lines a log gets ("lines", shown as the
 *     progress line shows it, to the nearest second); with orchestrator classes on the class path the
 *     production EtaEstimator is replayed as well
 * </pre>
 *
 * The time left is measured to the process's end, as bench/run.sh measures it, which is later than the
 * last target (summary, report, JVM exit): that gap is printed per run, and the summary at the end of
 * each row also scores the dense estimates against the last target's finish (what the estimate means).
 */
public final class EtaReplay {

    /** One estimator's state over one replayed run. */
    interface Estimator {
        void started(long nanos);

        void finished(long nanos);

        /** ms until {@code remaining} more targets are done, or -1 when unknown. */
        long etaMs(int remaining, long nowNanos);
    }

    record Run(String name, long[] startMs, long[] finishMs, long endMs) {}

    static final long MS = 1_000_000;

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("extract")) {
            extract(Path.of(args[1]), Long.parseLong(args[2]), Path.of(args[3]));
        } else if (args.length >= 2 && args[0].equals("compare")) {
            List<Run> runs = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                runs.add(read(Path.of(args[i])));
            }
            compare(runs);
        } else {
            System.err.println("usage: java EtaReplay.java extract REPORT.json END_EPOCH_NS OUT.tsv.gz\n"
                    + "       java [-cp orchestrator/target/classes] EtaReplay.java compare RUN.tsv.gz...");
            System.exit(2);
        }
    }

    // ---- recording -------------------------------------------------------------------------------

    static void extract(Path report, long endEpochNs, Path out) throws IOException {
        String json = Files.readString(report);
        Matcher started = Pattern.compile("\"startedAt\" : \"([^\"]+)\"").matcher(json);
        if (!started.find()) {
            throw new IllegalArgumentException(report + " has no startedAt: is it a JSON run report?");
        }
        Instant at = Instant.parse(started.group(1));
        long endMs = (endEpochNs - (at.getEpochSecond() * 1_000_000_000L + at.getNano())) / MS;
        Matcher target = Pattern.compile("\"startMs\" : (\\d+),\\s*\"durationMs\" : (\\d+)").matcher(json);
        try (PrintWriter w = new PrintWriter(new GZIPOutputStream(Files.newOutputStream(out)), false,
                StandardCharsets.UTF_8)) {
            w.println("# end_ms\t" + endMs);
            int n = 0;
            while (target.find()) {
                long s = Long.parseLong(target.group(1));
                w.println(s + "\t" + (s + Long.parseLong(target.group(2))));
                n++;
            }
            System.err.println(out + ": " + n + " targets, process end at " + endMs + " ms");
        }
    }

    static Run read(Path file) throws IOException {
        List<long[]> rows = new ArrayList<>();
        long endMs = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                if (line.startsWith("# end_ms")) {
                    endMs = Long.parseLong(f[1]);
                } else if (!line.startsWith("#")) {
                    rows.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
                }
            }
        }
        long[] starts = rows.stream().mapToLong(x -> x[0]).sorted().toArray();
        long[] finishes = rows.stream().mapToLong(x -> x[1]).sorted().toArray();
        String name = file.getFileName().toString().replaceAll("\\.tsv(\\.gz)?$", "");
        return new Run(name, starts, finishes, endMs);
    }

    // ---- the candidates --------------------------------------------------------------------------

    static Map<String, Supplier<Estimator>> candidates() {
        Map<String, Supplier<Estimator>> c = new LinkedHashMap<>();
        Supplier<Estimator> production = production();
        if (production != null) {
            c.put("production EtaEstimator", production);
        }
        c.put("recent half (main)", () -> new RecentFraction(2));
        c.put("recent quarter", () -> new RecentFraction(4));
        c.put("whole run since first start", WholeRun::new);
        c.put("exp. weighted, tau 5 s", () -> new Exponential(5_000 * MS, 0));
        c.put("exp. weighted, tau 10 s", () -> new Exponential(10_000 * MS, 0));
        c.put("exp. weighted, tau 15 s", () -> new Exponential(15_000 * MS, 0));
        c.put("exp. weighted, tau 20 s", () -> new Exponential(20_000 * MS, 0));
        c.put("exp. weighted, tau 30 s", () -> new Exponential(30_000 * MS, 0));
        c.put("exp. weighted, tau = elapsed/3", () -> new Exponential(0, 3));
        c.put("exp. weighted, tau = elapsed/2", () -> new Exponential(0, 2));
        c.put("blend: whole run + recent half", () -> new Blend(new WholeRun(), new RecentFraction(2)));
        c.put("blend: whole run + tau 20 s", () -> new Blend(new WholeRun(), new Exponential(20_000 * MS, 0)));
        c.put("blend: whole run + tau 10 s", () -> new Blend(new WholeRun(), new Exponential(10_000 * MS, 0)));
        return c;
    }

    /** The orchestrator's own estimator, when its classes are on the class path (package-private, so reflectively). */
    static Supplier<Estimator> production() {
        try {
            Class<?> type = Class.forName("dev.drover.orchestrator.fleet.EtaEstimator");
            Constructor<?> make = type.getDeclaredConstructor();
            make.setAccessible(true);
            Method started = type.getDeclaredMethod("started", long.class);
            Method finished = type.getDeclaredMethod("finished", long.class);
            Method eta = type.getDeclaredMethod("etaMs", int.class, long.class);
            for (Method m : List.of(started, finished, eta)) {
                m.setAccessible(true);
            }
            return () -> {
                try {
                    Object e = make.newInstance();
                    return new Estimator() {
                        public void started(long n) { call(started, e, n); }
                        public void finished(long n) { call(finished, e, n); }
                        public long etaMs(int r, long n) { return (long) call(eta, e, r, n); }
                    };
                } catch (ReflectiveOperationException x) {
                    throw new IllegalStateException(x);
                }
            };
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    static Object call(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pace of the more recent 1/{@code divisor} of the completions (at least 16): main's estimator at 2. */
    static final class RecentFraction implements Estimator {
        private final int divisor;
        private final ArrayDeque<Long> recent = new ArrayDeque<>();
        private long first = -1;
        private int finished;

        RecentFraction(int divisor) { this.divisor = divisor; }

        public void started(long n) { if (first < 0) { first = n; } }

        public void finished(long n) {
            finished++;
            recent.addLast(n);
            while (recent.size() > window()) {
                recent.removeFirst();
            }
        }

        private int window() { return Math.max(16, finished / divisor); }

        public long etaMs(int remaining, long now) {
            if (finished == 0) {
                return -1;
            }
            double per = recent.size() == window() ? (double) (now - recent.peekFirst()) / (recent.size() - 1)
                    : (double) (now - first) / finished;
            return (long) (per * remaining / MS);
        }
    }

    /** The pace of the whole run so far, from the first start. */
    static final class WholeRun implements Estimator {
        private long first = -1;
        private int finished;

        public void started(long n) { if (first < 0) { first = n; } }

        public void finished(long n) { finished++; }

        public long etaMs(int remaining, long now) {
            return finished == 0 ? -1 : (long) ((double) (now - first) / finished * remaining / MS);
        }
    }

    /**
     * An exponentially weighted rate: each completion weighs exp(-age / tau), the sum divided by the
     * weight of the time observed (tau (1 - exp(-elapsed / tau))), so the start is not biased. With
     * {@code fixedTau} 0 the time constant is the elapsed time divided by {@code elapsedDivisor}.
     */
    static final class Exponential implements Estimator {
        private final long fixedTau;
        private final int elapsedDivisor;
        private final List<Long> times = new ArrayList<>();
        private long first = -1;

        Exponential(long fixedTau, int elapsedDivisor) {
            this.fixedTau = fixedTau;
            this.elapsedDivisor = elapsedDivisor;
        }

        public void started(long n) { if (first < 0) { first = n; } }

        public void finished(long n) { times.add(n); }

        public long etaMs(int remaining, long now) {
            if (times.isEmpty()) {
                return -1;
            }
            double elapsed = Math.max(1, now - first);
            double tau = fixedTau > 0 ? fixedTau : Math.max(1_000 * MS, elapsed / elapsedDivisor);
            double sum = 0;
            for (int i = times.size() - 1; i >= 0; i--) {
                double w = Math.exp(-(now - times.get(i)) / tau);
                if (w < 1e-6) {
                    break;
                }
                sum += w;
            }
            double rate = sum / (tau * (1 - Math.exp(-elapsed / tau)));
            return (long) (remaining / rate / MS);
        }
    }

    /** The mean of two estimates. */
    static final class Blend implements Estimator {
        private final Estimator a;
        private final Estimator b;

        Blend(Estimator a, Estimator b) { this.a = a; this.b = b; }

        public void started(long n) { a.started(n); b.started(n); }

        public void finished(long n) { a.finished(n); b.finished(n); }

        public long etaMs(int remaining, long now) {
            long x = a.etaMs(remaining, now);
            long y = b.etaMs(remaining, now);
            return x < 0 || y < 0 ? -1 : (x + y) / 2;
        }
    }

    // ---- the comparison --------------------------------------------------------------------------

    /** Errors of one estimator on one run. */
    record Errors(double[] dense, double[] lines) {}

    static void compare(List<Run> runs) {
        System.out.printf(Locale.ROOT, "%-34s", "run:");
        for (Run r : runs) {
            System.out.printf(Locale.ROOT, " %17s", r.name().length() > 17 ? r.name().substring(r.name().length() - 17) : r.name());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s", "end: last target / process (s)");
        for (Run r : runs) {
            System.out.printf(Locale.ROOT, " %17s", String.format(Locale.ROOT, "%.1f / %.1f",
                    r.finishMs()[r.finishMs().length - 1] / 1e3, r.endMs() / 1e3));
        }
        System.out.println();
        System.out.println("cells: dense max / mean / share within 20% | 5-s lines as shown: max / mean (%)");
        for (Map.Entry<String, Supplier<Estimator>> c : candidates().entrySet()) {
            System.out.printf(Locale.ROOT, "%-34s", c.getKey());
            double worstDense = 0;
            double worstLines = 0;
            double sumDenseMean = 0;
            for (Run r : runs) {
                Errors e = replay(r, c.getValue());
                double dm = max(e.dense());
                double lm = max(e.lines());
                worstDense = Math.max(worstDense, dm);
                worstLines = Math.max(worstLines, lm);
                sumDenseMean += mean(e.dense());
                System.out.printf(Locale.ROOT, " %3.0f/%2.0f/%3.0f|%3.0f/%2.0f", 100 * dm, 100 * mean(e.dense()),
                        100 * within(e.dense(), 0.2), 100 * lm, 100 * mean(e.lines()));
            }
            double worstToLast = 0;
            double sumToLast = 0;
            for (Run r : runs) {
                Run toLast = new Run(r.name(), r.startMs(), r.finishMs(), r.finishMs()[r.finishMs().length - 1]);
                Errors e = replay(toLast, c.getValue());
                worstToLast = Math.max(worstToLast, max(e.dense()));
                sumToLast += mean(e.dense());
            }
            System.out.printf(Locale.ROOT, "   worst dense %.0f%%, worst line %.0f%%, mean %.1f%%; to the last target: worst %.0f%%,"
                    + " mean %.1f%%%n", 100 * worstDense, 100 * worstLines, 100 * sumDenseMean / runs.size(),
                    100 * worstToLast, 100 * sumToLast / runs.size());
        }
    }

    /**
     * Feeds the run's starts and finishes in time order and evaluates the estimate every 100 ms and at
     * every 5-s line (from the first start), within the scored span.
     */
    static Errors replay(Run run, Supplier<Estimator> make) {
        Estimator est = make.get();
        int total = run.finishMs().length;
        long first = run.startMs()[0];
        long end = run.endMs();
        List<Double> dense = new ArrayList<>();
        List<Double> lines = new ArrayList<>();
        int s = 0;
        int f = 0;
        for (long t = first; t <= end; t += 100) {
            while (s < total && run.startMs()[s] <= t) {
                est.started(run.startMs()[s++] * MS);
            }
            while (f < total && run.finishMs()[f] <= t) {
                est.finished(run.finishMs()[f++] * MS);
            }
            long left = end - t;
            if (f < total / 10 || left < 5_000 || f == total) {
                continue;
            }
            long eta = est.etaMs(total - f, t * MS);
            if (eta < 0) {
                continue;
            }
            dense.add(Math.abs(eta - left) / (double) left);
            if ((t - first) % 5_000 == 0) {
                long shown = 1_000 * Math.max(1, (eta + 500) / 1_000);
                lines.add(Math.abs(shown - left) / (double) left);
            }
        }
        return new Errors(dense.stream().mapToDouble(Double::doubleValue).toArray(),
                lines.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double max(double[] a) { return Arrays.stream(a).max().orElse(Double.NaN); }

    static double mean(double[] a) { return Arrays.stream(a).average().orElse(Double.NaN); }

    static double within(double[] a, double bound) {
        return a.length == 0 ? Double.NaN : Arrays.stream(a).filter(x -> x <= bound).count() / (double) a.length;
    }
}
