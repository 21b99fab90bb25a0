package io.apogee.example.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One {@code sh bin/...} run of this checkout's scripts, with its stdout and stderr collected line by line.
 * {@code bin/tools.sh} ends in {@code exec java}, so destroying the process stops the JVM.
 */
final class Script implements AutoCloseable {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;
    private final String name;

    private Script(String name, Process process) {
        this.name = name;
        this.process = process;
        this.outReader = pump(process.getInputStream(), out);
        this.errReader = pump(process.getErrorStream(), err);
    }

    /**
     * Starts {@code sh ROOT/script args} with the given environment changes (a null value removes the
     * variable) and {@code JAVA_OPT=-Duser.home=<home>} so no log lands in the real home.
     */
    static Script start(Path home, Map<String, String> env, String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sh", ROOT.resolve(script).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        pb.environment().remove("NAMESRV_ADDR");
        pb.environment().remove("ROCKETMQ_HOME");
        pb.environment().put("JAVA_OPT", "-Duser.home=" + home);
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        return new Script(String.join(" ", args.length > 0 ? script + " " + args[0] : script), pb.start());
    }

    private Thread pump(java.io.InputStream in, List<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (sink) {
                        sink.add(line);
                    }
                }
            } catch (IOException e) {
                // the process was killed: what was read so far stays
            }
        }, "script-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits for the exit; fails (after killing it) if it takes longer than the timeout. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError(name + " still running after " + timeout + "\nstdout:\n" + String.join("\n", out())
                + "\nstderr:\n" + String.join("\n", err()));
        }
        outReader.join(5000);
        errReader.join(5000);
        return process.exitValue();
    }

    /** Waits until the stdout lines satisfy the condition; fails with the output if they don't in time. */
    void awaitOut(Predicate<List<String>> condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(out())) {
                return;
            }
            if (!process.isAlive() && !outReader.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        if (condition.test(out())) {
            return;
        }
        List<String> lines = out();
        throw new AssertionError(name + ": " + what + " not seen within " + timeout + " (alive=" + process.isAlive() + ")\nlast stdout:\n"
            + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())) + "\nstderr:\n" + String.join("\n", err()));
    }

    List<String> out() {
        synchronized (out) {
            return new ArrayList<>(out);
        }
    }

    List<String> err() {
        synchronized (err) {
            return new ArrayList<>(err);
        }
    }

    String outText() {
        return String.join("\n", out());
    }

    String errText() {
        return String.join("\n", err());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
