package io.openta.scheduler.rollout;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.openta.runtime.config.OpenTaConfig;
import io.openta.runtime.release.Segments;
import io.openta.runtime.release.SegmentsException;
import io.openta.scheduler.service.Leadership;
import io.openta.scheduler.service.LeaderTimer;
import io.openta.scheduler.service.OperatorException;
import io.openta.scheduler.service.ReleaseConfig;
import io.openta.scheduler.service.ReleaseService;
import io.openta.scheduler.service.ReleaseService.ReleaseStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Has the release step follow an Argo Rollout ({@code openta.release.rollout.name}): every
 * {@code openta.release.rollout.check-every} the leader reads the Rollout (argoproj.io/v1alpha1, as a generic
 * resource) and, when its status changed since the last read:
 * <ul>
 * <li>{@code status.abort} true or phase Degraded: aborts the canary as {@code ./openta release abort} does, if a step
 * is set and not already aborted;</li>
 * <li>otherwise: maps {@code status.currentStepIndex} to a step of the segments file
 * ({@link Segments#stepAtRolloutIndex}, by each step's {@code firstStepIndex}) and sets it as
 * {@code ./openta release set-step} does when it differs from the release's step, or when the Rollout was aborting at
 * the last read (a retried Rollout clears the abort).</li>
 * </ul>
 * Both go through {@link ReleaseService}, so a step change applies from the next stage start. Acting on changes only
 * leaves an operator's own abort or step in place until the Rollout moves. Off (no name, the default), no Kubernetes
 * client is created and nothing talks to an API server; followers (non-leaders) do not read the Rollout.
 */
@ApplicationScoped
public class RolloutFollower {
    private static final Logger LOG = Logger.getLogger(RolloutFollower.class);
    /** Argo's Rollout, named in full: the client then needs no API discovery (nor RBAC beyond rollouts). */
    private static final ResourceDefinitionContext ROLLOUTS = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Rollout").withPlural("rollouts")
            .withNamespaced(true).build();

    private final ReleaseService release;
    private final ReleaseConfig releaseConfig;
    private final RolloutConfig config;
    private final Leadership leadership;
    private final Instance<KubernetesClient> clients;
    private volatile LeaderTimer timer;
    /** The Rollout's state at the last read this process acted on; null before the first. */
    private RolloutState lastSeen;

    public RolloutFollower(ReleaseService release, ReleaseConfig releaseConfig, RolloutConfig config,
            Leadership leadership, Instance<KubernetesClient> clients) {
        this.release = release;
        this.releaseConfig = releaseConfig;
        this.config = config;
        this.leadership = leadership;
        this.clients = clients;
    }

    public boolean enabled() {
        return config.name().isPresent();
    }

    void onStart(@Observes StartupEvent event, OpenTaConfig openTa) {
        if (openTa.migrateOnly() || !enabled()) {
            return;
        }
        LOG.infof("the release step follows Rollout %s every %s", config.name().get(), config.checkEvery());
        timer = LeaderTimer.start("rollout-follower", config.checkEvery(), leadership, this::followOnce,
                () -> lastSeen = null);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.stop();
        }
    }

    private void followOnce() {
        KubernetesClient client = clients.get();
        follow(client, config.namespace().orElseGet(client::getNamespace), config.name().get());
    }

    /** Reads the Rollout {@code namespace/name} once and applies what changed; package-visible for the test. */
    synchronized void follow(KubernetesClient client, String namespace, String name) {
        GenericKubernetesResource rollout = client.genericKubernetesResources(ROLLOUTS)
                .inNamespace(namespace).withName(name).get();
        if (rollout == null) {
            throw new IllegalStateException("Rollout " + namespace + "/" + name
                    + " not found (openta.release.rollout.name/namespace)");
        }
        RolloutState state = RolloutState.of(rollout);
        if (state.equals(lastSeen)) {
            return;
        }
        String by = "rollout " + name;
        ReleaseStatus now = release.status();
        if (state.aborting()) {
            if (now.step() != null && !now.aborted()) {
                LOG.infof("Rollout %s/%s is aborted or degraded: aborting the canary", namespace, name);
                release.abort(by);
            }
        } else if (state.stepIndex() != null) {
            Optional<String> step = segments().stepAtRolloutIndex(state.stepIndex());
            boolean retried = lastSeen != null && lastSeen.aborting();
            if (step.isPresent() && (!Objects.equals(step.get(), now.step()) || (retried && now.aborted()))) {
                LOG.infof("Rollout %s/%s is at canary step %d: release step %s", namespace, name, state.stepIndex(),
                        step.get());
                release.setStep(step.get(), by);
            }
        }
        lastSeen = state;
    }

    private Segments segments() {
        Path file = releaseConfig.segmentsFile().orElseThrow(() -> new OperatorException(409,
                "no segments file: set openta.release.segments-file (env OPENTA_RELEASE_SEGMENTS_FILE)"));
        try {
            return Segments.read(file);
        } catch (SegmentsException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
