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

    private static final String CANARY_SUFFIX = ".canary";

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

    public static List<String> all() {
        List<String> all = new ArrayList<>(List.of(DAY_COMMANDS, DAY_EVENTS, TASK_RESULTS, FILE_ARRIVALS));
        for (Stage s : Stage.values()) {
            all.add(stageTasks(s));
            all.add(canaryTasks(s));
        }
        return all;
    }
}
