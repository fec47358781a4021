"""The generated development set of the table finder (see build.py)."""
