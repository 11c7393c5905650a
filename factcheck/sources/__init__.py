"""Reading articles: files and saved pages in, clean text with its metadata and chunks out."""
