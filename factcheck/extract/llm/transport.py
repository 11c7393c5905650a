"""Limits on what a model server can do to a run: a total deadline per request and a size cap per answer.

The HTTP client's own timeout bounds each wait for a byte, so a server sending one byte a second
never trips it. This transport wraps the real one and bounds the whole exchange (connect, send,
headers and body) by `seconds`, and stops reading an answer larger than `max_bytes`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any


class AnswerTooLarge(Exception):
    """The server's answer went past the size limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"answer larger than {limit:,} bytes")
        self.limit = limit


def bounded_transport(inner: Any, seconds: float, max_bytes: int) -> Any:
    """An httpx2 transport that gives every request `seconds` in all and reads at most `max_bytes` of answer."""
    import httpx2

    class _Stream(httpx2.AsyncByteStream):
        """The answer's body, read within the deadline and up to the size limit."""

        def __init__(self, stream: Any, deadline: float, request: Any) -> None:
            self.stream, self.deadline, self.request = stream, deadline, request

        async def __aiter__(self) -> AsyncIterator[bytes]:
            """The body's pieces; ReadTimeout past the deadline, AnswerTooLarge past the limit."""
            seen = 0
            chunks = aiter(self.stream)
            while True:
                try:
                    async with asyncio.timeout_at(self.deadline):
                        piece = await anext(chunks)
                except StopAsyncIteration:
                    return
                except TimeoutError:
                    raise httpx2.ReadTimeout(f"no whole answer within {seconds:g}s", request=self.request) from None
                seen += len(piece)
                if seen > max_bytes:
                    raise AnswerTooLarge(max_bytes)
                yield piece

        async def aclose(self) -> None:
            """Close the wrapped body."""
            await self.stream.aclose()

    class _Bounded(httpx2.AsyncBaseTransport):
        """The wrapping transport."""

        async def handle_async_request(self, request: Any) -> Any:
            """Send through the real transport; headers within the deadline, the body wrapped."""
            deadline = asyncio.get_running_loop().time() + seconds
            try:
                async with asyncio.timeout_at(deadline):
                    response = await inner.handle_async_request(request)
            except TimeoutError:
                raise httpx2.ReadTimeout(f"no answer within {seconds:g}s", request=request) from None
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                await response.aclose()
                raise AnswerTooLarge(max_bytes)
            response.stream = _Stream(response.stream, deadline, request)
            return response

        async def aclose(self) -> None:
            """Close the real transport."""
            await inner.aclose()

    return _Bounded()


def too_large(exc: BaseException | None) -> AnswerTooLarge | None:
    """The AnswerTooLarge behind an exception (the HTTP client wraps it), if any."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, AnswerTooLarge):
            return exc
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return None
