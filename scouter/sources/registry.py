"""Every job source by key, and which of them can run with the current environment.

``SCOUTER_SOURCES`` (comma-separated keys) chooses the sources a scouting run
uses; unset, every live source whose keys are present runs. The replay source
only runs when named there (the embedded default sets ``SCOUTER_SOURCES=replay``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from scouter.sources.adzuna import AdzunaSource
from scouter.sources.arbeitnow import ArbeitnowSource
from scouter.sources.ashby import AshbySource
from scouter.sources.base import JobSource
from scouter.sources.greenhouse import GreenhouseSource
from scouter.sources.himalayas import HimalayasSource
from scouter.sources.lever import LeverSource
from scouter.sources.remoteok import RemoteOKSource
from scouter.sources.remotive import RemotiveSource
from scouter.sources.rss import RssFeedSource, WeWorkRemotelySource
from scouter.sources.smartrecruiters import SmartRecruitersSource
from scouter.sources.themuse import TheMuseSource
from scouter.sources.usajobs import USAJobsSource
from scouter.sources.workable import WorkableSource

LIVE_SOURCES: dict[str, type[JobSource]] = {
    cls.key: cls
    for cls in (
        GreenhouseSource,
        LeverSource,
        AshbySource,
        RemoteOKSource,
        RemotiveSource,
        TheMuseSource,
        AdzunaSource,
        USAJobsSource,
        WeWorkRemotelySource,
        RssFeedSource,
        ArbeitnowSource,
        HimalayasSource,
        SmartRecruitersSource,
        WorkableSource,
    )
}


class UnknownSource(KeyError):
    """No source is registered under this key."""


def source_classes() -> dict[str, type[JobSource]]:
    from scouter.sources.replay import ReplaySource

    return {**LIVE_SOURCES, ReplaySource.key: ReplaySource}


def get_source(key: str, **kwargs: Any) -> JobSource:
    """A fresh instance of the source registered under ``key`` (kwargs: env, sleep, clock)."""
    try:
        cls = source_classes()[key]
    except KeyError:
        raise UnknownSource(key) from None
    return cls(**kwargs)


def all_sources(**kwargs: Any) -> list[JobSource]:
    """One instance of every live source, configured or not (replay excluded)."""
    return [cls(**kwargs) for cls in LIVE_SOURCES.values()]


def enabled_sources(
    env: Mapping[str, str] | None = None, **kwargs: Any
) -> tuple[list[JobSource], list[tuple[str, str]]]:
    """(sources that can run, [(key, reason) for each one skipped]) for a scouting run."""
    env = os.environ if env is None else env
    chosen = [k.strip() for k in str(env.get("SCOUTER_SOURCES", "")).split(",") if k.strip()]
    keys = chosen or list(LIVE_SOURCES)
    runnable: list[JobSource] = []
    skipped: list[tuple[str, str]] = []
    for key in keys:
        try:
            source = get_source(key, env=env, **kwargs)
        except UnknownSource:
            skipped.append((key, f"unknown source {key!r} in SCOUTER_SOURCES"))
            continue
        configured, reason = source.is_configured()
        if configured:
            runnable.append(source)
        else:
            skipped.append((key, reason))
    return runnable, skipped
