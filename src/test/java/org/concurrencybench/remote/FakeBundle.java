package org.concurrencybench.remote;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A bundle whose {@code run-benchmarks.sh} stands in for the sweep, for the remote tests that
 * must not run JMH: it takes the sweep's {@code --results}, {@code --charts}, {@code --label},
 * {@code --cores}, {@code --resume}, {@code --dry-run} (and {@code --fake-run-id ID}, a hostile
 * host's run id to print instead of its own), prints "Sweep RUN_ID: ..." and one line per core count as
 * the sweep does, takes {@code --fake-seconds S} per core count, writes a real smoke run's
 * files ({@code src/test/resources/report/jmh-smoke}) so that the report can be written, and on
 * SIGTERM stops as the sweep does: keeping the finished core counts, leaving nothing running.
 */
final class FakeBundle {

    private static final String SCRIPT = """
            #!/usr/bin/env bash
            set -u
            here=$(cd "$(dirname "$0")" && pwd)
            results=results label=fake resume= cores=1,2 seconds=0
            while [[ $# -gt 0 ]]; do
              case $1 in
                --results) results=$2; shift ;; --label) label=$2; shift ;; --resume) resume=$2; shift ;;
                --cores) cores=$2; shift ;; --fake-seconds) seconds=$2; shift ;; --charts) shift ;; --dry-run) dry=1 ;;
                --fake-run-id) shown=$2; shift ;;
              esac
              shift
            done
            if [[ -n $resume ]]; then
              run=$resume; id=$(basename "$run")
            else
              id=$(date -u +%Y%m%d-%H%M%S)-$label; run=$results/$id; mkdir -p "$run"
              sed "s/\\"runId\\" *: *\\"[^\\"]*\\"/\\"runId\\": \\"$id\\"/" "$here/data/machine.json" >"$run/machine.json"
              echo "$cores $seconds" >"$run/plan"
            fi
            if [[ -n ${shown:-} && $shown != /* ]]; then  # a hostile host has the folder it names, too
              mkdir -p "$results/$shown" && cp "$here/data/machine.json" "$results/$shown/"
            fi
            read -r cores seconds <"$run/plan"
            trap 'echo "Interrupted: kept $(ls "$run" | grep -c "^cores-") core counts; resume with --resume $run"; exit 130' TERM INT
            echo "Sweep ${shown:-$id}: profile SMOKE, cores [$cores] (fake sweep)"
            [[ -n ${dry:-} ]] && exit 0
            for n in ${cores//,/ }; do
              [[ -f $run/cores-$n.json ]] && continue
              echo "[$n] cores=$n"
              for ((i = 0; i < seconds * 10; i++)); do sleep 0.1; done
              cp "$here/data/cores-$n.json" "$run/cores-$n.json"
            done
            echo "Done: $run"
            """;

    private FakeBundle() {
    }

    /** Writes the archive under {@code dir} and returns it. */
    static Path create(Path dir) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(dir.resolve("stage/concurrency-bench-fake/data"));
        Path smoke = smokeRun();
        for (String file : List.of("machine.json", "cores-1.json", "cores-2.json")) {
            Files.copy(smoke.resolve(file), folder.resolve(file));
        }
        Path script = folder.getParent().resolve("run-benchmarks.sh");
        Files.writeString(script, SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path archive = dir.resolve("concurrency-bench-fake.tar.gz");
        Process tar = new ProcessBuilder("tar", "czf", archive.toString(), "-C", dir.resolve("stage").toString(),
                "concurrency-bench-fake").inheritIO().start();
        if (!tar.waitFor(30, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IOException("tar failed");
        }
        return archive;
    }

    private static Path smokeRun() {
        try {
            return Path.of(FakeBundle.class.getResource("/report/jmh-smoke/machine.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
