"""The HTTP API over a store (`svodka serve`): typed JSON resources with the same field names as
the CLI's `--json` output, an OpenAPI schema and offline docs; read-only unless told otherwise.
`create_app` (in `.app`) builds it; importing this package loads no web framework."""
