{{/* Annotations of a pre-install/pre-upgrade hook resource. Argument: weight. */}}
{{- define "trailwatch.hookAnnotations" -}}
helm.sh/hook: pre-install,pre-upgrade
helm.sh/hook-weight: {{ . | quote }}
helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
{{- end }}

{{/* Whether any pre-install/pre-upgrade Job runs. Argument: root context. */}}
{{- define "trailwatch.hooksEnabled" -}}
{{- if or (eq .Values.kafka.topics.provisioning "job") (and .Values.migrations.job (or .Values.query.enabled .Values.alert.enabled)) }}true{{ end }}
{{- end }}

{{- define "trailwatch.hookServiceAccountName" -}}
{{- printf "%s-hooks" (include "trailwatch.fullname" .) }}
{{- end }}
