"""Persona pages (HTMX): the personas list, one persona's page, part editing, onboarding, resume import."""
