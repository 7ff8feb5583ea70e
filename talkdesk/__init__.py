"""talkdesk: an offline, encrypted desk for one-to-one heart-to-heart talks."""

__version__ = "0.1.0"
