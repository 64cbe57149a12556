package org.concurrencybench.sweep.cpython;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.sweep.plan.Profile;
import org.concurrencybench.workload.Workload;

/**
 * The sweep's CPython steps: one {@link CpythonStep} per interpreter of {@link CpythonInterpreters},
 * each a visit of its own at each core count of a round, so several interpreters are measured in
 * the same rounds, shuffled among the JMH steps alike. Each is known by its label (null in a run
 * of one, whose files keep their names; "3.11", "3.13t" in a run of several).
 */
public final class CpythonSteps {

    private final List<CpythonStep> steps = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    public CpythonSteps(CpythonInterpreters pythons, Path script, Profile profile, List<Model> models,
                        List<Workload> chosen, boolean convoy, boolean pin, PrintStream console) {
        for (CpythonInterpreter python : pythons.all()) {
            String label = pythons.label(python);
            steps.add(new CpythonStep(python, label, script, profile, models, chosen, convoy, pin, console));
            labels.add(label);
        }
    }

    /** Runs the user's function ({@code --python-task}) in every interpreter too; nothing changes without one. */
    public CpythonSteps withUserTask(MachineInfo.UserTasks user) {
        steps.forEach(step -> step.withUserTask(user));
        return this;
    }

    /** The console's lines about CPython: one per interpreter. */
    public String note() {
        return String.join(System.lineSeparator(), steps.stream().map(CpythonStep::note).toList());
    }

    /** Whether any interpreter has anything to run. */
    public boolean active() {
        return steps.stream().anyMatch(CpythonStep::active);
    }

    /** The labels of the interpreters that run, in the order given: one null in a run of one; empty when none runs. */
    public List<String> labels() {
        List<String> active = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).active()) {
                active.add(labels.get(i));
            }
        }
        return active;
    }

    /** The step of the interpreter labelled {@code label} (null: the only one). */
    public CpythonStep step(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("no CPython interpreter labelled " + label);
        }
        return steps.get(index);
    }

    /** Whether one interpreter runs (the run's CPython files then keep their unlabelled names). */
    public boolean single() {
        return steps.size() == 1;
    }

    /** The estimated time of a run of {@code rounds} rounds at every core count of {@code cores}, every interpreter. */
    public long estimatedMillis(List<Integer> cores, int rounds) {
        return steps.stream().mapToLong(step -> step.estimatedMillis(cores, rounds)).sum();
    }

    /** Stops every running companion (Ctrl-C). */
    public void stopRunning() {
        steps.forEach(CpythonStep::stopRunning);
    }
}
