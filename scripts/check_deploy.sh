#!/usr/bin/env bash
# Django's deployment checks with production-like environment values.
set -euo pipefail
cd "$(dirname "$0")/.."
env -u DJANGO_ALLOW_ASYNC_UNSAFE DEBUG=false \
  SECRET_KEY="check-deploy-$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')" \
  ALLOWED_HOSTS=scout.example.com \
  SITE_URL=https://scout.example.com \
  CSRF_TRUSTED_ORIGINS=https://scout.example.com \
  SECURE_SSL_REDIRECT=true SECURE_HSTS_SECONDS=31536000 SECURE_HSTS_PRELOAD=true BEHIND_TLS_PROXY=true \
  DATA_DIR="$(mktemp -d)" \
  .venv/bin/python manage.py check --deploy --fail-level WARNING
