"""Client of the AI Model Manager config API, standard library only.

    from ai_model_service import AIModelService
    model = AIModelService().get_model("openai", "flagship")   # e.g. "gpt-5"

Configuration: AI_MODEL_CONFIG_URL (base URL of the app) and AI_MODEL_CONFIG_KEY (a CONFIG_API_KEYS entry).
Answers are cached for `ttl` seconds, one request is in flight per provider and type, a failed call answers
the last good (stale) answer, and without one the built-in defaults (read from lib/catalog/catalog.json when
it is reachable). get_model never raises.

Named routes and selects (CONTRACT §9) have the same cache, ETag and stale-if-error:
    service.get_route("summarize")["model_name"]                 # the route's first step that resolves; "chain" has all
    service.select({"capabilities": ["vision"], "min_context": 200000, "order": "price"})["model_name"]
When the API fails and nothing is cached, they answer a fallback slot ("from": "fallback"): `fallback="anthropic:fast"`,
else the service's route_fallback (openai:flagship) for routes, the query's first provider and type for selects.

Capabilities (vision, function_calling, json_mode, reasoning) are three-valued: True, False (a source says so)
or None (unknown); test with `is True` / `is False`, never by truthiness alone. Answers also carry `provenance`
({pricing, context_window, max_tokens, capabilities}: {"source", "as_of"} or None) and, where known, the extra
prices cache_read_per_mtok, cache_write_per_mtok, input_above_200k_per_mtok, output_above_200k_per_mtok.
"""

from __future__ import annotations

import calendar
import json
import logging
import math
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable, Dict, Optional, Tuple

__all__ = ["AIModelService", "ModelConfigError", "builtin_defaults", "select_query_string"]

PROVIDERS = ("openai", "anthropic", "google", "mistral")
MODEL_TYPES = ("flagship", "fast")
_CAPABILITIES = ("vision", "function_calling", "json_mode", "reasoning")

# Used only when the catalog file is not reachable (the client copied alone into another repository).
_BUILTIN_NAMES: Dict[str, Dict[str, str]] = {
    "openai": {"flagship": "gpt-5", "fast": "gpt-5-mini"},
    "anthropic": {"flagship": "claude-sonnet-4-5", "fast": "claude-haiku-4-5"},
    "google": {"flagship": "gemini-2.5-pro", "fast": "gemini-2.5-flash"},
    "mistral": {"flagship": "mistral-large-latest", "fast": "mistral-medium-latest"},
}

_DEFAULT_CATALOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib", "catalog", "catalog.json")

log = logging.getLogger("ai_model_service")


class ModelConfigError(Exception):
    """A failed call to the config API, as given to on_error (get_model never raises it)."""

    def __init__(self, message: str, status: Optional[int] = None, code: Optional[str] = None):
        super().__init__(message)
        self.status = status
        self.code = code


def builtin_defaults(catalog_path: Optional[str] = None) -> Dict[Tuple[str, str], Dict[str, Any]]:
    """The catalog's default of every provider and type as config answers; the built-in names if the file is unreadable."""
    path = catalog_path or os.environ.get("AI_MODEL_CATALOG_PATH") or _DEFAULT_CATALOG
    out: Dict[Tuple[str, str], Dict[str, Any]] = {}
    try:
        with open(path, "r", encoding="utf-8") as f:
            providers = json.load(f)["providers"]
        for provider, entry in providers.items():
            for model_type in MODEL_TYPES:
                name = entry["defaults"][model_type]
                model = next(m for m in entry["models"] if m["model_name"] == name)
                out[(provider, model_type)] = {
                    "model_name": name,
                    "provider": provider,
                    "model_type": model_type,
                    "display_name": model.get("display_name"),
                    # Unknown capabilities are None, never False.
                    "capabilities": {k: model.get("capabilities", {}).get(k) for k in _CAPABILITIES},
                    "pricing": model.get("pricing", {"input_per_mtok": None, "output_per_mtok": None}),
                    "context_window": model.get("context_window"),
                    "max_tokens": model.get("max_tokens"),
                    "source": "fallback",
                }
        return out
    except (OSError, ValueError, KeyError, StopIteration):
        pass
    for provider, names in _BUILTIN_NAMES.items():
        for model_type, name in names.items():
            out[(provider, model_type)] = {
                "model_name": name,
                "provider": provider,
                "model_type": model_type,
                "display_name": None,
                "capabilities": {k: None for k in _CAPABILITIES},
                "pricing": {"input_per_mtok": None, "output_per_mtok": None},
                "context_window": None,
                "max_tokens": None,
                "source": "fallback",
            }
    return out


