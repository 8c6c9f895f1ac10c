package io.openta.scheduler.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.openta.scheduler.security.ReleaseInfra;
import io.openta.scheduler.service.Leadership;
import io.openta.scheduler.service.ReleaseService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/**
 * The release step following an Argo Rollout, against the real scheduler, PostgreSQL and Kafka. The Kubernetes API
 * server is the fabric8 mock server (the Kubernetes client's own test server): no Kubernetes API server can run
 * here. It answers the Rollout's GET with the status each step of the test sets up; the scheduler's Kubernetes client
 * is pointed at it by {@link WithKubernetesTestServer}.
 */
@QuarkusTest
@QuarkusTestResource(ReleaseInfra.class)
@WithKubernetesTestServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolloutFollowerTest {
    private static final String NAMESPACE = "openta";
    private static final String ROLLOUT = "openta-clearing";
    private static final String PATH = "/apis/argoproj.io/v1alpha1/namespaces/" + NAMESPACE + "/rollouts/" + ROLLOUT;
    /** The rollout chart's plan: 3 canary steps (setWeight, pause, analysis) per release step. */
    private static final String PLAN = """
            {"accountGroups": {"internal-test": {"accounts": ["100000000001"]}},
             "steps": [{"step": "beta", "accountGroups": ["internal-test"], "firstStepIndex": 0},
                       {"step": "gray-20", "accountGroups": ["internal-test"], "buckets": [0, 19], "firstStepIndex": 3},
                       {"step": "full", "accountGroups": ["internal-test"], "buckets": [0, 99], "firstStepIndex": 6}]}""";

    @KubernetesTestServer
    KubernetesServer apiServer;
    @Inject
    KubernetesClient client;
    @Inject
    RolloutFollower follower;
    @Inject
    ReleaseService release;
    @Inject
    Leadership leadership;
    @ConfigProperty(name = "openta.release.segments-file")
    String segmentsFile;

    @Test
    @Order(1)
    void offByDefaultItNeverCallsTheApiServer() throws Exception {
        awaitLeadership();
        assertFalse(follower.enabled(), "no openta.release.rollout.name: the follower is off");
        // the scheduler has run as leader with the follower off: the API server got no request at all
        assertEquals(0, apiServer.getKubernetesMockServer().getRequestCount());
    }

    @Test
    @Order(2)
    void theReleaseStepFollowsTheRolloutsCurrentStepAndItsAbort() throws Exception {
        awaitLeadership();
        Files.writeString(Path.of(segmentsFile), PLAN);

        // canary step 4 (the pause of gray-20's steps 3..5) is release step gray-20
        rolloutAt(4, false, "Paused");
        follower.follow(client, NAMESPACE, ROLLOUT);
        assertEquals("gray-20", release.status().step());
        assertFalse(release.status().aborted());

        // promoted on to canary step 6: full
        rolloutAt(6, false, "Progressing");
        follower.follow(client, NAMESPACE, ROLLOUT);
        assertEquals("full", release.status().step());

        // the Rollout is aborted: so is the canary, as `openta release abort` does
        rolloutAt(6, true, "Degraded");
        follower.follow(client, NAMESPACE, ROLLOUT);
        assertTrue(release.status().aborted());
        assertEquals("full", release.status().step());

        // retried from the start: step beta, the abort cleared
        rolloutAt(0, false, "Paused");
        follower.follow(client, NAMESPACE, ROLLOUT);
        assertEquals("beta", release.status().step());
        assertFalse(release.status().aborted());

        // an operator's own abort stays while the Rollout does not move
        release.abort("ada");
        rolloutAt(0, false, "Paused");
        follower.follow(client, NAMESPACE, ROLLOUT);
        assertTrue(release.status().aborted());
    }

    private void rolloutAt(int stepIndex, boolean abort, String phase) {
        GenericKubernetesResource rollout = new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1")
                .withKind("Rollout").withNewMetadata().withName(ROLLOUT).withNamespace(NAMESPACE).endMetadata()
                .withAdditionalProperties(Map.of("status", Map.of("currentStepIndex", stepIndex, "abort", abort,
                        "phase", phase)))
                .build();
        apiServer.expect().get().withPath(PATH).andReturn(200, rollout).once();
    }

    private void awaitLeadership() throws InterruptedException {
        for (int i = 0; i < 600 && !leadership.isLeader(); i++) {
            Thread.sleep(100);
        }
        assertTrue(leadership.isLeader(), "the scheduler took the lease");
    }
}
