{{/* Data entries of <fullname>-credentials: the secrets given as values (empty when there are none). */}}
{{- define "trailwatch.credentialsData" -}}
{{- $v := .Values }}
{{- if $v.postgresql.password }}
postgresql-password: {{ $v.postgresql.password | b64enc }}
{{- end }}
{{- if and (include "trailwatch.kafkaSaslPassword" .) (not $v.kafka.sasl.existingSecret) }}
kafka-password: {{ required "kafka.sasl.existingSecret or kafka.sasl.password is required with SCRAM or PLAIN" $v.kafka.sasl.password | b64enc }}
{{- end }}
{{- if and $v.auth.oidc.enabled $v.auth.oidc.clientSecret (not $v.auth.oidc.existingSecret) }}
oidc-client-secret: {{ $v.auth.oidc.clientSecret | b64enc }}
{{- end }}
{{- if and $v.collector.enabled $v.collector.intakeTokens.values (not $v.collector.intakeTokens.existingSecret) }}
collector-intake-tokens: {{ join "," $v.collector.intakeTokens.values | b64enc }}
{{- end }}
{{- end }}

{{/* Data entries of the hook copy: what the pre-install/pre-upgrade Jobs need before the chart's Secrets exist. */}}
{{- define "trailwatch.hookCredentialsData" -}}
{{- $v := .Values }}
{{- if and $v.postgresql.password $v.migrations.job (or $v.query.enabled $v.alert.enabled) }}
postgresql-password: {{ $v.postgresql.password | b64enc }}
{{- end }}
{{- if and (include "trailwatch.kafkaSaslPassword" .) (not $v.kafka.sasl.existingSecret) }}
kafka-password: {{ required "kafka.sasl.existingSecret or kafka.sasl.password is required with SCRAM or PLAIN" $v.kafka.sasl.password | b64enc }}
{{- end }}
{{- end }}
