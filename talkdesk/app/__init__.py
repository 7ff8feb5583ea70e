"""Composition root: paths, logging, wiring, the command line and the Qt loop."""
