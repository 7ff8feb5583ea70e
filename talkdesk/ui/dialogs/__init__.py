"""Dialogs: first-run setup, unlock (with the forgotten-password path), recovery code."""
