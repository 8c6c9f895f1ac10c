package io.openta.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.openta.k8s.Manifests.get;
import static io.openta.k8s.Manifests.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access app in the chart (issue 11, items 3, 6 and 7): its Deployment, SFTP Service, Ingress, Secrets, the
 * inbox/outbox volume in the functions, its NetworkPolicies, and the Kafka SASL/TLS settings shared by the pods
 * and KEDA. Rendered with the real Helm engine over zone a's values; every object is validated like the other
 * manifests (Fabric8 strict model, CRD schemas).
 */
class AccessChartTest {

    static final String RELEASE = "openta-a";
    static final String ACCESS = RELEASE + "-access";
    static final String USERS = "openta-access-users";
    static final String HOST_KEY = "openta-access-host-key";
    static final String MOUNT = "/var/openta/files";

    /** access on, with an SFTP LoadBalancer open to one client CIDR and an Ingress with TLS. */
    static Map<String, Object> enabled() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("access.enabled", true);
        s.put("files.enabled", true);
        s.put("files.storageClass", "openta-rwx");
        s.put("access.users.existingSecret", USERS);
        s.put("access.hostKey.existingSecret", HOST_KEY);
        s.put("access.sftp.service.type", "LoadBalancer");
        s.put("access.sftp.containerPort", 2222);
        s.put("access.sftp.service.port", 22);
        s.put("access.sftp.allowFrom.cidrs[0]", "203.0.113.0/24");
        s.put("access.ingress.host", "openta.example.com");
        s.put("access.ingress.className", "nginx");
        s.put("access.ingress.tlsSecretName", "openta-example-tls");
        return s;
    }

    static Map<String, Object> noCidrs() {
        Map<String, Object> s = enabled();
        s.remove("access.sftp.allowFrom.cidrs[0]");
        return s;
    }

    static List<JsonNode> render(Map<String, Object> sets) {
        return Manifests.parse(ChartRenderer.renderText(ChartRenderer.byName("zone-a"), sets));
    }

    static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> s = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            s.put((String) kv[i], kv[i + 1]);
        }
        return s;
    }

    static String renderFailure(Map<String, Object> sets) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> render(sets), "must fail: " + sets);
        return e.getMessage();
    }

    static Map<String, String> configEnv(List<JsonNode> objects) {
        Map<String, String> env = new HashMap<>();
        get(objects, "ConfigMap", RELEASE + "-config").path("data").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    static Map<String, JsonNode> volumes(JsonNode pod) {
        Map<String, JsonNode> v = new HashMap<>();
        pod.path("volumes").forEach(x -> v.put(x.path("name").asText(), x));
        return v;
    }

    /** mountPath -> volume, for one container of a pod. */
    static Map<String, JsonNode> mounted(JsonNode pod, JsonNode container) {
        Map<String, JsonNode> vols = volumes(pod);
        Map<String, JsonNode> out = new HashMap<>();
        container.path("volumeMounts").forEach(m -> out.put(m.path("mountPath").asText(), vols.get(m.path("name").asText())));
        return out;
    }

    /** The volume behind a file path, and the Secret item it shows there (checks that the file exists in the mount). */
    static JsonNode secretVolumeOfFile(JsonNode pod, JsonNode container, String file) {
        String dir = file.substring(0, file.lastIndexOf('/'));
        String name = file.substring(file.lastIndexOf('/') + 1);
        JsonNode vol = mounted(pod, container).get(dir);
        assertNotNull(vol, "a volume is mounted at " + dir);
        boolean listed = false;
        for (JsonNode item : vol.path("secret").path("items")) {
            listed |= name.equals(item.path("path").asText());
        }
        assertTrue(listed, file + " is an item of " + vol);
        return vol;
    }

    // ---- the access objects -------------------------------------------------------------------------------

    @Test
    void everyRenderedObjectIsValid() {
        List<JsonNode> objects = render(enabled());
        List<String> failures = new ArrayList<>();
        CrdSchemas crds = ManifestValidationTest.schemas();
        for (JsonNode o : objects) {
            if (StrictModel.supports(o)) {
                try {
                    StrictModel.validate(o);
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
            } else if (crds.supports(o)) {
                List<String> errors = crds.errors(o);
                if (!errors.isEmpty()) {
                    failures.add(Manifests.id(o) + ": " + errors);
                }
            } else {
                failures.add(Manifests.id(o) + ": neither a core kind nor a kind with a CRD schema");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        for (String kind : List.of("Deployment", "Ingress", "PersistentVolumeClaim", "TriggerAuthentication")) {
            assertFalse(ofKind(objects, kind).isEmpty(), kind + " rendered and validated");
        }
    }

    @Test
    void offByDefault() {
        List<JsonNode> objects = ChartRenderer.rendered(ChartRenderer.byName("zone-a"));
        assertTrue(ofKind(objects, "Deployment").isEmpty());
        assertTrue(ofKind(objects, "Ingress").isEmpty());
        assertTrue(ofKind(objects, "PersistentVolumeClaim").isEmpty());
        assertFalse(configEnv(objects).containsKey("OPENTA_ACCESS_DATA_ROOT"));
    }

    @Test
    void deploymentRunsTheAccessImageWithItsPortsSecretsAndVolume() {
        List<JsonNode> objects = render(enabled());
        JsonNode d = get(objects, "Deployment", ACCESS);
        assertEquals(1, d.path("spec").path("replicas").asInt(), "one access pod: its upload checks are per process");
        assertEquals("Recreate", d.path("spec").path("strategy").path("type").asText(), "never two access pods at once");
        JsonNode pod = Manifests.podSpec(d);
        JsonNode ctr = pod.path("containers").get(0);
        assertTrue(ctr.path("image").asText().endsWith("openta/access:1.0.0-SNAPSHOT"), ctr.path("image").asText());
        Map<String, Integer> ports = new HashMap<>();
        ctr.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertEquals(Map.of("http", 8080, "sftp", 2222), ports);

        Map<String, JsonNode> env = env(ctr);
        assertEquals("2222", env.get("OPENTA_ACCESS_SFTP_PORT").path("value").asText(), "the app listens where the port points");
        JsonNode users = secretVolumeOfFile(pod, ctr, env.get("OPENTA_ACCESS_CONFIG").path("value").asText());
        assertEquals(USERS, users.path("secret").path("secretName").asText());
        JsonNode hostKey = secretVolumeOfFile(pod, ctr, env.get("OPENTA_ACCESS_HOST_KEY").path("value").asText());
        assertEquals(HOST_KEY, hostKey.path("secret").path("secretName").asText());
        for (JsonNode secretVol : List.of(users, hostKey)) {
            // 0440: owner root, group = the pod's fsGroup, nobody else
            assertEquals(0440, secretVol.path("secret").path("defaultMode").asInt());
        }
        ctr.path("volumeMounts").forEach(m -> {
            if (m.path("name").asText().equals("users") || m.path("name").asText().equals("host-key")) {
                assertTrue(m.path("readOnly").asBoolean(), m.toString());
            }
        });

        // the data root (and the inbox/outbox under it) is the files claim
        Map<String, String> cfg = configEnv(objects);
        assertEquals(RELEASE + "-config", ctr.path("envFrom").get(0).path("configMapRef").path("name").asText());
        assertEquals(MOUNT, cfg.get("OPENTA_ACCESS_DATA_ROOT"));
        assertEquals(MOUNT + "/inbox", cfg.get("OPENTA_ACCESS_INBOX"));
        assertEquals(MOUNT + "/outbox", cfg.get("OPENTA_ACCESS_OUTBOX"));
        JsonNode data = mounted(pod, ctr).get(MOUNT);
        assertNotNull(data, "the files volume at the data root");
        assertEquals(RELEASE + "-files", data.path("persistentVolumeClaim").path("claimName").asText());

        // which fund manager's files a day waits for: the app's default (07) unless set
        assertFalse(env.containsKey("OPENTA_ACCESS_FUND_MANAGER_FILES"), "default: the quote file only");
        JsonNode all = Manifests.podSpec(get(render(with(enabled(), "access.fundManagerFiles[0]", "07",
                "access.fundManagerFiles[1]", "C1", "access.fundManagerFiles[2]", "C5")), "Deployment", ACCESS))
                .path("containers").get(0);
        assertEquals("07,C1,C5", env(all).get("OPENTA_ACCESS_FUND_MANAGER_FILES").path("value").asText());
        assertTrue(renderFailure(with(enabled(), "access.fundManagerFiles[0]", "03")).contains("fundManagerFiles"),
                "a distributor's type is refused by the schema");

        // the console's actions go to this release's scheduler Service
        assertEquals("http://" + RELEASE + "-scheduler:8080", env.get("OPENTA_ACCESS_SCHEDULER_URL").path("value").asText());
        get(objects, "Service", RELEASE + "-scheduler");
        // the scheduler's storage roots are where the access app puts and serves the files
        assertEquals(MOUNT + "/inbox", cfg.get("OPENTA_STORAGE_INBOX_ROOT"));
        assertEquals(MOUNT + "/outbox", cfg.get("OPENTA_STORAGE_OUTBOX_ROOT"));
        assertFalse(cfg.containsKey("OPENTA_ARRIVALS_ENABLED"), "arrival starts are off unless asked for");

        // database credentials only from the Secret
        assertEquals("openta-db-credentials", env.get("QUARKUS_DATASOURCE_PASSWORD").path("valueFrom").path("secretKeyRef").path("name").asText());
        assertFalse(env.get("QUARKUS_DATASOURCE_PASSWORD").has("value"));
    }

    @Test
    void accessPodHasTheFunctionsPodSecurity() {
        List<JsonNode> objects = render(enabled());
        JsonNode pod = Manifests.podSpec(get(objects, "Deployment", ACCESS));
        JsonNode fnPod = Manifests.podSpec(get(objects, "Rollout", RELEASE + "-scheduler"));
        assertEquals(fnPod.path("securityContext"), pod.path("securityContext"), "same pod security context as the functions");
        assertEquals(fnPod.path("containers").get(0).path("securityContext"), pod.path("containers").get(0).path("securityContext"));
        JsonNode psc = pod.path("securityContext");
        assertTrue(psc.path("runAsNonRoot").asBoolean());
        assertEquals("RuntimeDefault", psc.path("seccompProfile").path("type").asText());
        JsonNode sc = pod.path("containers").get(0).path("securityContext");
        assertTrue(sc.path("readOnlyRootFilesystem").asBoolean());
        assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true));
        assertEquals("ALL", sc.path("capabilities").path("drop").get(0).asText());
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true));
        assertEquals(ACCESS, pod.path("serviceAccountName").asText());
        assertFalse(get(objects, "ServiceAccount", ACCESS).path("automountServiceAccountToken").asBoolean(true));
        JsonNode expr = pod.path("affinity").path("nodeAffinity").path("requiredDuringSchedulingIgnoredDuringExecution")
                .path("nodeSelectorTerms").get(0).path("matchExpressions").get(0);
        assertEquals("zone-a", expr.path("values").get(0).asText(), "pinned to its zone like the functions");
    }

    @Test
    void sftpServiceExposesTheConfiguredPortAndType() {
        List<JsonNode> objects = render(enabled());
        JsonNode pod = get(objects, "Deployment", ACCESS).path("spec").path("template");
        JsonNode svc = get(objects, "Service", ACCESS + "-sftp").path("spec");
        assertEquals("LoadBalancer", svc.path("type").asText());
        assertEquals("Local", svc.path("externalTrafficPolicy").asText(), "the client address reaches the NetworkPolicy");
        JsonNode port = svc.path("ports").get(0);
        assertEquals(22, port.path("port").asInt());
        assertEquals("sftp", port.path("targetPort").asText());
        svc.path("selector").fields().forEachRemaining(e ->
                assertEquals(e.getValue(), pod.path("metadata").path("labels").path(e.getKey()), "selector " + e.getKey()));
        assertEquals(RELEASE, svc.path("selector").path("app.kubernetes.io/instance").asText(), "this release's access pod only");

        JsonNode nodePort = get(render(with(enabled(), "access.sftp.service.type", "NodePort",
                "access.sftp.service.nodePort", 30022, "access.sftp.service.port", 2022)), "Service", ACCESS + "-sftp").path("spec");
        assertEquals("NodePort", nodePort.path("type").asText());
        assertEquals(30022, nodePort.path("ports").get(0).path("nodePort").asInt());
        assertEquals(2022, nodePort.path("ports").get(0).path("port").asInt());

        JsonNode clusterIp = get(render(with(enabled(), "access.sftp.service.type", "ClusterIP")), "Service", ACCESS + "-sftp").path("spec");
        assertEquals("ClusterIP", clusterIp.path("type").asText());
        assertTrue(clusterIp.path("externalTrafficPolicy").isMissingNode(), "only for node ports and load balancers");
    }

    @Test
    void ingressOnlyWithAHost() {
        List<JsonNode> objects = render(enabled());
        JsonNode ing = get(objects, "Ingress", ACCESS).path("spec");
        assertEquals("nginx", ing.path("ingressClassName").asText());
        assertEquals("openta-example-tls", ing.path("tls").get(0).path("secretName").asText());
        assertEquals("openta.example.com", ing.path("tls").get(0).path("hosts").get(0).asText());
        JsonNode rule = ing.path("rules").get(0);
        assertEquals("openta.example.com", rule.path("host").asText());
        JsonNode backend = rule.path("http").path("paths").get(0).path("backend").path("service");
        JsonNode svc = get(objects, "Service", backend.path("name").asText()).path("spec");
        assertEquals("http", backend.path("port").path("name").asText());
        assertEquals("http", svc.path("ports").get(0).path("name").asText());
        assertEquals("http", svc.path("ports").get(0).path("targetPort").asText(), "to the container's port 8080");

        List<JsonNode> noHost = render(with(enabled(), "access.ingress.host", ""));
        assertTrue(ofKind(noHost, "Ingress").isEmpty(), "no host, no Ingress");
        JsonNode noTls = get(render(with(enabled(), "access.ingress.tlsSecretName", "")), "Ingress", ACCESS).path("spec");
        assertTrue(noTls.path("tls").isMissingNode());
    }

    // ---- the files volume ------------------------------------------------------------------------------------

    @Test
    void filesClaimIsReadWriteManyAndKept() {
        JsonNode pvc = get(render(enabled()), "PersistentVolumeClaim", RELEASE + "-files");
        assertEquals("ReadWriteMany", pvc.path("spec").path("accessModes").get(0).asText());
        assertEquals(1, pvc.path("spec").path("accessModes").size());
        assertEquals("openta-rwx", pvc.path("spec").path("storageClassName").asText());
        assertEquals("100Gi", pvc.path("spec").path("resources").path("requests").path("storage").asText());
        assertEquals("keep", pvc.path("metadata").path("annotations").path("helm.sh/resource-policy").asText(),
                "uninstalling never deletes the distributors' files");
    }

    @Test
    void theFunctionsThatReadTheInboxOrWriteTheOutboxMountTheSameClaim() {
        for (String claim : new String[] {"", "openta-a-files-shared"}) {
            List<JsonNode> objects = render(with(enabled(), "files.existingClaim", claim));
            String expected = claim.isEmpty() ? RELEASE + "-files" : claim;
            assertEquals(claim.isEmpty() ? 1 : 0, ofKind(objects, "PersistentVolumeClaim").size(), "created only without existingClaim");
            JsonNode accessPod = Manifests.podSpec(get(objects, "Deployment", ACCESS));
            assertEquals(expected, mounted(accessPod, accessPod.path("containers").get(0)).get(MOUNT)
                    .path("persistentVolumeClaim").path("claimName").asText());
            for (String f : OpenTa.FUNCTIONS) {
                JsonNode pod = Manifests.podSpec(get(objects, "Rollout", RELEASE + "-" + f));
                JsonNode vol = mounted(pod, pod.path("containers").get(0)).get(MOUNT);
                if (List.of("day-init", "file-import", "scheduler").contains(f)) {
                    assertNotNull(vol, f + " mounts the files volume at " + MOUNT);
                    assertEquals(expected, vol.path("persistentVolumeClaim").path("claimName").asText(), f);
                } else {
                    assertEquals(null, vol, f + " works on the database and staging only");
                }
            }
        }
        // the list is a value: a function added to it mounts the volume too
        List<JsonNode> objects = render(with(enabled(), "files.functions[0]", "export"));
        JsonNode pod = Manifests.podSpec(get(objects, "Rollout", RELEASE + "-export"));
        assertNotNull(mounted(pod, pod.path("containers").get(0)).get(MOUNT));
    }

    @Test
    void zoneBMountsZoneAsClaimWithoutRunningTheAccessApp() {
        List<JsonNode> objects = Manifests.parse(ChartRenderer.renderText(ChartRenderer.byName("zone-b"),
                Map.of("files.enabled", true, "files.existingClaim", "openta-a-files")));
        assertTrue(ofKind(objects, "Deployment").isEmpty());
        assertTrue(ofKind(objects, "PersistentVolumeClaim").isEmpty());
        JsonNode pod = Manifests.podSpec(get(objects, "Rollout", "openta-b-day-init"));
        assertEquals("openta-a-files", mounted(pod, pod.path("containers").get(0)).get(MOUNT)
                .path("persistentVolumeClaim").path("claimName").asText());
    }

    // ---- NetworkPolicies ---------------------------------------------------------------------------------------

    /** Whether a NetworkPolicy's podSelector (matchLabels and matchExpressions In/NotIn) selects pods with these labels. */
    static boolean selects(JsonNode policy, JsonNode labels) {
        JsonNode sel = policy.path("spec").path("podSelector");
        boolean[] ok = {true};
        sel.path("matchLabels").fields().forEachRemaining(e -> ok[0] &= e.getValue().asText().equals(labels.path(e.getKey()).asText()));
        for (JsonNode ex : sel.path("matchExpressions")) {
            Set<String> values = new HashSet<>();
            ex.path("values").forEach(v -> values.add(v.asText()));
            String actual = labels.has(ex.path("key").asText()) ? labels.path(ex.path("key").asText()).asText() : null;
            switch (ex.path("operator").asText()) {
                case "In" -> ok[0] &= actual != null && values.contains(actual);
                case "NotIn" -> ok[0] &= actual == null || !values.contains(actual);
                default -> throw new AssertionError("operator not evaluated here: " + ex);
            }
        }
        return ok[0];
    }

    static List<JsonNode> policiesOf(List<JsonNode> objects, JsonNode podLabels, String type) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : ofKind(objects, "NetworkPolicy")) {
            boolean hasType = false;
            for (JsonNode t : p.path("spec").path("policyTypes")) {
                hasType |= type.equals(t.asText());
            }
            if (hasType && selects(p, podLabels)) {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void accessPodMayReachOnlyDnsKafkaAndPostgres() {
        List<JsonNode> objects = render(enabled());
        JsonNode labels = get(objects, "Deployment", ACCESS).path("spec").path("template").path("metadata").path("labels");
        List<JsonNode> egress = policiesOf(objects, labels, "Egress");
        assertTrue(egress.stream().anyMatch(p -> Manifests.name(p).equals(RELEASE + "-default-deny")), "deny by default");
        Set<Integer> ports = new TreeSet<>();
        for (JsonNode p : egress) {
            for (JsonNode rule : p.path("spec").path("egress")) {
                assertFalse(rule.path("ports").isMissingNode(), Manifests.name(p) + ": every egress rule names its ports");
                rule.path("ports").forEach(x -> ports.add(x.path("port").asInt()));
            }
        }
        assertEquals(new TreeSet<>(List.of(53, 5432, 9092, 9093, 8080)), ports, "DNS, PostgreSQL, Kafka, the scheduler's 8080");
        // 8080 only towards the schedulers (the console's actions), not the stage functions
        JsonNode schedulerLabels = get(objects, "Rollout", RELEASE + "-scheduler").path("spec").path("template").path("metadata").path("labels");
        JsonNode stageLabels = get(objects, "Rollout", RELEASE + "-clearing").path("spec").path("template").path("metadata").path("labels");
        int httpRules = 0;
        for (JsonNode p : egress) {
            for (JsonNode rule : p.path("spec").path("egress")) {
                boolean http = false;
                for (JsonNode x : rule.path("ports")) {
                    http |= x.path("port").asInt() == 8080;
                }
                if (!http) {
                    continue;
                }
                httpRules++;
                assertEquals(1, rule.path("ports").size(), rule.toString());
                for (JsonNode to : rule.path("to")) {
                    JsonNode match = to.path("podSelector").path("matchLabels");
                    assertFalse(match.isMissingNode() || match.isEmpty(), "8080 to named pods only: " + rule);
                    match.fields().forEachRemaining(e -> assertEquals(e.getValue().asText(), schedulerLabels.path(e.getKey()).asText(),
                            "the scheduler's pods carry " + e.getKey()));
                    assertFalse(matches(match, stageLabels), "a stage function's pods are not reachable: " + rule);
                }
            }
        }
        assertEquals(1, httpRules, "one rule for the scheduler's HTTP port");

        // the functions keep their own rules, including OpenTA <-> OpenTA on 8080
        JsonNode fnLabels = get(objects, "Rollout", RELEASE + "-clearing").path("spec").path("template").path("metadata").path("labels");
        Set<Integer> fnPorts = new TreeSet<>();
        policiesOf(objects, fnLabels, "Egress").forEach(p -> p.path("spec").path("egress")
                .forEach(r -> r.path("ports").forEach(x -> fnPorts.add(x.path("port").asInt()))));
        assertTrue(fnPorts.contains(8080), fnPorts.toString());
    }

    @Test
    void accessPodAcceptsSftpFromTheAllowedClientsAndHttpFromTheIngressController() {
        List<JsonNode> objects = render(enabled());
        JsonNode labels = get(objects, "Deployment", ACCESS).path("spec").path("template").path("metadata").path("labels");
        Map<String, List<String>> fromByPort = new HashMap<>();
        for (JsonNode p : policiesOf(objects, labels, "Ingress")) {
            for (JsonNode rule : p.path("spec").path("ingress")) {
                for (JsonNode port : rule.path("ports")) {
                    for (JsonNode from : rule.path("from")) {
                        fromByPort.computeIfAbsent(port.path("port").asText(), k -> new ArrayList<>()).add(from.toString());
                    }
                }
            }
        }
        assertEquals(Set.of("sftp", "http"), fromByPort.keySet(), "only the SFTP and HTTP ports: " + fromByPort);
        assertEquals(List.of("{\"ipBlock\":{\"cidr\":\"203.0.113.0/24\"}}"), fromByPort.get("sftp"));
        assertTrue(fromByPort.get("http").contains("{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"ingress-nginx\"}}}"),
                fromByPort.toString());
        assertFalse(fromByPort.get("http").stream().anyMatch(f -> f.contains("podSelector")), "no other OpenTA pod calls it");

        // namespaces as SFTP clients; and nothing on SFTP when no client is allowed
        List<JsonNode> ns = render(with(noCidrs(),
                "access.sftp.allowFrom.namespaceSelectors[0].kubernetes\\.io/metadata\\.name", "partners"));
        String rules = get(ns, "NetworkPolicy", RELEASE + "-access-ingress").toString();
        assertTrue(rules.contains("\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"partners\"}}"), rules);
        List<JsonNode> none = render(noCidrs()); // the default: no client CIDR, no namespace
        String closed = get(none, "NetworkPolicy", RELEASE + "-access-ingress").toString();
        assertFalse(closed.contains("sftp"), closed);
    }

    // ---- failures --------------------------------------------------------------------------------------------

    private static boolean matches(JsonNode matchLabels, JsonNode podLabels) {
        boolean[] all = { true };
        matchLabels.fields().forEachRemaining(e -> all[0] &= e.getValue().asText().equals(podLabels.path(e.getKey()).asText()));
        return all[0];
    }

    @Test
    void arrivalStartsAndTheCutOffReachTheSchedulerWhenAskedFor() {
        Map<String, String> cfg = configEnv(render(with(enabled(), "arrivals.enabled", true, "arrivals.cutOff", "15:30",
                "arrivals.timeZone", "Asia/Shanghai")));
        assertEquals("true", cfg.get("OPENTA_ARRIVALS_ENABLED"));
        assertEquals("15:30", cfg.get("OPENTA_ARRIVALS_CUT_OFF"));
        assertEquals("Asia/Shanghai", cfg.get("OPENTA_ARRIVALS_ZONE"));
        assertTrue(renderFailure(with(enabled(), "arrivals.cutOff", "25:00")).contains("cutOff"), "a cut-off that is no time is refused");
        assertTrue(renderFailure(Map.of("arrivals.enabled", true)).contains("arrivals.enabled needs files.enabled"),
                "no arrival starts without the files volume");
    }

    @Test
    void missingUsersSecretFails() {
        String msg = renderFailure(with(enabled(), "access.users.existingSecret", ""));
        assertTrue(msg.contains("access.users.existingSecret is required with access.enabled"), msg);
    }

    @Test
    void missingHostKeySecretFails() {
        String msg = renderFailure(with(enabled(), "access.hostKey.existingSecret", ""));
        assertTrue(msg.contains("access.hostKey.existingSecret is required with access.enabled"), msg);
    }

    @Test
    void accessWithoutTheFilesVolumeFails() {
        String msg = renderFailure(with(enabled(), "files.enabled", false));
        assertTrue(msg.contains("access.enabled needs files.enabled"), msg);
    }

    @Test
    void missingDatabaseSecretFailsWithAClearMessage() {
        String msg = renderFailure(Map.of("database.existingSecret", ""));
        assertTrue(msg.contains("database.existingSecret is required"), msg);
        // the CloudNativePG option brings its own Secret
        assertFalse(render(Map.of("database.existingSecret", "", "database.cloudnativepg.enabled", true)).isEmpty());
    }

    @Test
    void missingKafkaSecretFailsWithSaslSsl() {
        String msg = renderFailure(Map.of("kafka.security.existingSecret", ""));
        assertTrue(msg.contains("kafka.security.existingSecret is required with kafka.security.protocol=SASL_SSL"), msg);
        assertFalse(render(Map.of("kafka.security.existingSecret", "", "kafka.security.protocol", "PLAINTEXT")).isEmpty());
    }

    @Test
    void sftpPortBelow1025IsRejected() {
        String msg = renderFailure(with(enabled(), "access.sftp.containerPort", 22));
        assertTrue(msg.contains("containerPort"), msg);
    }

    // ---- Kafka client security ------------------------------------------------------------------------------

    @Test
    void everyKafkaClientAndKedaUseTheSameSaslTlsSettings() {
        List<JsonNode> objects = render(enabled());
        Map<String, String> cfg = configEnv(objects);
        assertEquals("SASL_SSL", cfg.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", cfg.get("KAFKA_SASL_MECHANISM"));
        assertEquals("PEM", cfg.get("KAFKA_SSL_TRUSTSTORE_TYPE"));
        String truststore = cfg.get("KAFKA_SSL_TRUSTSTORE_LOCATION");

        List<JsonNode> workloads = new ArrayList<>(ofKind(objects, "Rollout"));
        workloads.add(get(objects, "Deployment", ACCESS));
        workloads.add(get(objects, "Job", RELEASE + "-migrate"));
        assertEquals(OpenTa.FUNCTIONS.size() + 2, workloads.size());
        for (JsonNode w : workloads) {
            JsonNode pod = Manifests.podSpec(w);
            JsonNode ctr = pod.path("containers").get(0);
            JsonNode jaas = env(ctr).get("KAFKA_SASL_JAAS_CONFIG");
            assertNotNull(jaas, Manifests.id(w));
            assertEquals("openta-kafka-client", jaas.path("valueFrom").path("secretKeyRef").path("name").asText());
            assertEquals("sasl.jaas.config", jaas.path("valueFrom").path("secretKeyRef").path("key").asText());
            assertFalse(jaas.has("value"), "never a literal JAAS line");
            JsonNode ca = secretVolumeOfFile(pod, ctr, truststore);
            assertEquals("openta-kafka-cluster-ca-cert", ca.path("secret").path("secretName").asText(), Manifests.id(w));
            if (!"Job".equals(Manifests.kind(w))) {
                assertEquals(RELEASE + "-config", ctr.path("envFrom").get(0).path("configMapRef").path("name").asText());
            } else {
                assertEquals("SASL_SSL", env(ctr).get("KAFKA_SECURITY_PROTOCOL").path("value").asText(), "the Job's inline env");
            }
        }

        JsonNode ta = get(objects, "TriggerAuthentication", RELEASE + "-kafka").path("spec");
        Map<String, String> secretRefs = new HashMap<>();
        ta.path("secretTargetRef").forEach(r -> secretRefs.put(r.path("parameter").asText(),
                r.path("name").asText() + "/" + r.path("key").asText()));
        assertEquals(Map.of("username", "openta-kafka-client/username", "password", "openta-kafka-client/password",
                "ca", "openta-kafka-cluster-ca-cert/ca.crt"), secretRefs, "KEDA reads the functions' Secret and CA");
        Map<String, String> keda = new HashMap<>();
        ta.path("configMapTargetRef").forEach(r -> {
            JsonNode cm = get(objects, "ConfigMap", r.path("name").asText());
            keda.put(r.path("parameter").asText(), cm.path("data").path(r.path("key").asText()).asText());
        });
        assertEquals(Map.of("sasl", "scram_sha512", "tls", "enable"), keda, "KEDA's spelling of SCRAM-SHA-512 over TLS");
        for (JsonNode so : ofKind(objects, "ScaledObject")) {
            assertEquals(RELEASE + "-kafka", so.path("spec").path("triggers").get(0).path("authenticationRef").path("name").asText(),
                    Manifests.name(so));
        }

        List<JsonNode> sha256 = render(with(enabled(), "kafka.security.saslMechanism", "SCRAM-SHA-256"));
        assertEquals("SCRAM-SHA-256", configEnv(sha256).get("KAFKA_SASL_MECHANISM"));
        assertEquals("scram_sha256", get(sha256, "ConfigMap", RELEASE + "-kafka-keda").path("data").path("sasl").asText());
    }

    @Test
    void plaintextHasNoSaslAndAnExistingTriggerAuthenticationIsUsedAsIs() {
        List<JsonNode> plain = render(with(enabled(), "kafka.security.protocol", "PLAINTEXT"));
        Map<String, String> cfg = configEnv(plain);
        assertFalse(cfg.containsKey("KAFKA_SECURITY_PROTOCOL"));
        assertFalse(cfg.containsKey("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        assertTrue(ofKind(plain, "TriggerAuthentication").isEmpty());
        for (JsonNode so : ofKind(plain, "ScaledObject")) {
            assertTrue(so.path("spec").path("triggers").get(0).path("authenticationRef").isMissingNode());
        }
        assertFalse(env(Manifests.podSpec(get(plain, "Deployment", ACCESS)).path("containers").get(0)).containsKey("KAFKA_SASL_JAAS_CONFIG"));

        List<JsonNode> existing = render(with(enabled(), "kafka.triggerAuthentication", "corp-kafka"));
        assertTrue(ofKind(existing, "TriggerAuthentication").isEmpty());
        for (JsonNode so : ofKind(existing, "ScaledObject")) {
            assertEquals("corp-kafka", so.path("spec").path("triggers").get(0).path("authenticationRef").path("name").asText());
        }

        // no CA Secret: the JVM's trust store, no truststore settings, no ca for KEDA
        List<JsonNode> noCa = render(with(enabled(), "kafka.security.ca.existingSecret", ""));
        assertFalse(configEnv(noCa).containsKey("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        assertFalse(get(noCa, "TriggerAuthentication", RELEASE + "-kafka").toString().contains("\"ca\""));
    }
}
