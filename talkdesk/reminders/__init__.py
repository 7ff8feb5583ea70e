"""Reminders raised while talkdesk runs: an APScheduler engine over `services.reminders`."""
