# Production image: gunicorn for web, the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 \
    DATA_DIR=/app/data STATIC_ROOT=/app/staticfiles

RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 app

WORKDIR /app
COPY requirements.txt requirements-nodeps.txt constraints.txt ./
RUN pip install --no-cache-dir -r requirements.txt -c constraints.txt \
 && pip install --no-cache-dir --no-deps -r requirements-nodeps.txt

COPY . .
RUN SECRETS_FROM_ENV_ONLY=false SECRET_KEY=build-only JWT_PRIVATE_KEY=unused DATA_DIR=/tmp/build python manage.py collectstatic --noinput -v0 \
 && mkdir -p /app/data && chown -R app:app /app/data

USER app
EXPOSE 8000
CMD ["gunicorn", "zentropy.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--threads", "4", "--access-logfile", "-"]
