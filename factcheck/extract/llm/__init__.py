"""The llm extractor: a client for any OpenAI-compatible server, its prompts, cache and checks."""
