"""The disclosure rules, one module per rule family (issue 3); importing registers them."""
from . import deadline  # noqa: F401  (R-DEADLINE)
from . import display  # noqa: F401  (R-WINDOW)
from . import redaction  # noqa: F401  (R-REDACT: records)
from . import pages  # noqa: F401  (R-REDACT: content pages)
from . import roster  # noqa: F401  (R-TWO, R-REVIEW, R-FIVEPCT)
from . import adjust  # noqa: F401  (R-ADJUST)
from . import monthly  # noqa: F401  (R-MONTHLY)
