"""Tracker pages: the board and list (board.py), one application (applications.py), its parts (parts.py)."""
