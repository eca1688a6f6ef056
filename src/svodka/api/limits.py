"""Limits shared by the server's command line and the application."""

MAX_REQUEST_BYTES = 10 * 1024 * 1024  # the largest POST body, by default
MIN_TOKEN = 16  # characters of a bearer token
