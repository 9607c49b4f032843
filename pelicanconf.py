"""Pelican settings for the demo portal (`make html`); publishconf.py adds the public URL."""
AUTHOR = "霍邱县司法局"
SITENAME = "霍邱县行政执法公示平台"  # replaced by data/site.yml's name at build time
SITEURL = ""
RELATIVE_URLS = False

PATH = "content"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = ["notices"]
STATIC_PATHS: list[str] = []
THEME = "theme"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["gongshi"]
# Content is Markdown only; without the reStructuredText reader docutils is never started
# (it warns on every build that it has no "zh" localization).
READERS = {"rst": None}

# Gongshi settings (see README, "Settings").
GONGSHI_DATA = "data"        # the records agencies commit
GONGSHI_AS_OF = None         # build date; None = today in Asia/Shanghai
GONGSHI_STRICT = False       # compliance warnings block the build
GONGSHI_LANG = "zh"          # interface language: zh (source) or a theme/translations/<lang> catalogue
GONGSHI_WORKERS = 2          # processes that render pages (a fork pool past 1,500 pages)

# Pelican's own feeds are replaced by gongshi's (feedgen, stable ids); keep them off.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

ARTICLE_URL = "notices/{slug}.html"
ARTICLE_SAVE_AS = "notices/{slug}.html"
PAGE_URL = "pages/{slug}.html"
PAGE_SAVE_AS = "pages/{slug}.html"
INDEX_SAVE_AS = "notices/index.html"
DIRECT_TEMPLATES = ["index"]
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DEFAULT_PAGINATION = 20

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}
