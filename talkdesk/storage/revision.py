"""The schema revision this version of talkdesk writes (a constant free of SQLAlchemy)."""

# The newest revision in migrations/versions; tests/storage/test_migrations.py keeps it
# equal to Alembic's head, so opening an up-to-date workspace never imports Alembic, and
# start-up's first glance (storage/glance.py) reads only a schema it was written for.
HEAD = "0006"
