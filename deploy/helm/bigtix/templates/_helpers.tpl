{{- define "bigtix.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "bigtix.labels" -}}
app.kubernetes.io/part-of: bigtix
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* selector labels of one component: (dict "root" $ "name" "orders") */}}
{{- define "bigtix.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "bigtix.secretName" -}}
{{- .Values.existingSecret | default (printf "%s-secrets" (include "bigtix.fullname" .)) -}}
{{- end -}}

{{/* image of one app: (dict "root" $ "name" "orders" "app" $app) */}}
{{- define "bigtix.image" -}}
{{- $repo := .app.image.repository | default (printf "%s/%s" .root.Values.image.registry .name) -}}
{{- $tag := .app.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}

{{- define "bigtix.mongoName" -}}
{{- printf "%s-mongo-%s" (include "bigtix.fullname" .root) .name -}}
{{- end -}}

{{/* in-cluster replica set URL of one service database: (dict "root" $ "name" "orders") */}}
{{- define "bigtix.mongoUrl" -}}
{{- $svc := include "bigtix.mongoName" . -}}
{{- $hosts := list -}}
{{- range $i := until (int .root.Values.mongodb.replicas) -}}
{{- $hosts = append $hosts (printf "%s-%d.%s:27017" $svc $i $svc) -}}
{{- end -}}
{{- printf "mongodb://%s/%s?replicaSet=%s" (join "," $hosts) .name .root.Values.mongodb.replicaSetName -}}
{{- end -}}

{{- define "bigtix.rabbitmqName" -}}
{{- printf "%s-rabbitmq" (include "bigtix.fullname" .) -}}
{{- end -}}

{{- define "bigtix.redisName" -}}
{{- printf "%s-redis" (include "bigtix.fullname" .) -}}
{{- end -}}
