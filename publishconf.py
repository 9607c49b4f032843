"""Settings for publishing: absolute links from the public URL (feeds and sitemap need them)."""
import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = "https://zfgs.example.gov.cn"
RELATIVE_URLS = False
