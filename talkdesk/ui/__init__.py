"""Qt widgets, item models and dialogs; calls services only."""
