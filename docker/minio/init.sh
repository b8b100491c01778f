#!/bin/sh
# Runs once per `docker compose up` in the mc container (minio-init), as the store's root: makes the evidence bucket
# with versioning on (and a lifecycle rule expiring old health probes), and the object-store user the API logs in as. That user may put, get and list objects and
# abort multipart uploads, but never delete an object version, change versioning or lifecycle, or make credentials
# of its own (docker/minio/sillok-api-policy.json). The API never holds the root credentials.
# Safe to run again: every step leaves an existing bucket, policy or user as it should be.
# Plain POSIX sh and mc only: the mc image has no sed or jq.
set -eu

: "${MINIO_URL:?set MINIO_URL}"
: "${MINIO_ROOT_USER:?set MINIO_ROOT_USER}"
: "${MINIO_ROOT_PASSWORD:?set MINIO_ROOT_PASSWORD}"
: "${MINIO_APP_USER:?set MINIO_APP_USER}"
: "${MINIO_APP_PASSWORD:?set MINIO_APP_PASSWORD}"
: "${S3_BUCKET:?set S3_BUCKET}"
POLICY_FILE=${POLICY_FILE:-/etc/sillok/sillok-api-policy.json}
POLICY_NAME=sillok-api

# The bucket name goes into the policy's JSON: accept only what S3 allows in a bucket name.
case $S3_BUCKET in
  *[!a-z0-9.-]* | ?? | ? | -* | .*) echo "minio-init: S3_BUCKET '$S3_BUCKET' is not a valid bucket name" >&2; exit 1 ;;
esac
if [ "$MINIO_APP_USER" = "$MINIO_ROOT_USER" ]; then
  echo 'minio-init: MINIO_APP_USER must differ from MINIO_ROOT_USER (the API must not hold the root credentials)' >&2
  exit 1
fi

# Prints the policy with every SILLOK_BUCKET replaced by the bucket's name.
render_policy() {
  while IFS= read -r line || [ -n "$line" ]; do
    rendered=
    while :; do
      case $line in
        *SILLOK_BUCKET*) rendered=$rendered${line%%SILLOK_BUCKET*}$S3_BUCKET; line=${line#*SILLOK_BUCKET} ;;
        *) break ;;
      esac
    done
    printf '%s\n' "$rendered$line"
  done < "$POLICY_FILE"
}

mc alias set store "$MINIO_URL" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" > /dev/null
mc mb --ignore-existing "store/$S3_BUCKET"
# Versioning keeps every overwritten or deleted object as an older version, which the API user cannot remove.
mc version enable "store/$S3_BUCKET"
# GET /health writes and removes a one-byte object under health-probe/ on every check; with versioning each would
# stay as a noncurrent version and a delete marker. Expire them after a day (added once: an existing rule stays).
probe_rules=$(mc ilm rule ls "store/$S3_BUCKET" 2>/dev/null || true)
case $probe_rules in
  *health-probe/*) ;;
  *) mc ilm rule add --prefix health-probe/ --noncurrent-expire-days 1 --expire-delete-marker "store/$S3_BUCKET" > /dev/null ;;
esac
rendered_policy=${TMPDIR:-/tmp}/sillok-api-policy.json
render_policy > "$rendered_policy"
mc admin policy create store "$POLICY_NAME" "$rendered_policy"
mc admin user add store "$MINIO_APP_USER" "$MINIO_APP_PASSWORD" > /dev/null
if ! attached=$(mc admin policy attach store "$POLICY_NAME" --user "$MINIO_APP_USER" 2>&1); then
  case $attached in
    *'already in effect'*) ;;
    *) echo "$attached" >&2; exit 1 ;;
  esac
fi
echo "minio-init: bucket $S3_BUCKET (versioned) and user $MINIO_APP_USER with policy $POLICY_NAME are ready"
