package org.concurrencybench.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A user's task from a jar built here, under every model that runs it in this JVM: the checksum
 * of sequential code, and a task that throws failing the batch with its own exception. The process
 * models, whose workers load the jars themselves, are {@link UserTaskProcessModelsIT}.
 */
class UserTaskModelsTest extends UserTaskModelsFixture {

    @ParameterizedTest
    @EnumSource(value = Model.class, mode = EnumSource.Mode.EXCLUDE, names = {"PROCESS_POOL", "PROCESS_PER_TASK"})
    void aUserTaskGivesSequentialsChecksumUnderEveryModel(Model model) throws Exception {
        assertSequentialsChecksum(model);
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, mode = EnumSource.Mode.EXCLUDE, names = {"PROCESS_POOL", "PROCESS_PER_TASK"})
    void aTaskThatThrowsFailsTheBatchNamingItsException(Model model) throws Exception {
        assertFailsNamingItsException(model);
    }
}
