{{- /* The backup pod: the dump, and with target s3 the upload after it. */ -}}
{{- define "timewarp.backupPod" -}}
{{- $b := .Values.backup }}
{{- $toS3 := eq $b.target "s3" }}
{{- $dump := list "python" "-m" "timewarp_hub.backup" "dump" "--to" "/backups" "--keep-days" (toString (int $b.keepDays)) }}
{{- if $b.gradebooks.existingClaim }}
{{- $dump = concat $dump (list "--gradebooks" (printf "/gradebooks/%s" (trimPrefix "/" $b.gradebooks.path))) }}
{{- end }}
metadata:
  labels:
    {{- include "timewarp.labels" . | nindent 4 }}
    app.kubernetes.io/component: backup
spec:
  restartPolicy: Never
  automountServiceAccountToken: false
  securityContext:
    runAsUser: 1000
    runAsGroup: 100
    fsGroup: 100
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  {{- if $toS3 }}
  initContainers:
  {{- else }}
  containers:
  {{- end }}
    - name: dump
      image: {{ include "timewarp.backupImage" . | quote }}
      command: {{ toJson $dump }}
      env:
        - name: TIMEWARP_HUB_DB_URL
          valueFrom: {secretKeyRef: {name: timewarp-hub-db, key: url}}
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities: {drop: [ALL]}
      resources:
        {{- toYaml $b.resources | nindent 8 }}
      volumeMounts:
        - {name: backups, mountPath: /backups}
        - {name: tmp, mountPath: /tmp}
        {{- if $b.gradebooks.existingClaim }}
        - {name: gradebooks, mountPath: /gradebooks, readOnly: true}
        {{- end }}
  {{- if $toS3 }}
  containers:
    - name: upload
      image: {{ printf "%s:%s" $b.s3.image.name $b.s3.image.tag | quote }}
      command: [aws, s3, sync, /backups, {{ printf "s3://%s/%s" $b.s3.bucket $b.s3.prefix | quote }}]
      env:
        - {name: AWS_DEFAULT_REGION, value: {{ $b.s3.region | quote }}}
        {{- with $b.s3.endpoint }}
        - {name: AWS_ENDPOINT_URL_S3, value: {{ . | quote }}}
        {{- end }}
        - {name: HOME, value: /tmp}
        - name: AWS_ACCESS_KEY_ID
          valueFrom: {secretKeyRef: {name: {{ $b.s3.existingSecret }}, key: AWS_ACCESS_KEY_ID}}
        - name: AWS_SECRET_ACCESS_KEY
          valueFrom: {secretKeyRef: {name: {{ $b.s3.existingSecret }}, key: AWS_SECRET_ACCESS_KEY}}
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities: {drop: [ALL]}
      resources:
        {{- toYaml $b.resources | nindent 8 }}
      volumeMounts:
        - {name: backups, mountPath: /backups, readOnly: true}
        - {name: tmp, mountPath: /tmp}
  {{- end }}
  volumes:
    - name: backups
      {{- if $toS3 }}
      emptyDir: {}
      {{- else }}
      persistentVolumeClaim: {claimName: {{ include "timewarp.backupClaim" . }}}
      {{- end }}
    - name: tmp
      emptyDir: {}
    {{- if $b.gradebooks.existingClaim }}
    - name: gradebooks
      persistentVolumeClaim: {claimName: {{ $b.gradebooks.existingClaim }}, readOnly: true}
    {{- end }}
{{- end }}