DEPRECATION_WARNING_DAYS = 30


def deprecation_notice(config: Dict[str, Any], model_type: str, now: float) -> Optional[Dict[str, Any]]:
    """The notice for an answer whose model shuts down within 30 days (now in unix seconds), else None."""
    date = config.get("shutdown_date")
    if not isinstance(date, str) or len(date) < 10:
        return None
    try:
        shutdown = calendar.timegm(time.strptime(date[:10], "%Y-%m-%d"))
    except ValueError:
        return None
    days_left = math.ceil((shutdown - now) / 86400)
    if days_left > DEPRECATION_WARNING_DAYS:
        return None
    return {
        "provider": config.get("provider"), "type": model_type, "model_name": config.get("model_name"),
        "shutdown_date": date, "days_left": int(days_left), "successor": config.get("successor"),
    }


class _Entry:
    __slots__ = ("config", "etag", "expires_at")

    def __init__(self, config: Dict[str, Any], etag: Optional[str], expires_at: float):
        self.config = config
        self.etag = etag
        self.expires_at = expires_at


def _check_request(provider: str, model_type: str) -> None:
    """Raises ValueError for a provider or type outside the contract, instead of answering an empty name."""
    if provider not in _BUILTIN_NAMES:
        raise ValueError("Unknown provider %r: use one of %s" % (provider, ", ".join(sorted(_BUILTIN_NAMES))))
    if model_type not in ("flagship", "fast"):
        raise ValueError("Unknown model type %r: use flagship or fast" % (model_type,))


def _parse_slot(ref: str) -> Tuple[str, str]:
    provider, _, model_type = ref.partition(":")
    _check_request(provider, model_type)
    return provider, model_type


_ROUTE_NAME = re.compile(r"^[a-z0-9][a-z0-9\-_.]{0,62}$")
_SELECT_FIELDS = ("type", "capabilities", "min_context", "min_output", "max_input_price", "max_output_price", "providers", "order", "include_preview")


def select_query_string(query: Dict[str, Any]) -> str:
    """The GET query of a select (lists joined by commas, fields in a fixed order): one cache key per query."""
    parts = []
    for field in _SELECT_FIELDS:
        value = query.get(field)
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        parts.append("%s=%s" % (field, urllib.parse.quote(str(value), safe="")))
    return "&".join(parts)


def _is_config(body: Any) -> bool:
    return isinstance(body, dict) and body.get("success") is True and isinstance(body.get("model_name"), str) and bool(body["model_name"])


