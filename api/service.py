"""The server's state, made once: its settings, the translator, keys, rate and downloads;
and the door every request goes through (api.guard: key first, then rate, then the body's
own problems)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.requests import Request

from api.body import Params, body_limit, read_params
from api.files import Downloads
from api.guard import KeyCheck, RateLimit, request_key
from api.settings import ServerSettings
from api.translating import Translations
from digest.library import Library, open_library


@dataclass
class Service:
    settings: ServerSettings
    library: Callable[[], Library] = open_library
    translations: Translations = field(init=False)
    keys: KeyCheck = field(init=False)
    rate: RateLimit = field(init=False)
    downloads: Downloads = field(init=False)

    def __post_init__(self) -> None:
        from digest.library.keys import is_valid_key

        self.translations = Translations(self.library)
        self.keys = KeyCheck(lambda key: is_valid_key(self.library(), key))
        self.rate = RateLimit(self.settings.rate_limit)
        self.downloads = Downloads(self.settings.download_minutes)

    async def admit(self, request: Request, files: bool = False, limited: bool = True,
                    keyed: bool = True) -> Params:
        """The request's fields once its key (if keys are on and `keyed`) and its rate allow
        it; ApiError otherwise. `files`: the body may hold a file (the file limit applies)."""
        limit = self.settings.file_limit_bytes + 1024 * 1024 if files else body_limit(
            self.settings.char_limit)
        params = await read_params(request, limit)
        key = request_key(params, request.headers.get("authorization", ""))
        if self.settings.api_keys and keyed:
            from starlette.concurrency import run_in_threadpool

            await run_in_threadpool(self.keys.check, key)
        if limited:
            client = f"key:{key}" if self.settings.api_keys else (
                request.client.host if request.client else "unknown")
            self.rate.take(client)
        if params.problem is not None:
            raise params.problem
        return params
