"""lkip_build: turn a performance report kept as YAML data into computed tables and figures.

Plain Python, no MkDocs: `hooks/` is the only place that knows about the site generator.
"""
