"""The disclosure rules, one module per rule family (issue 3); importing registers them."""
from . import deadline  # noqa: F401  (R-DEADLINE)
from . import display  # noqa: F401  (R-WINDOW)
from . import redaction  # noqa: F401  (R-REDACT)
