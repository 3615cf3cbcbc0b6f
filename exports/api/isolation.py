"""The export API for the isolation walk: each download holds only the caller's rows."""

from __future__ import annotations

from exports.isolation import _application_listed
from tenancy.isolation import registry

for name in ("api-export-applications-csv", "api-export-applications-json", "api-export-all-json"):
    registry.owner(name, build=_application_listed, lists=True)
