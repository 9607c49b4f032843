"""The portal: HTML pages for every record kind (issue 4)."""
