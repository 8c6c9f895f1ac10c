{{/*
Helpers of the OpenTA release strategy. Named templates are global in Helm, so the parent chart
(helm/openta) calls them to build each Rollout's canary steps from the same values that render the
AnalysisTemplates and the segment ConfigMap here.
*/}}

{{/* Name of an AnalysisTemplate: dict "releaseName" <helm release name> "metric" <metric> */}}
{{- define "openta-release.analysisTemplateName" -}}
{{- printf "%s-%s" .releaseName .metric | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of the segment ConfigMap; context: the root context (uses .Release.Name) */}}
{{- define "openta-release.segmentsConfigMapName" -}}
{{- printf "%s-release-segments" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Key of the segment document inside the ConfigMap */}}
{{- define "openta-release.segmentsKey" -}}segments.json{{- end -}}

{{/*
The release plan: a JSON list of steps, in order, each
{phase, step, canaryWeight, pause, bucketPercent, accountGroups, firstStepIndex}.
Context: the strategy values (.Values of this chart, or .Values.strategy in the parent).
*/}}
{{- define "openta-release.plan" -}}
{{- $p := .phases -}}
{{- $buckets := int (default 100 .segments.buckets) -}}
{{- $plan := list -}}
{{- $plan = append $plan (dict "phase" "beta" "step" "beta" "canaryWeight" (int $p.beta.canaryWeight) "pause" (default "manual" $p.beta.pause) "bucketPercent" 0 "accountGroups" $p.beta.accountGroups) -}}
{{- $groups := concat $p.beta.accountGroups $p.group.accountGroups | uniq -}}
{{- $plan = append $plan (dict "phase" "group" "step" "group" "canaryWeight" (int $p.group.canaryWeight) "pause" (default "manual" $p.group.pause) "bucketPercent" 0 "accountGroups" $groups) -}}
{{- range $p.gray.steps -}}
{{- $plan = append $plan (dict "phase" "gray" "step" (printf "gray-%d" (int .percent)) "canaryWeight" (int .canaryWeight) "pause" (default "manual" .pause) "bucketPercent" (int .percent) "accountGroups" $groups) -}}
{{- end -}}
{{- $plan = append $plan (dict "phase" "full" "step" "full" "canaryWeight" 100 "pause" (default "manual" $p.full.pause) "bucketPercent" 100 "accountGroups" $groups) -}}
{{- $out := list -}}
{{- $prevWeight := 0 -}}
{{- range $i, $s := $plan -}}
{{- if lt (int $s.canaryWeight) $prevWeight -}}
{{- fail (printf "strategy: step %s lowers the canary weight (%d < %d); weights must not decrease" $s.step (int $s.canaryWeight) $prevWeight) -}}
{{- end -}}
{{- $prevWeight = int $s.canaryWeight -}}
{{- $bucketsTo := div (mul $buckets (int $s.bucketPercent)) 100 -}}
{{- $out = append $out (merge (dict "firstStepIndex" (mul $i 3) "buckets" (ternary (list 0 (sub $bucketsTo 1)) list (gt (int $bucketsTo) 0))) $s) -}}
{{- end -}}
{{- toJson $out -}}
{{- end -}}

{{/*
The canary steps of one function's Rollout.
dict "strategy" <strategy values> "stage" <function name> "releaseName" <helm release> "namespace" <namespace>
     "version" <the image tag being rolled out: the canary's OPENTA_VERSION, which the analysis selects>
*/}}
{{- define "openta-release.canarySteps" -}}
{{- $ctx := . -}}
{{- $plan := include "openta-release.plan" .strategy | fromJsonArray -}}
{{- range $plan }}
# ---- phase {{ .phase }}: step {{ .step }}{{ if gt (int .bucketPercent) 0 }} ({{ .bucketPercent }}% of account buckets){{ else }} (account groups {{ join ", " .accountGroups }}){{ end }}
- setWeight: {{ .canaryWeight }}
{{- if eq .pause "manual" }}
- pause: {}
{{- else }}
- pause:
    duration: {{ .pause }}
{{- end }}
- analysis:
    templates:
      - templateName: {{ include "openta-release.analysisTemplateName" (dict "releaseName" $ctx.releaseName "metric" "task-failure-rate") }}
      - templateName: {{ include "openta-release.analysisTemplateName" (dict "releaseName" $ctx.releaseName "metric" "verify-mismatches") }}
    args:
      - name: stage
        value: {{ $ctx.stage | quote }}
      - name: namespace
        value: {{ $ctx.namespace | quote }}
      - name: phase
        value: {{ .phase | quote }}
      - name: segment
        value: {{ .step | quote }}
      - name: canary-version
        value: {{ $ctx.version | quote }}
{{- if $ctx.strategy.analysis.byPodTemplateHash }}
      - name: canary-hash
        valueFrom:
          podTemplateHashValue: Latest
{{- end }}
{{- end }}
{{- end -}}
