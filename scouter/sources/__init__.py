"""Job sources: one module per board, one interface (``base``), a registry and replay."""
