package io.openta.runtime.release;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;

import io.openta.model.events.Topics;
import io.openta.runtime.config.Track;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Gives {@code openta.lane-task-topics}, the task topics this process consumes (the {@code tasks} channel's topics),
 * and {@code openta.lane-consumer-group}, its consumer group (the canary's: {@code openta.consumer-group} + -canary):
 * a stable-track process reads its stage task topics ({@code openta.task-topics}), a canary-track process
 * ({@code openta.track=canary}) only their canary lanes ({@link Topics#canaryOf}). So the canary never takes stable
 * work, and the stable track never takes the canary's. Computed here, from the two settings, because a property
 * file cannot choose between two lists by another setting; registered through
 * {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}.
 */
@Priority(Priorities.LIBRARY + 150)   // below the expression interceptor, so that ${openta.lane-task-topics} reaches it
public class LaneTopics implements ConfigSourceInterceptor {
    public static final String PROPERTY = "openta.lane-task-topics";
    public static final String GROUP_PROPERTY = "openta.lane-consumer-group";
    private static final String UNASSIGNED = "openta.unassigned.tasks";
    private static final String UNASSIGNED_GROUP = "openta-unassigned";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (GROUP_PROPERTY.equals(name)) {
            ConfigValue group = context.proceed("openta.consumer-group");
            String base = group == null || group.getValue() == null ? UNASSIGNED_GROUP : group.getValue();
            return ConfigValue.builder().withName(GROUP_PROPERTY).withValue(groupFor(base, track(context))).build();
        }
        if (!PROPERTY.equals(name)) {
            return context.proceed(name);
        }
        ConfigValue topics = context.proceed("openta.task-topics");
        String stageTopics = topics == null || topics.getValue() == null || topics.getValue().isBlank() ? UNASSIGNED
                : topics.getValue();
        return ConfigValue.builder().withName(PROPERTY).withValue(topicsFor(stageTopics, track(context))).build();
    }

    private static String track(ConfigSourceInterceptorContext context) {
        ConfigValue track = context.proceed("openta.track");
        return track == null ? null : track.getValue();
    }

    /** The consumer group of a process of {@code track}: the canary lanes have a group of their own. */
    public static String groupFor(String group, String track) {
        return isCanary(track) ? group + "-canary" : group;
    }

    /** The topics a process of {@code track} reads, given its stage task topics (comma-separated). */
    public static String topicsFor(String stageTopics, String track) {
        if (!isCanary(track)) {
            return stageTopics;
        }
        return Arrays.stream(stageTopics.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .map(Topics::canaryOf).collect(Collectors.joining(","));
    }

    private static boolean isCanary(String track) {
        try {
            return Track.parse(track) == Track.CANARY;
        } catch (IllegalArgumentException e) {
            return false; // TrackCheck stops the start with its own line
        }
    }
}
