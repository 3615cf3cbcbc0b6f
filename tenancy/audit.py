"""Source audit: every use of `Model.unscoped` says why (STYLE §3).

Outside tests and migrations, a line that reaches `.unscoped` needs a
comment on that line or within the three lines above naming the reason
("# Reason: ...", or "# System scope: ..."). The admin base and the
manager's own module are where the rule is defined, so they are skipped.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from pathlib import Path

_REASON = re.compile(r"#.*\b(reason|system scope|system task)\b", re.IGNORECASE)
_SKIP_PARTS = {"tests", "migrations", "__pycache__"}
_SKIP_FILES = {("tenancy", "querysets.py"), ("tenancy", "exceptions.py"), ("tenancy", "audit.py")}


def unexplained_unscoped_uses(roots: Iterable[Path]) -> list[str]:
    """`path:line: code` for each `.unscoped` use without a reason comment nearby."""
    findings = []
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            if _SKIP_PARTS & set(path.parts) or (path.parent.name, path.name) in _SKIP_FILES:
                continue
            source = path.read_text(encoding="utf-8")
            lines = source.splitlines()
            uses = sorted(
                {
                    node.lineno
                    for node in ast.walk(ast.parse(source))
                    if isinstance(node, ast.Attribute) and node.attr == "unscoped"
                }
            )
            for number in uses:
                window = lines[max(0, number - 4) : number]
                if not any(_REASON.search(candidate) for candidate in window):
                    findings.append(f"{path}:{number}: {lines[number - 1].strip()}")
    return findings
