"""Where results go: the row model, the resumable SQLite store, and the exports (CSV,
JSON lines, Parquet, pandas). Imported on first use: ``import justoneapi_xingtu`` never
loads SQLite or pandas."""
