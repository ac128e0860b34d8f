{{/* A peer: Zero to JupyterHub's pods of one component in this release. */}}
{{- define "timewarp.peer" -}}
- podSelector:
    matchLabels:
      {{- include "timewarp.z2jhSelector" . | nindent 6 }}
{{- end }}

{{/* Port 53 of the cluster DNS only (not 53 on any private address: that reaches other pods). */}}
{{- define "timewarp.dnsEgress" -}}
- to:
    - namespaceSelector:
        matchLabels: {kubernetes.io/metadata.name: {{ .Values.networkPolicy.dnsNamespace }}}
  ports:
    - {protocol: UDP, port: 53}
    - {protocol: TCP, port: 53}
{{- end }}

{{/* Public addresses only: everything except the private and special ranges. */}}
{{- define "timewarp.publicOnly" -}}
- ipBlock:
    cidr: 0.0.0.0/0
    except:
      {{- toYaml .Values.networkPolicy.privateCidrs | nindent 6 }}
{{- end }}
