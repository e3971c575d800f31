"""The booth hub: several tills, one set of books, through PostgreSQL (optional extra ``hub``).

Qt-free. :mod:`records` works on the till's SQLite only; :mod:`server`,
:mod:`schema` and :mod:`sync` need ``psycopg`` (``pip install 'boothpos[hub]'``)
and are imported only when a hub command runs.
"""
