package io.openta.scheduler.service;

/**
 * One step of a stage: its name, how many shard tasks it is split into, and whether it is per-account (each
 * account's work depends on that account's rows only, so a canary release step can split each shard in a stable
 * and a canary lane). Fund-wide steps (totals, residue ranking), routing, numbering and file steps (files mix the
 * accounts of a distributor) are not per-account: they always run on the stable track.
 */
public record Step(String name, int shards, boolean perAccount) {
    public Step(String name, int shards) {
        this(name, shards, false);
    }
}
