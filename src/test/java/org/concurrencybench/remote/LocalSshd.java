package org.concurrencybench.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH server for the remote tests: {@code sshd} on a free loopback port with its own
 * host key, user key and {@code sshd_config} in a temp folder, and a temp {@code ssh_config} that
 * {@code ssh}/{@code scp} wrappers on a {@code PATH} of their own add with {@code -F}. Host
 * aliases: {@code alpha}, {@code beta} (this server, the right key), {@code wrongkey} (a key the
 * server does not know) and {@code unreachable} (a closed port).
 *
 * <p>Why the real one: what {@code remote} relies on (a dropped session closing the remote
 * command's stdin, scp's paths, BatchMode failing fast on a refused key) is OpenSSH's behaviour,
 * which a stub would only restate. Where {@code sshd} is not installed (Debian: openssh-server,
 * which {@code .ci/run} installs), the tests are skipped and say so.
 */
final class LocalSshd implements AutoCloseable {

    private final Path dir;
    private final Process sshd;
    private final int port;

    private LocalSshd(Path dir, Process sshd, int port) {
        this.dir = dir;
        this.sshd = sshd;
        this.port = port;
    }

    /** The sshd binary, or the test is skipped with the reason. */
    static Path sshdBinary() {
        for (String candidate : List.of("/usr/sbin/sshd", "/usr/local/sbin/sshd", "/sbin/sshd")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        Assumptions.abort("OpenSSH's sshd is not installed here (Debian: apt-get install openssh-server; .ci/run"
                + " installs it), so the tests against a real SSH server are skipped");
        return null;
    }

    static LocalSshd start(Path dir) throws IOException, InterruptedException {
        Path sshd = sshdBinary();
        for (String key : List.of("host_key", "user_key", "wrong_key")) {
            run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", key, "-f", dir.resolve(key).toString()));
        }
        Files.copy(dir.resolve("user_key.pub"), dir.resolve("authorized_keys"));
        int port = freePort();
        int closedPort = freePort();
        String user = System.getProperty("user.name");
        boolean root = "root".equals(user);
        if (root) {
            Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation folder
        }
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + dir.resolve("host_key"),
                "PidFile " + dir.resolve("sshd.pid"), "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PubkeyAuthentication yes", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "UsePAM no", "StrictModes no", root ? "PermitRootLogin prohibit-password" : "",
                "Subsystem sftp internal-sftp", "LogLevel ERROR", ""));
        Files.writeString(dir.resolve("known_hosts"), "concurrencybench-test "
                + Files.readString(dir.resolve("host_key.pub")).trim() + "\n");
        Files.writeString(dir.resolve("ssh_config"), String.join("\n",
                "Host wrongkey", "  IdentityFile " + dir.resolve("wrong_key"),
                "Host unreachable", "  Port " + closedPort,
                "Host alpha beta unreachable", "  IdentityFile " + dir.resolve("user_key"),
                "Host *", "  HostName 127.0.0.1", "  Port " + port, "  User " + user, "  IdentitiesOnly yes",
                "  IdentityAgent none", "  HostKeyAlias concurrencybench-test",
                "  UserKnownHostsFile " + dir.resolve("known_hosts"), "  StrictHostKeyChecking yes",
                "  LogLevel ERROR", ""));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("ssh", "scp")) {
            Path wrapper = bin.resolve(tool);
            Files.writeString(wrapper, "#!/bin/sh\nexec /usr/bin/" + tool + " -F " + dir.resolve("ssh_config") + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Process process = new ProcessBuilder(sshd.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        LocalSshd server = new LocalSshd(dir, process, port);
        server.awaitListening();
        return server;
    }

    private void awaitListening() throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (!sshd.isAlive()) {
                throw new IOException("sshd exited at once: " + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("sshd did not listen on port " + port);
    }

    /** A PATH whose ssh and scp talk to this server: the wrappers first, then the system's. */
    String path() {
        return dir.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + ": " + output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        sshd.destroy();
        if (!sshd.waitFor(10, TimeUnit.SECONDS)) {
            sshd.destroyForcibly();
        }
    }
}
