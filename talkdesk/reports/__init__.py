"""Word and Excel documents written from the services' figures: record form, ledger, report."""
