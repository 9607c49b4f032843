"""outputs: what a build writes, each a Pelican generator that reads the publication it is handed
(publication/inputs.py) and nothing another output wrote: the portal's pages (portal/), feeds
(feeds/), open data and the 双公示 export (opendata/), the search index and page (search/), with
the page cache they share (pagecache) and the git provenance the pages show (provenance).
May import: runtime, model, policy, checks, publication; portal, feeds, opendata and search do
not import one another."""
