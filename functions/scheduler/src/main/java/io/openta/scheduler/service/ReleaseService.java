package io.openta.scheduler.service;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.openta.runtime.db.Transactions;
import io.openta.runtime.release.Segment;
import io.openta.runtime.release.Segments;
import io.openta.runtime.release.SegmentsException;
import io.openta.scheduler.repository.ReleaseRepository;
import io.openta.scheduler.repository.ReleaseRepository.ReleaseRow;

/**
 * The gray release's current step. Setting a step reads the segments file and stores the step's resolved segment;
 * a file that does not parse, a step it does not define, or overlapping buckets are refused with the file's one
 * line, and the stored release is left as it was. A stage takes the release's segment when it starts
 * ({@link ReleaseRepository#startStage}): a change applies from the next stage boundary on, never inside a stage.
 * Aborting the canary sends every stage started afterwards to the stable track only; the canary's work of a day not
 * yet published is undone when that day would publish ({@link CanaryGuard}).
 */
@ApplicationScoped
public class ReleaseService {
    private static final Logger LOG = Logger.getLogger(ReleaseService.class);

    private final FencedTransactions db;
    private final Transactions reads;
    private final ReleaseConfig config;

    public ReleaseService(FencedTransactions db, Transactions reads, ReleaseConfig config) {
        this.db = db;
        this.reads = reads;
        this.config = config;
    }

    /**
     * @param step      the release step set, or null
     * @param segment   what its segment holds (one line), or null
     * @param aborted   the canary is aborted: new stages run on stable only
     * @param canaryNow whether a stage starting now sends the segment's work to the canary track
     */
    public record ReleaseStatus(String step, String segment, boolean aborted, boolean canaryNow, String updatedAt,
            String updatedBy, String segmentsFile) {
    }

    public ReleaseStatus status() {
        ReleaseRow r = reads.inTransaction(ReleaseRepository::read);
        return new ReleaseStatus(r.step(), r.segment() == null ? null : r.segment().describe(), r.aborted(),
                r.activeSegment() != null, r.updatedAt(), r.updatedBy(),
                config.segmentsFile().map(Path::toString).orElse(null));
    }

    public ReleaseStatus setStep(String step, String by) {
        Path file = config.segmentsFile().orElseThrow(() -> new OperatorException(409,
                "no segments file: set openta.release.segments-file (env OPENTA_RELEASE_SEGMENTS_FILE)"));
        Segment segment;
        try {
            segment = Segments.read(file).segment(step);
        } catch (SegmentsException e) {
            LOG.warnf("release step %s by %s refused: %s", step, by, e.getMessage());
            throw new OperatorException(400, e.getMessage());
        }
        db.inTransaction(sql -> {
            ReleaseRepository.setStep(sql, segment, by);
            return null;
        });
        LOG.infof("release step %s set by %s (%s); it applies from the next stage start", step, by,
                segment.describe());
        return status();
    }

    public ReleaseStatus abort(String by) {
        db.inTransaction(sql -> {
            ReleaseRow r = ReleaseRepository.lock(sql);
            if (r.step() == null) {
                throw new OperatorException(409, "no release step is set: there is no canary to abort");
            }
            ReleaseRepository.abort(sql, by);
            return null;
        });
        LOG.infof("canary aborted by %s: stages starting from now run on the stable track only", by);
        return status();
    }
}
