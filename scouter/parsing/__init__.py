"""Pure functions that turn job-board text into normalised facts.

Nothing here imports Django or touches the network, so every rule is tested
without a database.
"""
