"""Reminders raised while talkdesk runs (built in a later issue)."""
