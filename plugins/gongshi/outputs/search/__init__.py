"""Search: Pagefind over the built public pages, and a Whoosh staff search over every record.

The public index is made from the pages the portal wrote for the publication, so it can hold
nothing the portal did not publish; the staff index reads the data folder itself.
"""
