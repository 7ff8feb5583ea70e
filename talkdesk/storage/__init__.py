"""The encrypted database, keys, migrations, search index and backups: all the SQL."""
