"""Our account pages: the settings hub, sessions, deletion and magic links."""
