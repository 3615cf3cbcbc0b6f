"""A short, human name for a session's device from its User-Agent ("Firefox on Linux")."""

from __future__ import annotations

import re

_BROWSERS = [  # order matters: Edge and Opera also claim Chrome, Chrome claims Safari
    ("Edge", r"Edg(?:e|A|iOS)?/"),
    ("Opera", r"OPR/|Opera"),
    ("Firefox", r"Firefox/|FxiOS/"),
    ("Chrome", r"Chrome/|CriOS/|Chromium/"),
    ("Safari", r"Safari/"),
]
_SYSTEMS = [
    ("iPhone", r"iPhone"),
    ("iPad", r"iPad"),
    ("Android", r"Android"),
    ("Windows", r"Windows"),
    ("macOS", r"Mac OS X|Macintosh"),
    ("ChromeOS", r"CrOS"),
    ("Linux", r"Linux|X11"),
]


def describe_user_agent(user_agent: str) -> str:
    if not user_agent:
        return "Unknown device"
    browser = next((name for name, pattern in _BROWSERS if re.search(pattern, user_agent)), None)
    system = next((name for name, pattern in _SYSTEMS if re.search(pattern, user_agent)), None)
    if browser and system:
        return f"{browser} on {system}"
    return browser or system or user_agent[:60]
