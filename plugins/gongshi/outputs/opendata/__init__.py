"""Open data: JSON and CSV of the public records, the 双公示 export, schemas and a dictionary."""
