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
openta.io/zone-role: {{ .Values.zone.role }}
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

{{/* Non-secret environment of every function (and the migration Job) */}}
{{- define "openta.env" -}}
{{- $db := .Values.database -}}
QUARKUS_DATASOURCE_REACTIVE_URL: {{ printf "postgresql://%s:%d/%s" $db.host (int $db.port) $db.name | quote }}
QUARKUS_DATASOURCE_JDBC_URL: {{ printf "jdbc:postgresql://%s:%d/%s" $db.host (int $db.port) $db.name | quote }}
KAFKA_BOOTSTRAP_SERVERS: {{ .Values.kafka.bootstrapServers | quote }}
KAFKA_CLIENT_RACK: {{ .Values.zone.topologyZone | quote }}
OPENTA_TA_CODE: {{ .Values.openta.taCode | quote }}
OPENTA_SHARDS: {{ .Values.openta.shards | quote }}
OPENTA_STAGING_DIR: {{ .Values.staging.mountPath | quote }}
OPENTA_ZONE: {{ .Values.zone.id | quote }}
OPENTA_ZONE_ROLE: {{ .Values.zone.role | quote }}
OPENTA_RELEASE_SEGMENTS_FILE: {{ printf "%s/%s" (include "openta.segmentsDir" .) (include "openta-release.segmentsKey" .) | quote }}
{{- range $k, $v := .Values.openta.extraEnv }}
{{ $k }}: {{ $v | toString | quote }}
{{- end }}
{{- end -}}

{{/* Database credential env vars, from the existing Secret */}}
{{- define "openta.secretEnv" -}}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.usernameKey }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.passwordKey }}
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
{{- end -}}
