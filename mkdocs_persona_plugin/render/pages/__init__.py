"""One module per page kind; each ``generate(ctx)`` yields its pages and assets."""
