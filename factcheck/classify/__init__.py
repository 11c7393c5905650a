"""Classification: within each aligned fact, typed values and time decide the findings."""
