{{/*
The pod template of a service (Deployment or StatefulSet). Arguments: dict root, component.
*/}}
{{- define "trailwatch.podTemplate" -}}
{{- $root := .root }}
{{- $component := .component }}
{{- $values := index $root.Values $component }}
{{- $port := include "trailwatch.containerPort" $component }}
metadata:
  labels:
    {{- include "trailwatch.labels" . | nindent 4 }}
    {{- with $values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    checksum/config: {{ include "trailwatch.properties" . | sha256sum }}
    {{- if eq $component "rules" }}
    checksum/custom-rules: {{ printf "%s%s" (toYaml $values.customRules.files) (toYaml $values.customDetectors.files) | sha256sum }}
    {{- end }}
    {{- with $values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "trailwatch.serviceAccountName" . }}
  automountServiceAccountToken: false
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.priorityClassName }}
  priorityClassName: {{ . }}
  {{- end }}
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  terminationGracePeriodSeconds: {{ $values.terminationGracePeriodSeconds }}
  {{- with $values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- if $values.topologySpreadConstraints }}
  topologySpreadConstraints:
    {{- toYaml $values.topologySpreadConstraints | nindent 4 }}
  {{- else if $root.Values.topologySpread.enabled }}
  topologySpreadConstraints:
    {{- range $key := $root.Values.topologySpread.topologyKeys }}
    - maxSkew: {{ $root.Values.topologySpread.maxSkew }}
      topologyKey: {{ $key }}
      whenUnsatisfiable: {{ $root.Values.topologySpread.whenUnsatisfiable }}
      labelSelector:
        matchLabels:
          {{- include "trailwatch.selectorLabels" (dict "root" $root "component" $component) | nindent 10 }}
    {{- end }}
  {{- end }}
  containers:
    - name: {{ $component }}
      image: {{ include "trailwatch.image" . }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      securityContext:
        {{- include "trailwatch.containerSecurityContext" (dict "root" $root) | nindent 8 }}
      ports:
        - name: http
          containerPort: {{ $port }}
          protocol: TCP
      env:
        {{- include "trailwatch.env" . | nindent 8 }}
      {{- with $values.extraEnvFrom }}
      envFrom:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      startupProbe:
        httpGet:
          path: /q/health/started
          port: http
        periodSeconds: 5
        timeoutSeconds: {{ $values.probes.timeoutSeconds }}
        failureThreshold: {{ $values.probes.startupFailureThreshold }}
      readinessProbe:
        httpGet:
          path: /q/health/ready
          port: http
        periodSeconds: {{ $values.probes.periodSeconds }}
        timeoutSeconds: {{ $values.probes.timeoutSeconds }}
        failureThreshold: {{ $values.probes.readinessFailureThreshold }}
      livenessProbe:
        httpGet:
          path: /q/health/live
          port: http
        periodSeconds: {{ $values.probes.periodSeconds }}
        timeoutSeconds: {{ $values.probes.timeoutSeconds }}
        failureThreshold: {{ $values.probes.livenessFailureThreshold }}
      resources:
        {{- toYaml $values.resources | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        - name: config
          mountPath: /etc/trailwatch/config
          readOnly: true
        {{- include "trailwatch.kafkaVolumeMounts" $root | nindent 8 }}
        {{- if include "trailwatch.usesDatabase" $component }}
        {{- include "trailwatch.postgresqlVolumeMounts" $root | nindent 8 }}
        {{- end }}
        {{- if eq $component "rules" }}
        - name: state
          mountPath: /var/lib/trailwatch/rules-state
        {{- if or $values.customRules.existingConfigMap $values.customRules.files }}
        - name: custom-rules
          mountPath: /etc/trailwatch/rules
          readOnly: true
        {{- end }}
        {{- if or $values.customDetectors.existingConfigMap $values.customDetectors.files }}
        - name: custom-detectors
          mountPath: /etc/trailwatch/detectors
          readOnly: true
        {{- end }}
        {{- end }}
        {{- if eq $component "alert" }}
        - name: alert-key
          mountPath: /etc/trailwatch/alert-key
          readOnly: true
        {{- end }}
        {{- with $values.extraVolumeMounts }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: {{ $root.Values.tmpSizeLimit }}
    - name: config
      configMap:
        name: {{ include "trailwatch.componentFullname" . }}
    {{- include "trailwatch.kafkaVolumes" $root | nindent 4 }}
    {{- if include "trailwatch.usesDatabase" $component }}
    {{- include "trailwatch.postgresqlVolumes" $root | nindent 4 }}
    {{- end }}
    {{- if eq $component "rules" }}
    {{- if not $values.persistence.enabled }}
    - name: state
      emptyDir: {}
    {{- end }}
    {{- if or $values.customRules.existingConfigMap $values.customRules.files }}
    - name: custom-rules
      configMap:
        name: {{ $values.customRules.existingConfigMap | default (printf "%s-custom" (include "trailwatch.componentFullname" .)) }}
    {{- end }}
    {{- if or $values.customDetectors.existingConfigMap $values.customDetectors.files }}
    - name: custom-detectors
      configMap:
        name: {{ $values.customDetectors.existingConfigMap | default (printf "%s-detectors" (include "trailwatch.componentFullname" .)) }}
    {{- end }}
    {{- end }}
    {{- if eq $component "alert" }}
    - name: alert-key
      secret:
        secretName: {{ include "trailwatch.alertKeySecretName" $root }}
        items:
          - key: {{ $values.secretKey.key }}
            path: {{ $values.secretKey.key }}
    {{- end }}
    {{- with $values.extraVolumes }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end }}

{{/*
Environment of a service container: where its config file is, JVM sizing, and every secret (as secretKeyRef).
Arguments: dict root, component.
*/}}
{{- define "trailwatch.env" -}}
{{- $root := .root }}
{{- $component := .component }}
{{- $values := index $root.Values $component }}
{{- $internal := include "trailwatch.internalSecretName" $root -}}
- name: QUARKUS_CONFIG_LOCATIONS
  value: /etc/trailwatch/config/application.properties
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- $jvm := $root.Values.jvm }}
{{- if gt (int $jvm.initialRamPercentage) (int $jvm.maxRamPercentage) }}
{{- fail (printf "jvm.initialRamPercentage (%v) must not exceed jvm.maxRamPercentage (%v): the JVM refuses to start with an initial heap above its maximum" $jvm.initialRamPercentage $jvm.maxRamPercentage) }}
{{- end }}
- name: JAVA_MAX_MEM_RATIO
  value: {{ $jvm.maxRamPercentage | quote }}
- name: JAVA_INITIAL_MEM_RATIO
  value: {{ $jvm.initialRamPercentage | quote }}
- name: JDK_JAVA_OPTIONS
  value: {{ trim (printf "-XX:InitialRAMPercentage=%v -XX:MaxRAMPercentage=%v %s" $jvm.initialRamPercentage $jvm.maxRamPercentage $jvm.extraOptions) | quote }}
{{- include "trailwatch.kafkaSecretEnv" (dict "root" $root "hook" false) }}
{{- if include "trailwatch.usesDatabase" $component }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      {{- include "trailwatch.postgresqlPasswordRef" $root | nindent 6 }}
{{- end }}
{{- if include "trailwatch.localUsersEnabled" . }}
{{- range $user := list "admin" "analyst" "viewer" }}
- name: TRAILWATCH_{{ upper $user }}_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $internal }}
      key: {{ $user }}-password
{{- end }}
{{- end }}
{{- if eq $component "collector" }}
{{- with $values.aws.region }}
- name: AWS_REGION
  value: {{ . | quote }}
{{- end }}
{{- if $values.aws.stsRegionalEndpoints }}
- name: AWS_STS_REGIONAL_ENDPOINTS
  value: regional
{{- end }}
{{- if or $values.intakeTokens.existingSecret $values.intakeTokens.values }}
- name: TRAILWATCH_COLLECTOR_INTAKE_TOKENS
  valueFrom:
    secretKeyRef:
      {{- if $values.intakeTokens.existingSecret }}
      name: {{ $values.intakeTokens.existingSecret }}
      key: {{ $values.intakeTokens.key }}
      {{- else }}
      name: {{ include "trailwatch.credentialsSecretName" $root }}
      key: collector-intake-tokens
      {{- end }}
{{- end }}
{{- end }}
{{- if eq $component "alert" }}
{{- with $values.bootstrapWebhook.existingSecret }}
- name: TRAILWATCH_ALERT_BOOTSTRAP_WEBHOOK_URL
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $values.bootstrapWebhook.key }}
{{- end }}
{{- if $values.smtp.existingSecret }}
- name: QUARKUS_MAILER_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $values.smtp.existingSecret }}
      key: {{ $values.smtp.passwordKey }}
{{- end }}
{{- end }}
{{- if eq $component "query" }}
# One key for every replica, so a sign-in session (form or OIDC cookie) is valid on all of them.
- name: QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $internal }}
      key: session-key
- name: QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $internal }}
      key: session-key
{{- if $root.Values.alert.enabled }}
- name: TRAILWATCH_QUERY_ALERT_SERVICE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $internal }}
      key: admin-password
{{- end }}
{{- if $root.Values.rules.enabled }}
- name: TRAILWATCH_QUERY_RULES_SERVICE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $internal }}
      key: admin-password
{{- end }}
{{- if and $root.Values.auth.oidc.enabled (or $root.Values.auth.oidc.existingSecret $root.Values.auth.oidc.clientSecret) }}
- name: QUARKUS_OIDC_CREDENTIALS_SECRET
  valueFrom:
    secretKeyRef:
      {{- if $root.Values.auth.oidc.existingSecret }}
      name: {{ $root.Values.auth.oidc.existingSecret }}
      key: {{ $root.Values.auth.oidc.clientSecretKey }}
      {{- else }}
      name: {{ include "trailwatch.credentialsSecretName" $root }}
      key: oidc-client-secret
      {{- end }}
{{- end }}
{{- end }}
{{- with $values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}
