{{/* Labels every object of ours carries. */}}
{{- define "timewarp.labels" -}}
app.kubernetes.io/name: timewarp-studio
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{/* Selector labels of Zero to JupyterHub's pods: (dict "root" $ "component" "hub"). */}}
{{- define "timewarp.z2jhSelector" -}}
app: {{ .root.Values.jupyterhub.nameOverride | default "jupyterhub" }}
release: {{ .root.Release.Name }}
component: {{ .component }}
{{- end }}

{{/* The single-user image as name:tag. */}}
{{- define "timewarp.singleuserImage" -}}
{{- $image := .Values.jupyterhub.singleuser.image -}}
{{- printf "%s:%s" $image.name $image.tag -}}
{{- end }}

{{/* The backup image: its own, else the single-user image. */}}
{{- define "timewarp.backupImage" -}}
{{- $single := .Values.jupyterhub.singleuser.image -}}
{{- printf "%s:%s" (.Values.backup.image.name | default $single.name) (.Values.backup.image.tag | default $single.tag) -}}
{{- end }}

{{/* A secret value: the given one, else the one already in the cluster, else a new one. */}}
{{- define "timewarp.keepSecret" -}}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace .secret -}}
{{- if .value -}}
{{- .value | b64enc -}}
{{- else if and $existing (index $existing.data .key) -}}
{{- index $existing.data .key -}}
{{- else -}}
{{- randAlphaNum 48 | b64enc -}}
{{- end -}}
{{- end }}

{{/* The exchange claim's name. */}}
{{- define "timewarp.exchangeClaim" -}}
{{- .Values.exchange.existingClaim | default "timewarp-nbgrader-exchange" -}}
{{- end }}

{{/* The backup claim's name. */}}
{{- define "timewarp.backupClaim" -}}
{{- .Values.backup.volume.existingClaim | default "timewarp-backups" -}}
{{- end }}
