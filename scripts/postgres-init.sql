-- Extensions the app needs; created by the superuser at cluster init (pgvector is not a trusted extension).
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
