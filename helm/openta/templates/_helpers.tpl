{{/* Chart name */}}
{{- define "openta.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name prefix of every resource: the release name (openta-a, openta-b), or fullnameOverride */}}
{{- define "openta.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* chart label */}}
{{- define "openta.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of a function's objects: dict "root" $ "fn" <function> */}}
{{- define "openta.functionFullname" -}}
{{- printf "%s-%s" (include "openta.fullname" .root) .fn | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Common labels: root context */}}
{{- define "openta.labels" -}}
helm.sh/chart: {{ include "openta.chart" . }}
app.kubernetes.io/name: {{ include "openta.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ (default .Chart.AppVersion .Values.image.tag) | trunc 63 | quote }}
app.kubernetes.io/part-of: openta
app.kubernetes.io/managed-by: {{ .Release.Service }}
openta.io/zone: {{ .Values.zone.id | quote }}
openta.io/zone-role: {{ include "openta.zoneRole" . }}
{{- end -}}

{{/* Selector labels of one function in this release (zone): dict "root" $ "fn" <function> */}}
{{- define "openta.selectorLabels" -}}
app.kubernetes.io/name: {{ include "openta.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .fn }}
{{- end -}}

{{/* Labels of one function's objects: dict "root" $ "fn" <function> */}}
{{- define "openta.functionLabels" -}}
{{ include "openta.labels" .root }}
app.kubernetes.io/component: {{ .fn }}
openta.io/function: {{ .fn }}
{{- end -}}

{{/* Labels selecting one function's pods in EVERY zone (the Service spans the zones): dict "root" $ "fn" <function> */}}
{{- define "openta.crossZoneSelectorLabels" -}}
app.kubernetes.io/name: {{ include "openta.name" .root }}
app.kubernetes.io/part-of: openta
openta.io/function: {{ .fn }}
{{- end -}}

{{/* Effective settings of one function (functionDefaults overridden by functions.<fn>), as JSON: dict "root" $ "fn" <function> */}}
{{- define "openta.functionConfig" -}}
{{- $cfg := index .root.Values.functions .fn -}}
{{- toJson (mergeOverwrite (deepCopy .root.Values.functionDefaults) (deepCopy $cfg)) -}}
{{- end -}}

{{/* Image of a function: dict "root" $ "fn" <function> */}}
{{- define "openta.image" -}}
{{- $img := .root.Values.image -}}
{{- $repo := printf "%s/%s" $img.repositoryPrefix .fn -}}
{{- if $img.registry }}{{ $repo = printf "%s/%s" $img.registry $repo }}{{ end -}}
{{- printf "%s:%s" $repo (default .root.Chart.AppVersion $img.tag) -}}
{{- end -}}

{{/* Name of the ConfigMap with the functions' environment */}}
{{- define "openta.configName" -}}
{{- printf "%s-config" (include "openta.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Where the segment ConfigMap is mounted */}}
{{- define "openta.segmentsDir" -}}/etc/openta/release{{- end -}}

{{/* "primary" when this release's zone is zones.primary, else "secondary" (a label only; no function reads it) */}}
{{- define "openta.zoneRole" -}}
{{- if eq .Values.zone.id .Values.zones.primary -}}primary{{- else -}}secondary{{- end -}}
{{- end -}}

{{/*
Partitions of each task topic that a zone owns while both zones have live consumers: dict "root" $ "zone" <a|b>.
The primary owns round(partitions * share / 100), rounded half up (integer arithmetic, so 2.5 -> 3, like Java's
Math.round), the other zone the rest. This is the split the functions' Kafka partition assignor is to make from
OPENTA_ZONES_PRIMARY / OPENTA_ZONES_PRIMARY_SHARE (issue 9, item 1); the KEDA bounds below follow from it.
*/}}
{{- define "openta.zonePartitions" -}}
{{- $p := int .root.Values.kafka.partitions -}}
{{- $primary := div (add (mul $p (int .root.Values.zones.primaryShare)) 50) 100 -}}
{{- if eq .zone .root.Values.zones.primary -}}{{ $primary }}{{- else -}}{{ sub $p $primary }}{{- end -}}
{{- end -}}

{{/*
KEDA settings of one function in this release's zone, as JSON: dict "root" $ "fn" <function>. The ONE place the
replica bounds and lag threshold are computed. Fields:
  scaledObject  render a ScaledObject (KEDA enabled and the zone owns at least one partition, or the scheduler)
  replicas      Rollout spec.replicas when there is no ScaledObject
  min, max      minReplicaCount, maxReplicaCount
  lagThreshold  lag per replica KEDA aims at
Stages: min 0 (a stage sleeps without lag; any lag above activationLagThreshold wakes it), max = the partitions
this zone owns (a consumer beyond one per owned partition would get no partition from the assignor). Both zones
share one consumer group, so each ScaledObject sees the lag of the WHOLE topic; the scheduler sends a step's
shard tasks one to each partition, so a step puts up to `partitions` tasks of lag there (more only keeps the max). lagThreshold = max(1, floor(partitions /
owned)) makes KEDA's ceil(lag / lagThreshold) reach `max` when every partition has a task (ceil(partitions /
floor(partitions / owned)) >= owned) and stay near the zone's share of the lag below that.
Scheduler: min = max = 1 in every case (one per zone, never zero); with KEDA off, replicas 1.
*/}}
{{- define "openta.scaling" -}}
{{- $f := include "openta.functionConfig" (dict "root" .root "fn" .fn) | fromJson -}}
{{- $p := int .root.Values.kafka.partitions -}}
{{- if $f.scheduler -}}
{{- toJson (dict "scaledObject" $f.keda.enabled "replicas" 1 "min" 1 "max" 1 "lagThreshold" $p) -}}
{{- else -}}
{{- $owned := int (include "openta.zonePartitions" (dict "root" .root "zone" .root.Values.zone.id)) -}}
{{- $threshold := 1 -}}
{{- if gt $owned 0 }}{{ $threshold = max 1 (div $p $owned) }}{{ end -}}
{{- toJson (dict "scaledObject" (and $f.keda.enabled (gt $owned 0)) "replicas" (min (int $f.replicas) $owned) "min" 0 "max" $owned "lagThreshold" $threshold) -}}
{{- end -}}
{{- end -}}

{{/* Database host, port, Secret and its keys: the CloudNativePG Cluster's when enabled, else database.* */}}
{{- define "openta.db" -}}
{{- $db := .Values.database -}}
{{- if $db.cloudnativepg.enabled -}}
{{- toJson (dict "host" (printf "%s-rw" $db.cloudnativepg.clusterName) "port" 5432 "name" $db.name "secret" (printf "%s-app" $db.cloudnativepg.clusterName) "usernameKey" "username" "passwordKey" "password") -}}
{{- else -}}
{{- toJson (dict "host" $db.host "port" (int $db.port) "name" $db.name "secret" $db.existingSecret "usernameKey" $db.usernameKey "passwordKey" $db.passwordKey) -}}
{{- end -}}
{{- end -}}

{{/* Non-secret environment of every function (and the migration Job) */}}
{{- define "openta.env" -}}
{{- $db := include "openta.db" . | fromJson -}}
QUARKUS_DATASOURCE_REACTIVE_URL: {{ printf "postgresql://%s:%d/%s" $db.host (int $db.port) $db.name | quote }}
QUARKUS_DATASOURCE_JDBC_URL: {{ printf "jdbc:postgresql://%s:%d/%s" $db.host (int $db.port) $db.name | quote }}
KAFKA_BOOTSTRAP_SERVERS: {{ .Values.kafka.bootstrapServers | quote }}
KAFKA_CLIENT_RACK: {{ .Values.zone.topologyZone | quote }}
OPENTA_TA_CODE: {{ .Values.openta.taCode | quote }}
OPENTA_SHARDS: {{ .Values.openta.shards | quote }}
OPENTA_STAGING_DIR: {{ .Values.staging.mountPath | quote }}
OPENTA_ZONE: {{ .Values.zone.id | quote }}
OPENTA_ZONES_PRIMARY: {{ .Values.zones.primary | quote }}
OPENTA_ZONES_PRIMARY_SHARE: {{ .Values.zones.primaryShare | toString | quote }}
OPENTA_RELEASE_SEGMENTS_FILE: {{ printf "%s/%s" (include "openta.segmentsDir" .) (include "openta-release.segmentsKey" .) | quote }}
OPENTA_SHADOW_ENABLED: {{ .Values.shadow.enabled | toString | quote }}
{{- if .Values.releaseFollower.enabled }}
{{- /* read by the scheduler only (rollout.RolloutFollower) */}}
OPENTA_RELEASE_ROLLOUT_NAME: {{ include "openta.functionFullname" (dict "root" . "fn" .Values.releaseFollower.function) | quote }}
OPENTA_RELEASE_ROLLOUT_NAMESPACE: {{ .Release.Namespace | quote }}
OPENTA_RELEASE_ROLLOUT_CHECK_EVERY: {{ .Values.releaseFollower.checkEvery | quote }}
{{- end }}
{{- if eq .Values.kafka.security.protocol "SASL_SSL" }}
{{- /* Quarkus passes every KAFKA_* variable to its default Kafka configuration as the kafka.* property
       (KAFKA_SECURITY_PROTOCOL -> security.protocol): see README "Kafka client security" */}}
KAFKA_SECURITY_PROTOCOL: "SASL_SSL"
KAFKA_SASL_MECHANISM: {{ .Values.kafka.security.saslMechanism | quote }}
{{- if .Values.kafka.security.ca.existingSecret }}
KAFKA_SSL_TRUSTSTORE_TYPE: "PEM"
KAFKA_SSL_TRUSTSTORE_LOCATION: {{ printf "%s/%s" (include "openta.kafkaCaDir" .) .Values.kafka.security.ca.key | quote }}
{{- end }}
{{- end }}
{{- if .Values.files.enabled }}
OPENTA_ACCESS_DATA_ROOT: {{ .Values.files.mountPath | quote }}
OPENTA_ACCESS_INBOX: {{ printf "%s/inbox" .Values.files.mountPath | quote }}
OPENTA_ACCESS_OUTBOX: {{ printf "%s/outbox" .Values.files.mountPath | quote }}
{{- /* the scheduler's roots: day D reads <inbox>/D and writes <outbox>/D, where the access app puts and serves them */}}
OPENTA_STORAGE_INBOX_ROOT: {{ printf "%s/inbox" .Values.files.mountPath | quote }}
OPENTA_STORAGE_OUTBOX_ROOT: {{ printf "%s/outbox" .Values.files.mountPath | quote }}
{{- end }}
{{- if .Values.arrivals.enabled }}
OPENTA_ARRIVALS_ENABLED: "true"
{{- with .Values.arrivals.cutOff }}
OPENTA_ARRIVALS_CUT_OFF: {{ . | quote }}
{{- end }}
{{- with .Values.arrivals.timeZone }}
OPENTA_ARRIVALS_ZONE: {{ . | quote }}
{{- end }}
{{- end }}
{{- with .Values.operatorAuth.issuer }}
MP_JWT_VERIFY_ISSUER: {{ . | quote }}
{{- end }}
{{- with .Values.operatorAuth.publicKeyLocation }}
MP_JWT_VERIFY_PUBLICKEY_LOCATION: {{ . | quote }}
{{- end }}
{{- range $k, $v := .Values.openta.extraEnv }}
{{ $k }}: {{ $v | toString | quote }}
{{- end }}
{{- end -}}

{{/* Database credential env vars, from the existing Secret (or the CloudNativePG app Secret) */}}
{{- define "openta.secretEnv" -}}
{{- $db := include "openta.db" . | fromJson -}}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $db.secret }}
      key: {{ $db.usernameKey }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $db.secret }}
      key: {{ $db.passwordKey }}
{{- end -}}

{{/* Where the Kafka CA certificate Secret is mounted */}}
{{- define "openta.kafkaCaDir" -}}/etc/openta/kafka-ca{{- end -}}

{{/* Kafka credential env var (the JAAS line from the Kafka user's Secret); empty with PLAINTEXT */}}
{{- define "openta.kafkaSecretEnv" -}}
{{- $k := .Values.kafka.security -}}
{{- if eq $k.protocol "SASL_SSL" }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ $k.existingSecret }}
      key: {{ $k.jaasConfigKey }}
{{- end }}
{{- end -}}

{{/* Volume mount of the Kafka CA (a list item, or nothing) */}}
{{- define "openta.kafkaCaMount" -}}
{{- if and (eq .Values.kafka.security.protocol "SASL_SSL") .Values.kafka.security.ca.existingSecret }}
- name: kafka-ca
  mountPath: {{ include "openta.kafkaCaDir" . }}
  readOnly: true
{{- end }}
{{- end -}}

{{/* Volume of the Kafka CA (a list item, or nothing) */}}
{{- define "openta.kafkaCaVolume" -}}
{{- if and (eq .Values.kafka.security.protocol "SASL_SSL") .Values.kafka.security.ca.existingSecret }}
- name: kafka-ca
  secret:
    secretName: {{ .Values.kafka.security.ca.existingSecret }}
    items:
      - key: {{ .Values.kafka.security.ca.key }}
        path: {{ .Values.kafka.security.ca.key }}
{{- end }}
{{- end -}}

{{/* Name of the TriggerAuthentication the ScaledObjects use: the existing one named in the values, the chart's, or "" */}}
{{- define "openta.triggerAuthentication" -}}
{{- if .Values.kafka.triggerAuthentication -}}
{{- .Values.kafka.triggerAuthentication -}}
{{- else if eq .Values.kafka.security.protocol "SASL_SSL" -}}
{{- printf "%s-kafka" (include "openta.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Name of the inbox/outbox claim: files.existingClaim, or the one this release creates */}}
{{- define "openta.filesClaim" -}}
{{- default (printf "%s-files" (include "openta.fullname" .) | trunc 63 | trimSuffix "-") .Values.files.existingClaim -}}
{{- end -}}

{{/* Egress rules every OpenTA pod needs: DNS, Kafka, PostgreSQL (list items of a NetworkPolicy's egress) */}}
{{- define "openta.egressDnsKafkaDb" -}}
{{- $np := .Values.networkPolicy -}}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
  ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
- to:
    - podSelector:
        {{- with $np.kafka.podSelector }}
        matchLabels:
          {{- toYaml . | nindent 10 }}
        {{- else }} {}
        {{- end }}
      {{- with $np.kafka.namespaceSelector }}
      namespaceSelector:
        matchLabels:
          {{- toYaml . | nindent 10 }}
      {{- end }}
  ports:
    {{- range $np.kafka.ports }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
- to:
    {{- if .Values.database.cloudnativepg.enabled }}
    # the CloudNativePG instances of the Cluster (the operator labels them cnpg.io/cluster)
    - podSelector:
        matchLabels:
          cnpg.io/cluster: {{ .Values.database.cloudnativepg.clusterName }}
    {{- else if $np.database.cidrs }}
    {{- range $np.database.cidrs }}
    - ipBlock:
        cidr: {{ . }}
    {{- end }}
    {{- else }}
    - podSelector:
        {{- with $np.database.podSelector }}
        matchLabels:
          {{- toYaml . | nindent 10 }}
        {{- else }} {}
        {{- end }}
      {{- with $np.database.namespaceSelector }}
      namespaceSelector:
        matchLabels:
          {{- toYaml . | nindent 10 }}
      {{- end }}
    {{- end }}
  ports:
    - port: {{ $np.database.port }}
      protocol: TCP
{{- end -}}

{{/* Hooks of the migration Job: post-install when this release creates the CloudNativePG Cluster (it cannot exist before install) */}}
{{- define "openta.migrationHook" -}}
{{- if and .Values.database.cloudnativepg.enabled (eq .Values.zone.id .Values.database.cloudnativepg.ownerZone) -}}
post-install,pre-upgrade
{{- else -}}
pre-install,pre-upgrade
{{- end -}}
{{- end -}}

{{/* Node affinity pinning pods to this release's zone */}}
{{- define "openta.zoneAffinity" -}}
nodeAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    nodeSelectorTerms:
      - matchExpressions:
          - key: topology.kubernetes.io/zone
            operator: In
            values:
              - {{ .Values.zone.topologyZone | quote }}
{{- end -}}

{{/* Checks that apply to the values as a whole */}}
{{- define "openta.validate" -}}
{{- if ne (int .Values.kafka.partitions) (int .Values.openta.shards) -}}
{{- fail (printf "kafka.partitions (%d) must equal openta.shards (%d): one partition per shard" (int .Values.kafka.partitions) (int .Values.openta.shards)) -}}
{{- end -}}
{{- if and (not .Values.database.cloudnativepg.enabled) (not .Values.database.existingSecret) -}}
{{- fail "database.existingSecret is required: the name of an existing Secret with the database user and password (keys database.usernameKey/passwordKey), or set database.cloudnativepg.enabled. The chart never renders a credential" -}}
{{- end -}}
{{- if and (eq .Values.kafka.security.protocol "SASL_SSL") (not .Values.kafka.security.existingSecret) -}}
{{- fail "kafka.security.existingSecret is required with kafka.security.protocol=SASL_SSL: the name of an existing Secret with the Kafka user's username, password and sasl.jaas.config keys" -}}
{{- end -}}
{{- if .Values.access.enabled -}}
{{- if not .Values.access.users.existingSecret -}}
{{- fail "access.users.existingSecret is required with access.enabled: the name of an existing Secret holding the users file (there is no default user)" -}}
{{- end -}}
{{- if not .Values.access.hostKey.existingSecret -}}
{{- fail "access.hostKey.existingSecret is required with access.enabled: the name of an existing Secret holding the SSH host private key (no key is generated in the pod)" -}}
{{- end -}}
{{- if not .Values.files.enabled -}}
{{- fail "access.enabled needs files.enabled: the access app writes uploads into the inbox on the files volume" -}}
{{- end -}}
{{- end -}}
{{- if and .Values.arrivals.enabled (not .Values.files.enabled) -}}
{{- fail "arrivals.enabled needs files.enabled: a day started by its files reads them from the inbox on the files volume" -}}
{{- end -}}
{{- if .Values.files.enabled -}}
{{- range .Values.files.functions -}}
{{- if not (hasKey $.Values.functions .) -}}
{{- fail (printf "files.functions names %q, which is not a function of the chart" .) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if .Values.database.cloudnativepg.enabled -}}
{{- $n := int .Values.database.cloudnativepg.synchronous.number -}}
{{- $i := int .Values.database.cloudnativepg.instances -}}
{{- if gt $n (sub $i 1) -}}
{{- fail (printf "database.cloudnativepg.synchronous.number (%d) needs at least %d instances (database.cloudnativepg.instances=%d)" $n (add 1 $n) $i) -}}
{{- end -}}
{{- /* instances spread evenly over two zones put at most ceil(i/2) in the primary's zone, i.e. ceil(i/2) - 1 standbys:
       waiting for ceil(i/2) standbys means at least one acknowledgement from another zone */ -}}
{{- $half := div (add $i 1) 2 -}}
{{- if lt $n $half -}}
{{- fail (printf "database.cloudnativepg.synchronous.number (%d) must be at least %d with %d instances over two zones: fewer could all be in the primary's zone" $n $half $i) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Whether function .fn's pods mount their ServiceAccount's API token: the scheduler's does when it follows a Rollout */}}
{{- define "openta.automountToken" -}}
{{- or .root.Values.serviceAccount.automountServiceAccountToken (and (eq .fn "scheduler") .root.Values.releaseFollower.enabled) -}}
{{- end -}}
