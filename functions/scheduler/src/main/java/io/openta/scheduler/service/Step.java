package io.openta.scheduler.service;

/** One step of a stage: its name and how many shard tasks it is split into. */
public record Step(String name, int shards) {
}
