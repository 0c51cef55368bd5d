{{/*
The configuration file of one service: /etc/trailwatch/config/application.properties, loaded through
QUARKUS_CONFIG_LOCATIONS with ordinal 270, so it overrides the defaults packaged in the service (250) and is
overridden by environment variables (300). It never holds a secret: secrets are ${...} expressions resolved from
environment variables that come from Secrets. A service's `config` values come last and win.
Arguments: dict root, component.
*/}}
{{- define "trailwatch.properties" -}}
{{- $root := .root }}
{{- $component := .component }}
{{- $values := index $root.Values $component }}
{{- $topics := $root.Values.kafka.topics }}
{{- $v := $root.Values -}}
# Written by the Trailwatch Helm chart; see the chart README for the values behind each line.
config_ordinal=270
quarkus.log.level={{ $v.logging.level }}
quarkus.log.console.json.enabled={{ $v.logging.json }}
trailwatch.auth.local-users-enabled={{ include "trailwatch.localUsersEnabled" . | default "false" }}

# Kafka
kafka.bootstrap.servers={{ $v.kafka.bootstrapServers }}
{{- range $line := splitList "\n" (include "trailwatch.kafkaClientProperties" $root) }}
{{- if $line }}
kafka.{{ $line }}
{{- end }}
{{- end }}
{{- if eq $component "collector" }}
trailwatch.collector.events-topic={{ $topics.events.name }}
trailwatch.collector.rejected-topic={{ $topics.rejected.name }}
trailwatch.collector.checkpoints.topic={{ $topics.checkpoints.name }}
trailwatch.collector.checkpoints.partitions={{ $topics.checkpoints.partitions }}
trailwatch.collector.checkpoints.replication-factor={{ $topics.replicationFactor }}
{{- end }}
{{- if eq $component "rules" }}
{{- range $line := splitList "\n" (include "trailwatch.kafkaClientProperties" $root) }}
{{- if $line }}
kafka-streams.{{ $line }}
{{- end }}
{{- end }}
kafka-streams.replication.factor={{ $topics.replicationFactor }}
kafka-streams.num.stream.threads={{ $values.streams.numStreamThreads }}
kafka-streams.num.standby.replicas={{ $values.streams.numStandbyReplicas }}
kafka-streams.state.dir=/var/lib/trailwatch/rules-state
{{- if $values.streams.staticMembership }}
kafka-streams.group.instance.id=${POD_NAME}
{{- end }}
trailwatch.rules.events-topic={{ $topics.events.name }}
trailwatch.rules.findings-topic={{ $topics.findings.name }}
trailwatch.rules.rejected-topic={{ $topics.rejected.name }}
trailwatch.rules.metrics-topic={{ $topics.metrics.name }}
{{- end }}
{{- if eq $component "alert" }}
mp.messaging.incoming.findings.topic={{ $topics.findings.name }}
{{- end }}
{{- if eq $component "query" }}
mp.messaging.incoming.events.topic={{ $topics.events.name }}
mp.messaging.incoming.findings.topic={{ $topics.findings.name }}
mp.messaging.incoming.metrics.topic={{ $topics.metrics.name }}
mp.messaging.incoming.rejected.topic={{ $topics.rejected.name }}
{{- end }}
{{- if include "trailwatch.usesDatabase" $component }}

# PostgreSQL (the password comes from the environment)
quarkus.datasource.jdbc.url={{ include "trailwatch.jdbcUrl" $root }}
quarkus.datasource.username={{ $v.postgresql.username }}
quarkus.flyway.migrate-at-start={{ $v.migrations.atStart }}
{{- end }}
{{- if eq $component "collector" }}

# Sources and AWS
{{- include "trailwatch.flattenProperties" (dict "prefix" "trailwatch.collector.sources" "map" $values.sources) }}
{{- end }}
{{- if eq $component "rules" }}

# Rules
{{- with $values.cisVersion }}
trailwatch.rules.cis-version={{ . }}
{{- end }}
{{- with $values.enableRules }}
trailwatch.rules.enable={{ join "," . }}
{{- end }}
{{- with $values.disableRules }}
trailwatch.rules.disable={{ join "," . }}
{{- end }}
{{- if or $values.customRules.existingConfigMap $values.customRules.files }}
trailwatch.rules.custom-dir=/etc/trailwatch/rules
{{- end }}
{{- if or $values.customDetectors.existingConfigMap $values.customDetectors.files }}
trailwatch.rules.detectors-dir=/etc/trailwatch/detectors
{{- end }}
{{- end }}
{{- if eq $component "alert" }}

# Delivery
trailwatch.alert.ui-base-url={{ include "trailwatch.uiBaseUrl" $root }}
trailwatch.alert.secret-key-file=/etc/trailwatch/alert-key/{{ $values.secretKey.key }}
{{- with $values.allowedCidrs }}
trailwatch.alert.allowed-cidrs={{ join "," . }}
{{- end }}
{{- with $values.smtp.host }}
quarkus.mailer.host={{ . }}
quarkus.mailer.port={{ $values.smtp.port }}
quarkus.mailer.from={{ required "alert.smtp.from is required with alert.smtp.host" $values.smtp.from }}
quarkus.mailer.start-tls={{ $values.smtp.startTls }}
quarkus.mailer.tls={{ $values.smtp.tls }}
{{- with $values.smtp.username }}
quarkus.mailer.username={{ . }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq $component "query" }}

# Storage, backends and sign-in
trailwatch.query.retention.event-days={{ $values.retentionDays }}
{{- range $account, $name := $values.accountNames }}
trailwatch.query.account-names."{{ $account }}"={{ include "trailwatch.propertyValue" $name }}
{{- end }}
{{- if $v.alert.enabled }}
trailwatch.query.alert-service.url=http://{{ include "trailwatch.componentFullname" (dict "root" $root "component" "alert") }}:{{ $v.alert.service.port }}
trailwatch.query.alert-service.user=admin
{{- end }}
{{- if $v.rules.enabled }}
trailwatch.query.rules-service.url=http://{{ include "trailwatch.componentFullname" (dict "root" $root "component" "rules") }}:{{ $v.rules.service.port }}
trailwatch.query.rules-service.user=admin
{{- end }}
{{- if $values.proxyAddressForwarding }}
quarkus.http.proxy.proxy-address-forwarding=true
quarkus.http.proxy.allow-x-forwarded=true
quarkus.http.proxy.enable-forwarded-host=true
quarkus.http.proxy.enable-forwarded-prefix=true
{{- end }}
{{- $oidc := $v.auth.oidc }}
quarkus.oidc.tenant-enabled={{ $oidc.enabled }}
{{- if $oidc.enabled }}
quarkus.oidc.auth-server-url={{ required "auth.oidc.authServerUrl is required when auth.oidc.enabled" $oidc.authServerUrl }}
quarkus.oidc.client-id={{ $oidc.clientId }}
quarkus.oidc.application-type={{ $oidc.applicationType }}
quarkus.oidc.roles.role-claim-path={{ $oidc.rolesClaim }}
{{- with $oidc.scopes }}
quarkus.oidc.authentication.scopes={{ join "," . }}
{{- end }}
{{- range $group, $role := $oidc.roleMapping }}
trailwatch.query.auth.role-mapping.{{ include "trailwatch.propertyKey" (printf "\"%s\"" $group) }}={{ $role }}
{{- end }}
{{- end }}
{{- end }}
{{- with $values.config }}

# The service's own `config` values
{{- range $key, $value := . }}
{{ include "trailwatch.propertyKey" $key }}={{ include "trailwatch.propertyValue" $value }}
{{- end }}
{{- end }}
{{- end }}
