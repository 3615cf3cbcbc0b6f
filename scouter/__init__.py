"""Job discovery: source adapters, search profiles, polling and the scouting run."""
