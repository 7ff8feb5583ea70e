"""Data files shipped with talkdesk: icons, translations, document templates."""
