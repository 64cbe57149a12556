package org.concurrencybench.workload.user;

import java.io.IOException;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.concurrencybench.api.UserTask;

/**
 * Finds and builds users' {@link UserTask} classes from their class path ({@code --task-jar}: jars
 * and folders joined by the platform's path separator, {@code lib/*} meaning every jar in
 * {@code lib}), with one clear line for each way a class can be unusable. The sweep calls it once
 * before anything runs; a benchmark's fork and each worker JVM then build their own instance from
 * the class path in {@value #CLASS_PATH_PROPERTY}, one per JVM and class ({@link #shared}).
 */
public final class UserTaskLoader {

    /** The system property that carries {@code --task-jar} into JMH's forks and worker JVMs. */
    public static final String CLASS_PATH_PROPERTY = "concurrencybench.task.classPath";

    private static final Map<String, UserTask> SHARED = new ConcurrentHashMap<>();
    private static volatile ClassLoader sharedLoader;

    private final ClassLoader loader;
    private final String classPath;

    private UserTaskLoader(ClassLoader loader, String classPath) {
        this.loader = loader;
        this.classPath = classPath;
    }

    /** A loader over {@code classPath}, whose classes see the suite's (the API above all). */
    public static UserTaskLoader over(String classPath) throws BadTaskException {
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries(classPath)) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new BadTaskException("--task-jar: cannot use " + entry + ": " + e.getMessage());
            }
        }
        return new UserTaskLoader(new URLClassLoader("user-tasks", urls.toArray(URL[]::new),
                UserTask.class.getClassLoader()), classPath);
    }

    /** The entries of a class path, {@code dir/*} expanded to its jars; each must exist. */
    public static List<Path> entries(String classPath) throws BadTaskException {
        List<Path> entries = new ArrayList<>();
        for (String part : classPath.split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            if (part.endsWith("*")) {
                Path dir = Path.of(part.substring(0, part.length() - 1).isEmpty() ? "." : part.substring(0, part.length() - 1));
                try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.{jar,JAR}")) {
                    jars.forEach(jar -> entries.add(jar.toAbsolutePath()));
                } catch (IOException e) {
                    throw new BadTaskException("--task-jar: cannot list " + dir + ": " + e.getMessage());
                }
            } else {
                Path path = Path.of(part).toAbsolutePath();
                if (!Files.exists(path)) {
                    throw new BadTaskException("--task-jar: " + part + " does not exist");
                }
                entries.add(path);
            }
        }
        if (entries.isEmpty()) {
            throw new BadTaskException("--task-jar: no jar or folder in '" + classPath + "'");
        }
        return entries;
    }

    /**
     * Loads {@code className} and builds one instance, checking the contract of {@link UserTask}.
     *
     * @throws BadTaskException one line naming the class and what is wrong with it
     */
    public UserTask instantiate(String className) throws BadTaskException {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BadTaskException("task class " + className + " not found in --task-jar " + classPath
                    + (e instanceof LinkageError ? " (" + e + ")" : ""));
        }
        if (!UserTask.class.isAssignableFrom(type)) {
            throw new BadTaskException("task class " + className + " does not implement " + UserTask.class.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw new BadTaskException("task class " + className + " must be a public, concrete class");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new BadTaskException("task class " + className + " has no public no-argument constructor");
        }
        try {
            return (UserTask) constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new BadTaskException("task class " + className + ": its constructor threw " + cause, cause);
        } catch (ExceptionInInitializerError e) {
            throw new BadTaskException("task class " + className + ": its static initializer threw " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new BadTaskException("task class " + className + " cannot be built: " + e, e);
        }
    }

    /**
     * This JVM's one instance of {@code className}, from the class path in
     * {@value #CLASS_PATH_PROPERTY}: the instance a trial or a worker process shares among its tasks.
     */
    public static UserTask shared(String className) throws BadTaskException {
        UserTask task = SHARED.get(className);
        if (task != null) {
            return task;
        }
        synchronized (SHARED) {
            task = SHARED.get(className);
            if (task == null) {
                task = new UserTaskLoader(sharedLoader(className), System.getProperty(CLASS_PATH_PROPERTY, ""))
                        .instantiate(className);
                SHARED.put(className, task);
            }
            return task;
        }
    }

    /**
     * Closes this JVM's instances that are {@link AutoCloseable} (a server a task started) and says
     * whether any user's task was built here: a worker process then ends itself, since a user's
     * class may have left threads running that would keep its JVM up.
     */
    public static boolean closeShared() {
        synchronized (SHARED) {
            for (UserTask task : SHARED.values()) {
                if (task instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        System.err.println("closing " + task.getClass().getName() + " failed: " + e);
                    }
                }
            }
            boolean any = !SHARED.isEmpty();
            SHARED.clear();
            return any;
        }
    }

    private static ClassLoader sharedLoader(String className) throws BadTaskException {
        if (sharedLoader == null) {
            String classPath = System.getProperty(CLASS_PATH_PROPERTY);
            if (classPath == null || classPath.isBlank()) {
                throw new BadTaskException("task class " + className + ": no task class path; set -D"
                        + CLASS_PATH_PROPERTY + " (--task-jar)");
            }
            try {
                sharedLoader = over(classPath).loader;
            } catch (BadTaskException e) {
                throw new BadTaskException("task class " + className + ": " + e.getMessage(), e);
            }
        }
        return sharedLoader;
    }
}