class AIModelService:
    """Answers the current default model of a provider and type, from the config API with a local cache."""

    def __init__(
        self,
        base_url: Optional[str] = None,
        api_key: Optional[str] = None,
        ttl: float = 300.0,
        timeout: float = 5.0,
        retry_after_error: float = 30.0,
        catalog_path: Optional[str] = None,
        on_error: Optional[Callable[[ModelConfigError, str, str], None]] = None,
        clock: Callable[[], float] = time.monotonic,
        on_deprecation: Optional[Callable[[Dict[str, Any]], None]] = None,
        wall_clock: Callable[[], float] = time.time,
        route_fallback: str = "openai:flagship",
    ):
        self.base_url = (base_url or os.environ.get("AI_MODEL_CONFIG_URL") or "").rstrip("/")
        self.api_key = api_key if api_key is not None else os.environ.get("AI_MODEL_CONFIG_KEY")
        self.ttl = ttl
        self.timeout = timeout
        self.retry_after_error = min(retry_after_error, ttl)
        self.route_fallback = route_fallback
        _parse_slot(route_fallback)
        self._catalog_path = catalog_path
        self._defaults: Optional[Dict[Tuple[str, str], Dict[str, Any]]] = None
        self._on_error = on_error
        self._clock = clock
        self._on_deprecation = on_deprecation
        self._wall_clock = wall_clock
        self._warned: set = set()
        self._cache: Dict[str, _Entry] = {}
        self._failed_until: Dict[str, float] = {}
        self._locks: Dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def get_model(self, provider: str, model_type: str = "flagship") -> str:
        """The model name to use. Never raises for a known provider and type: a stale answer or the built-in
        default when the API fails. An unknown provider or type is the caller's bug: ValueError naming it."""
        _check_request(provider, model_type)
        try:
            return self.get_model_config(provider, model_type)["model_name"]
        except Exception as err:  # noqa: BLE001 - the promise is "never raises"
            self._report(err if isinstance(err, ModelConfigError) else ModelConfigError(str(err)), provider, model_type)
            return _BUILTIN_NAMES[provider][model_type]

    def get_model_config(self, provider: str, model_type: str = "flagship") -> Dict[str, Any]:
        """The whole answer (model_name, pricing, context_window …) plus "from": network, cache, stale or builtin."""
        _check_request(provider, model_type)
        query = urllib.parse.urlencode({"provider": provider, "type": model_type})
        config, source = self._read("%s/%s" % (provider, model_type), "/api/ai-model-config?" + query, lambda b: True, (provider, model_type), model_type)
        if config is not None:
            return dict(config, **{"from": source})
        return self._builtin(provider, model_type)

    def get_route(self, name: str, fallback: Optional[str] = None) -> Dict[str, Any]:
        """A named route's answer with its whole "chain"; the cached one (chain included) when the API fails, else
        the fallback slot's answer ("from": "fallback"). Never raises for a valid name; an invalid one is ValueError."""
        if not _ROUTE_NAME.match(name):
            raise ValueError("Invalid route name %r: use lower-case letters, digits, '-', '_' or '.'" % (name,))
        slot = _parse_slot(fallback or self.route_fallback)
        path = "/api/ai-model-config/routes/" + urllib.parse.quote(name, safe="")
        config, source = self._read("route:" + name, path, lambda b: isinstance(b.get("chain"), list), ("route", name), None)
        return self._or_fallback(config, source, slot, {"chain": []})

    def select(self, query: Dict[str, Any], fallback: Optional[str] = None) -> Dict[str, Any]:
        """The best model for a query (type, capabilities, min_context, min_output, max_input_price, max_output_price,
        providers, order, include_preview), with "alternatives" and "matched". Never raises: when the API fails or
        nothing matches, the cached answer, else the fallback slot's (default: the query's first provider and type)."""
        qs = select_query_string(query)
        providers = query.get("providers") or ["openai"]
        slot = _parse_slot(fallback or "%s:%s" % (providers[0], "fast" if query.get("type") == "fast" else "flagship"))
        path = "/api/ai-model-config/select" + ("?" + qs if qs else "")
        valid = lambda b: isinstance(b.get("alternatives"), list) and isinstance(b.get("matched"), int)  # noqa: E731
        config, source = self._read("select:" + qs, path, valid, ("select", qs), None)
        return self._or_fallback(config, source, slot, {"alternatives": [], "matched": 0})

    def clear(self) -> None:
        """Forgets every cached answer."""
        with self._guard:
            self._cache.clear()
            self._failed_until.clear()

    # internals

    def _read(self, key: str, path: str, valid: Callable[[Dict[str, Any]], bool], about: Tuple[str, str], model_type: Optional[str]) -> Tuple[Optional[Dict[str, Any]], str]:
        """(answer, "network" | "cache" | "stale"); the answer is None when stale with nothing cached. Never raises."""
        hit = self._fresh(key)
        if hit is not None:
            return hit, "cache"
        with self._lock_for(key):  # one request in flight per key: the others wait and take its answer
            hit = self._fresh(key)
            if hit is not None:
                return hit, "cache"
            entry = self._cache.get(key)
            if self._clock() < self._failed_until.get(key, 0.0):
                return (entry.config if entry else None), "stale"
            try:
                config, etag = self._request(path, entry, valid)
            except ModelConfigError as err:
                self._failed_until[key] = self._clock() + self.retry_after_error
                self._report(err, *about)
                return (entry.config if entry else None), "stale"
            self._cache[key] = _Entry(config, etag, self._clock() + self.ttl)
            self._failed_until.pop(key, None)
            self._notice_deprecation(config, model_type or str(config.get("model_type")))
            return config, "network"

    def _or_fallback(self, config: Optional[Dict[str, Any]], source: str, slot: Tuple[str, str], empty: Dict[str, Any]) -> Dict[str, Any]:
        if config is not None:
            return dict(config, **{"from": source})
        answer = self.get_model_config(*slot)
        return dict(answer, **empty, **{"from": "fallback"})

    def _fresh(self, key: str) -> Optional[Dict[str, Any]]:
        entry = self._cache.get(key)
        if entry is not None and self._clock() < entry.expires_at:
            return entry.config
        return None

    def _lock_for(self, key: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def _builtin(self, provider: str, model_type: str) -> Dict[str, Any]:
        if self._defaults is None:
            self._defaults = builtin_defaults(self._catalog_path)
        default = self._defaults.get((provider, model_type))
        if default is None:
            raise ModelConfigError("No built-in default for %s/%s" % (provider, model_type))
        return dict(default, **{"from": "builtin"})

    def _notice_deprecation(self, config: Dict[str, Any], model_type: str) -> None:
        """Once per model: an answer whose model shuts down within 30 days goes to on_deprecation (default: a warning)."""
        notice = deprecation_notice(config, model_type, self._wall_clock())
        if notice is None or (notice["provider"], notice["model_name"]) in self._warned:
            return
        self._warned.add((notice["provider"], notice["model_name"]))
        try:
            if self._on_deprecation is not None:
                self._on_deprecation(notice)
            else:
                log.warning("ai-model-config %s/%s shuts down on %s (%d days)", notice["provider"], notice["model_name"], notice["shutdown_date"], notice["days_left"])
        except Exception:  # noqa: BLE001 - a failing handler must not make get_model fail
            pass

    def _report(self, err: ModelConfigError, what: str, which: str) -> None:
        """on_error(err, provider, model_type) for slots, (err, "route", name) and (err, "select", query) otherwise."""
        try:
            if self._on_error is not None:
                self._on_error(err, what, which)
            else:
                log.warning("ai-model-config %s/%s: %s; using a cached or fallback model", what, which, err)
        except Exception:  # noqa: BLE001 - a failing handler must not make get_model fail
            pass

    def _request(self, path: str, entry: Optional[_Entry], valid: Callable[[Dict[str, Any]], bool]) -> Tuple[Dict[str, Any], Optional[str]]:
        if not self.base_url:
            raise ModelConfigError("AI_MODEL_CONFIG_URL is not set")
        req = urllib.request.Request(self.base_url + path, headers={"Accept": "application/json"})
        if self.api_key:
            req.add_header("Authorization", "Bearer " + self.api_key)
        if entry is not None and entry.etag:
            req.add_header("If-None-Match", entry.etag)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as res:
                body = json.loads(res.read().decode("utf-8"))
                etag = res.headers.get("ETag")
        except urllib.error.HTTPError as err:
            if err.code == 304 and entry is not None:
                return entry.config, entry.etag
            raise self._http_error(err) from None
        except (urllib.error.URLError, OSError, ValueError) as err:
            raise ModelConfigError("config API unreachable: %s" % (getattr(err, "reason", None) or err)) from None
        if not (_is_config(body) and valid(body)):
            raise ModelConfigError("config API answered an unexpected body")
        body.pop("success", None)
        return body, etag

    @staticmethod
    def _http_error(err: urllib.error.HTTPError) -> ModelConfigError:
        code = message = None
        try:
            error = json.loads(err.read().decode("utf-8")).get("error", {})
            code, message = error.get("code"), error.get("message")
        except (ValueError, AttributeError, OSError):
            pass
        text = "config API answered %d" % err.code + (": %s" % message if message else "")
        return ModelConfigError(text, status=err.code, code=code)
