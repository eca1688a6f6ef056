"""URLs: fetched whole into an Input, so that the usual readers read them."""
from __future__ import annotations

import httpx

from ..errors import InputError
from .base import Input, ReadOptions, too_large
from .feed import FEED_SIZE_FACTOR
from ..terminal import safe_name

USER_AGENT = "svodka/0.1"


def fetch(url: str, options: ReadOptions) -> Input:
    limit = options.max_bytes * FEED_SIZE_FACTOR  # the URL may be a feed
    shown = safe_name(url)
    try:
        with _client(options) as client, client.stream("GET", url) as response:
            _check_status(shown, response)
            data = _body(shown, response, limit)
    except httpx.TimeoutException:
        raise InputError(shown, f"cannot fetch: no answer within {options.timeout:g} s") from None
    except (httpx.HTTPError, httpx.InvalidURL, UnicodeError) as error:
        raise InputError(shown, f"cannot fetch: {str(error) or type(error).__name__}") from None
    return Input(source=shown, data=data, content_type=response.headers.get("content-type"))


def _client(options: ReadOptions) -> httpx.Client:
    return httpx.Client(timeout=options.timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT})


def _check_status(url: str, response: httpx.Response) -> None:
    if not response.is_success:
        raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())


def _body(url: str, response: httpx.Response, limit: int) -> bytes:
    """The (decompressed) body, refused as soon as it passes `limit`."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError(url, too_large(int(declared), limit))
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise InputError(url, too_large(None, limit))
        chunks.append(chunk)
    return b"".join(chunks)
