{{/*
Names. The full name is truncated to 40 characters so that the longest suffix the chart adds
("-internal-credentials") and the StatefulSet's controller-revision-hash label still fit in 63.
*/}}
{{- define "trailwatch.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "trailwatch.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "trailwatch.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The four services, in a fixed order. */}}
{{- define "trailwatch.components" -}}
collector rules alert query
{{- end }}

{{/* The port each service listens on (its Quarkus default). Argument: component name. */}}
{{- define "trailwatch.containerPort" -}}
{{- get (dict "query" "8080" "collector" "8081" "rules" "8082" "alert" "8083") . }}
{{- end }}

{{/* Whether a component owns a PostgreSQL schema. Argument: component name. */}}
{{- define "trailwatch.usesDatabase" -}}
{{- if has . (list "query" "alert") }}true{{ end }}
{{- end }}

{{/* Name of a component's resources. Arguments: dict root, component. */}}
{{- define "trailwatch.componentFullname" -}}
{{- printf "%s-%s" (include "trailwatch.fullname" .root) .component }}
{{- end }}

{{/* Labels of every resource. Arguments: dict root, component (may be empty). */}}
{{- define "trailwatch.labels" -}}
helm.sh/chart: {{ include "trailwatch.chart" .root }}
{{ include "trailwatch.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: trailwatch
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Selector labels: name, instance and component only (selectors are immutable). Arguments: dict root, component. */}}
{{- define "trailwatch.selectorLabels" -}}
app.kubernetes.io/name: {{ include "trailwatch.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- if .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
{{- end }}

{{/* ServiceAccount of a component. Arguments: dict root, component. */}}
{{- define "trailwatch.serviceAccountName" -}}
{{- $values := index .root.Values .component }}
{{- if $values.serviceAccount.create }}
{{- default (include "trailwatch.componentFullname" .) $values.serviceAccount.name }}
{{- else }}
{{- default "default" $values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Image reference of a component. Arguments: dict root, component. */}}
{{- define "trailwatch.image" -}}
{{- $values := index .root.Values .component }}
{{- $global := .root.Values.image }}
{{- $repository := $values.image.repository | default (printf "%s/%s/%s-service" $global.registry $global.repositoryPrefix .component) }}
{{- if $values.image.digest }}
{{- printf "%s@%s" $repository $values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repository ($values.image.tag | default $global.tag | default .root.Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/* Image reference from a {registry, repository, tag} block. */}}
{{- define "trailwatch.plainImage" -}}
{{- if .registry }}
{{- printf "%s/%s:%s" .registry .repository .tag }}
{{- else }}
{{- printf "%s:%s" .repository .tag }}
{{- end }}
{{- end }}

{{/* Secret names. Argument: root context. */}}
{{- define "trailwatch.credentialsSecretName" -}}
{{- printf "%s-credentials" (include "trailwatch.fullname" .) }}
{{- end }}

{{- define "trailwatch.hookCredentialsSecretName" -}}
{{- printf "%s-hook-credentials" (include "trailwatch.fullname" .) }}
{{- end }}

{{- define "trailwatch.internalSecretName" -}}
{{- .Values.auth.internalCredentials.existingSecret | default (printf "%s-internal-credentials" (include "trailwatch.fullname" .)) }}
{{- end }}

{{- define "trailwatch.alertKeySecretName" -}}
{{- .Values.alert.secretKey.existingSecret | default (printf "%s-alert-key" (include "trailwatch.fullname" .)) }}
{{- end }}

{{/* Where the PostgreSQL password comes from: a secretKeyRef body. Argument: root context. */}}
{{- define "trailwatch.postgresqlPasswordRef" -}}
{{- if .Values.postgresql.password }}
name: {{ include "trailwatch.credentialsSecretName" . }}
key: postgresql-password
{{- else }}
name: {{ required "postgresql.existingSecret or postgresql.password is required" .Values.postgresql.existingSecret }}
key: {{ .Values.postgresql.passwordKey }}
{{- end }}
{{- end }}

{{/* The hook copy of the PostgreSQL password reference (chart-created Secrets do not exist yet during pre-install). */}}
{{- define "trailwatch.hookPostgresqlPasswordRef" -}}
{{- if .Values.postgresql.password }}
name: {{ include "trailwatch.hookCredentialsSecretName" . }}
key: postgresql-password
{{- else }}
{{- include "trailwatch.postgresqlPasswordRef" . }}
{{- end }}
{{- end }}

{{/* Whether Kafka uses a SASL password (SCRAM or PLAIN). Argument: root context. */}}
{{- define "trailwatch.kafkaSaslPassword" -}}
{{- if has .Values.kafka.sasl.mechanism (list "SCRAM-SHA-256" "SCRAM-SHA-512" "PLAIN") }}true{{ end }}
{{- end }}

{{/* secretKeyRef body of the Kafka SASL password. Arguments: dict root, hook (bool). */}}
{{- define "trailwatch.kafkaPasswordRef" -}}
{{- $kafka := .root.Values.kafka }}
{{- if $kafka.sasl.existingSecret }}
name: {{ $kafka.sasl.existingSecret }}
key: {{ $kafka.sasl.passwordKey }}
{{- else if .hook }}
name: {{ include "trailwatch.hookCredentialsSecretName" .root }}
key: kafka-password
{{- else }}
name: {{ include "trailwatch.credentialsSecretName" .root }}
key: kafka-password
{{- end }}
{{- end }}

{{/* Kafka security.protocol. Argument: root context. */}}
{{- define "trailwatch.kafkaSecurityProtocol" -}}
{{- $kafka := .Values.kafka }}
{{- if $kafka.sasl.mechanism }}
{{- if $kafka.tls.enabled }}SASL_SSL{{ else }}SASL_PLAINTEXT{{ end }}
{{- else }}
{{- if $kafka.tls.enabled }}SSL{{ else }}PLAINTEXT{{ end }}
{{- end }}
{{- end }}

{{/*
Kafka client settings shared by every Kafka client (producer, consumer, admin, Kafka Streams), as properties
without prefix. Secrets are never written here: they are ${...} expressions resolved from environment variables
that come from Secrets. Argument: root context.
*/}}
{{- define "trailwatch.kafkaClientProperties" -}}
{{- $kafka := .Values.kafka }}
{{- $mechanism := $kafka.sasl.mechanism }}
security.protocol={{ include "trailwatch.kafkaSecurityProtocol" . }}
{{- if $mechanism }}
sasl.mechanism={{ $mechanism }}
{{- if eq $mechanism "AWS_MSK_IAM" }}
sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;
sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler
{{- else if eq $mechanism "PLAIN" }}
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${TRAILWATCH_KAFKA_USERNAME}" password="${TRAILWATCH_KAFKA_PASSWORD}";
{{- else }}
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${TRAILWATCH_KAFKA_USERNAME}" password="${TRAILWATCH_KAFKA_PASSWORD}";
{{- end }}
{{- end }}
{{- if and $kafka.tls.enabled $kafka.tls.caSecret }}
ssl.truststore.type=PEM
ssl.truststore.location=/etc/trailwatch/kafka-ca/{{ $kafka.tls.caKey }}
{{- end }}
{{- if and $kafka.tls.enabled $kafka.tls.clientCertificate.enabled }}
ssl.keystore.type=PKCS12
ssl.keystore.location=/etc/trailwatch/kafka-client/{{ $kafka.tls.clientCertificate.keystoreKey }}
ssl.keystore.password=${TRAILWATCH_KAFKA_KEYSTORE_PASSWORD}
{{- end }}
{{- end }}

{{/* Environment variables carrying Kafka secrets. Arguments: dict root, hook (bool). */}}
{{- define "trailwatch.kafkaSecretEnv" -}}
{{- $kafka := .root.Values.kafka }}
{{- if include "trailwatch.kafkaSaslPassword" .root }}
- name: TRAILWATCH_KAFKA_USERNAME
  value: {{ required "kafka.sasl.username is required with SCRAM or PLAIN" $kafka.sasl.username | quote }}
- name: TRAILWATCH_KAFKA_PASSWORD
  valueFrom:
    secretKeyRef:
      {{- include "trailwatch.kafkaPasswordRef" . | nindent 6 }}
{{- end }}
{{- if and $kafka.tls.enabled $kafka.tls.clientCertificate.enabled }}
- name: TRAILWATCH_KAFKA_KEYSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ required "kafka.tls.clientCertificate.existingSecret is required for mutual TLS" $kafka.tls.clientCertificate.existingSecret }}
      key: {{ $kafka.tls.clientCertificate.passwordKey }}
{{- end }}
{{- end }}

{{/* Volumes with Kafka TLS material. Argument: root context. */}}
{{- define "trailwatch.kafkaVolumes" -}}
{{- $tls := .Values.kafka.tls }}
{{- if and $tls.enabled $tls.caSecret }}
- name: kafka-ca
  secret:
    secretName: {{ $tls.caSecret }}
    items:
      - key: {{ $tls.caKey }}
        path: {{ $tls.caKey }}
{{- end }}
{{- if and $tls.enabled $tls.clientCertificate.enabled }}
- name: kafka-client
  secret:
    secretName: {{ $tls.clientCertificate.existingSecret }}
    items:
      - key: {{ $tls.clientCertificate.keystoreKey }}
        path: {{ $tls.clientCertificate.keystoreKey }}
{{- end }}
{{- end }}

{{- define "trailwatch.kafkaVolumeMounts" -}}
{{- $tls := .Values.kafka.tls }}
{{- if and $tls.enabled $tls.caSecret }}
- name: kafka-ca
  mountPath: /etc/trailwatch/kafka-ca
  readOnly: true
{{- end }}
{{- if and $tls.enabled $tls.clientCertificate.enabled }}
- name: kafka-client
  mountPath: /etc/trailwatch/kafka-client
  readOnly: true
{{- end }}
{{- end }}

{{/* JDBC URL of the PostgreSQL server. Argument: root context. */}}
{{- define "trailwatch.jdbcUrl" -}}
{{- $pg := .Values.postgresql }}
{{- $params := list (printf "sslmode=%s" $pg.sslMode) }}
{{- if $pg.caSecret }}
{{- $params = append $params (printf "sslrootcert=/etc/trailwatch/postgresql-ca/%s" $pg.caKey) }}
{{- end }}
{{- range $key, $value := $pg.jdbcParameters }}
{{- $params = append $params (printf "%s=%s" $key (include "trailwatch.scalar" $value)) }}
{{- end }}
{{- printf "jdbc:postgresql://%s:%v/%s?%s" $pg.host $pg.port $pg.database (join "&" $params) }}
{{- end }}

{{- define "trailwatch.postgresqlVolumes" -}}
{{- if .Values.postgresql.caSecret }}
- name: postgresql-ca
  secret:
    secretName: {{ .Values.postgresql.caSecret }}
    items:
      - key: {{ .Values.postgresql.caKey }}
        path: {{ .Values.postgresql.caKey }}
{{- end }}
{{- end }}

{{- define "trailwatch.postgresqlVolumeMounts" -}}
{{- if .Values.postgresql.caSecret }}
- name: postgresql-ca
  mountPath: /etc/trailwatch/postgresql-ca
  readOnly: true
{{- end }}
{{- end }}

{{/* Whether the built-in users are on for a component: always on the internal backends. Arguments: dict root, component. */}}
{{- define "trailwatch.localUsersEnabled" -}}
{{- if or (has .component (list "alert" "rules")) .root.Values.auth.localUsers.enabled }}true{{ end }}
{{- end }}

{{/* A .properties key: characters that end or split a key are escaped. */}}
{{- define "trailwatch.propertyKey" -}}
{{- . | replace "\\" "\\\\" | replace " " "\\ " | replace ":" "\\:" | replace "=" "\\=" | replace "#" "\\#" | replace "!" "\\!" }}
{{- end }}

{{/* A scalar as text; whole numbers stay whole (YAML numbers reach templates as float64, e.g. 5.24288e+07). */}}
{{- define "trailwatch.scalar" -}}
{{- if and (kindIs "float64" .) (eq . (floor .)) }}
{{- int64 . }}
{{- else }}
{{- toString . }}
{{- end }}
{{- end }}

{{/* A .properties value: lists become comma-separated; backslashes and line breaks are escaped. */}}
{{- define "trailwatch.propertyValue" -}}
{{- $text := "" }}
{{- if kindIs "slice" . }}
{{- $items := list }}
{{- range . }}
{{- $items = append $items (include "trailwatch.scalar" .) }}
{{- end }}
{{- $text = join "," $items }}
{{- else }}
{{- $text = include "trailwatch.scalar" . }}
{{- end }}
{{- $text | replace "\\" "\\\\" | replace "\n" "\\n" }}
{{- end }}

{{/*
Flattens a map of settings into properties below a prefix; camelCase keys become kebab-case (queueUrl ->
queue-url), lists become comma-separated values. Arguments: dict prefix, map.
*/}}
{{- define "trailwatch.flattenProperties" -}}
{{- $prefix := .prefix }}
{{- range $key, $value := .map }}
{{- $name := printf "%s.%s" $prefix (kebabcase $key) }}
{{- if kindIs "map" $value }}
{{- include "trailwatch.flattenProperties" (dict "prefix" $name "map" $value) }}
{{- else if not (kindIs "invalid" $value) }}
{{ $name }}={{ include "trailwatch.propertyValue" $value }}
{{- end }}
{{- end }}
{{- end }}

{{/* The restricted container security context, with an optional user id. Arguments: dict root, runAsUser. */}}
{{- define "trailwatch.containerSecurityContext" -}}
{{- $context := deepCopy .root.Values.containerSecurityContext }}
{{- if .runAsUser }}
{{- $_ := set $context "runAsUser" .runAsUser }}
{{- end }}
{{- toYaml $context }}
{{- end }}

{{/* Pod security context for hook and test pods that run images with their own user. Arguments: dict root, runAsUser. */}}
{{- define "trailwatch.auxPodSecurityContext" -}}
{{- $context := omit .root.Values.podSecurityContext "fsGroup" "fsGroupChangePolicy" "runAsUser" "runAsGroup" }}
{{- $_ := set $context "runAsUser" .runAsUser }}
{{- toYaml $context }}
{{- end }}

{{/* The base URL of the UI for links in notifications. Argument: root context. */}}
{{- define "trailwatch.uiBaseUrl" -}}
{{- if .Values.alert.uiBaseUrl }}
{{- .Values.alert.uiBaseUrl }}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts }}
{{- $host := (first .Values.ingress.hosts).host }}
{{- if .Values.ingress.tls }}https://{{ $host }}{{ else }}http://{{ $host }}{{ end }}
{{- else }}
{{- printf "http://%s:%v" (include "trailwatch.componentFullname" (dict "root" . "component" "query")) .Values.query.service.port }}
{{- end }}
{{- end }}
