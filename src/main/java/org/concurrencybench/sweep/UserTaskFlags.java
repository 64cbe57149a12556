package org.concurrencybench.sweep;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concurrencybench.api.UserTask;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.sweep.cpython.CpythonInterpreter;
import org.concurrencybench.sweep.cpython.CpythonInterpreters;
import org.concurrencybench.sweep.cpython.CpythonPlan;
import org.concurrencybench.sweep.cpython.PythonTaskCheck;
import org.concurrencybench.workload.user.BadTaskException;
import org.concurrencybench.workload.user.UserTaskLoader;

/**
 * The user's own tasks from the command line ({@code --task-jar}, {@code --task},
 * {@code --task-timeout}, {@code --python-task}, {@code --python-path}), checked before anything
 * runs: each Java class is loaded and built once here (as each JMH fork will), and the Python
 * function imported by the companion, so that a bad task is one line and exit 2, not a sweep of
 * FAILED cells. A built instance that is {@link AutoCloseable} (a server it started) is closed.
 */
final class UserTaskFlags {

    private UserTaskFlags() {
    }

    /** The run's user tasks, or null when none was given. */
    static MachineInfo.UserTasks resolve(SweepRequest command, CpythonInterpreters pythons) {
        SweepRequest.UserTasks flags = command.userTasks();
        List<String> classes = flags.taskClasses() == null ? List.of() : flags.taskClasses().stream()
                .map(String::trim).filter(c -> !c.isEmpty()).distinct().toList();
        if (flags.taskJar() != null && classes.isEmpty()) {
            throw new IllegalArgumentException("--task-jar " + flags.taskJar() + ": name the class to run with --task CLASS");
        }
        if (!classes.isEmpty() && flags.taskJar() == null) {
            throw new IllegalArgumentException("--task " + classes.get(0) + ": give the jar that holds it with --task-jar PATH");
        }
        if (flags.taskTimeoutSeconds() < 1) {
            throw new IllegalArgumentException("--task-timeout " + flags.taskTimeoutSeconds() + ": expected at least 1 second");
        }
        if (flags.pythonPath() != null && flags.pythonTask() == null) {
            throw new IllegalArgumentException("--python-path " + flags.pythonPath() + ": give the function with --python-task MODULE:FUNCTION");
        }
        String classPath = classes.isEmpty() ? null : checkClasses(flags.taskJar(), classes);
        String pythonTask = flags.pythonTask() == null ? null : checkPython(command, pythons);
        if (classPath == null && pythonTask == null) {
            return null;
        }
        return new MachineInfo.UserTasks(classPath, classes, flags.taskTimeoutSeconds(), pythonTask,
                flags.pythonPath() == null ? null : flags.pythonPath().toAbsolutePath().toString());
    }

    /** Loads and builds every class; returns the class path with absolute entries, as the forks get it. */
    private static String checkClasses(String taskJar, List<String> classes) {
        if (taskJar.contains(" ")) {
            throw new IllegalArgumentException("--task-jar " + taskJar + ": JMH passes it to its forks split at spaces;"
                    + " use a path without spaces");
        }
        try {
            UserTaskLoader loader = UserTaskLoader.over(taskJar);
            for (String name : classes) {
                UserTask task = loader.instantiate(name);
                if (task instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
            List<String> entries = new ArrayList<>();
            for (Path entry : UserTaskLoader.entries(taskJar)) {
                entries.add(entry.toString());
            }
            return String.join(File.pathSeparator, entries);
        } catch (BadTaskException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (Exception e) {
            throw new IllegalArgumentException("--task: closing the checked instance failed: " + e);
        }
    }

    /** The function checked with every interpreter of the run: it must run in each. */
    private static String checkPython(SweepRequest command, CpythonInterpreters pythons) {
        SweepRequest.UserTasks flags = command.userTasks();
        String spec = flags.pythonTask().trim();
        if (!spec.matches("[A-Za-z_][\\w.]*:[A-Za-z_]\\w*")) {
            throw new IllegalArgumentException("--python-task " + spec + ": expected MODULE:FUNCTION, e.g. mytasks:handle");
        }
        for (CpythonInterpreter python : pythons.all()) {
            Optional<String> problem = PythonTaskCheck.problem(python, CpythonPlan.companionScript(), spec,
                    flags.pythonPath());
            problem.ifPresent(line -> {
                throw new IllegalArgumentException(line);
            });
        }
        return spec;
    }
}
