package io.openta.model.events;

import java.util.ArrayList;
import java.util.List;

/** Kafka topic names shared by the scheduler, the stage functions, the launcher and the Kubernetes manifests. */
public final class Topics {
    /** {@link DayCommand}s: start, pause, resume, cancel a day. Consumed by the scheduler. */
    public static final String DAY_COMMANDS = "openta.day.commands";
    /** {@link DayEvent}s: stage and day progress. Published by the scheduler. */
    public static final String DAY_EVENTS = "openta.day.events";
    /** Results of shard tasks, published by the stage functions and consumed by the scheduler. */
    public static final String TASK_RESULTS = "openta.task.results";
    /**
     * File arrivals: one JSON event per upload completed over SFTP, and a day-files-complete event when a day's
     * expected files are in. Published by the access app.
     */
    public static final String FILE_ARRIVALS = "openta.file-arrivals";

    /**
     * Results of shadow (stress) shard tasks (issue 12): the results topic with {@value #SHADOW_SUFFIX}, consumed by
     * the scheduler when shadow traffic is on.
     */
    public static final String TASK_RESULTS_SHADOW = TASK_RESULTS + ".shadow";

    private static final String CANARY_SUFFIX = ".canary";
    private static final String SHADOW_SUFFIX = ".shadow";

    private Topics() {
    }

    /** The topic on which the scheduler sends the shard tasks of one stage. */
    public static String stageTasks(Stage stage) {
        return "openta." + stage.id() + ".tasks";
    }

    /**
     * The topic of a stage's canary lane (a task topic with {@value #CANARY_SUFFIX}): during a canary release step the
     * scheduler sends the segment's part of each per-account shard here, and only canary-track processes read it.
     */
    public static String canaryTasks(Stage stage) {
        return canaryOf(stageTasks(stage));
    }

    /** The canary lane of a stage task topic. */
    public static String canaryOf(String stageTaskTopic) {
        return stageTaskTopic + CANARY_SUFFIX;
    }

    /**
     * The shadow twin of a stage task topic ({@value #SHADOW_SUFFIX}): a stress day's tasks go there, and only the
     * functions' shadow consumers (their own consumer group) read it, so stress tasks never queue before production's.
     */
    public static String shadowOf(String stageTaskTopic) {
        return stageTaskTopic + SHADOW_SUFFIX;
    }

    /** The topic of a stage's tasks of {@code traffic}. */
    public static String stageTasks(Stage stage, Traffic traffic) {
        return traffic == Traffic.SHADOW ? shadowOf(stageTasks(stage)) : stageTasks(stage);
    }

    /** The topic the results of {@code traffic}'s tasks go to. */
    public static String taskResults(Traffic traffic) {
        return traffic == Traffic.SHADOW ? TASK_RESULTS_SHADOW : TASK_RESULTS;
    }

    public static List<String> all() {
        List<String> all = new ArrayList<>(List.of(DAY_COMMANDS, DAY_EVENTS, TASK_RESULTS, FILE_ARRIVALS,
                TASK_RESULTS_SHADOW));
        for (Stage s : Stage.values()) {
            all.add(stageTasks(s));
            all.add(canaryTasks(s));
            all.add(stageTasks(s, Traffic.SHADOW));
        }
        return all;
    }
}
