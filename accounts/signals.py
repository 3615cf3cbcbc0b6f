"""Receivers for allauth's signals (connected in AccountsConfig.ready)."""
